/// The numbers of positive, negative and zero eigenvalues of a symmetric matrix (Sylvester's
/// law of inertia: invariant under congruence, so it classifies a critical point: a strict
/// minimum has only positive eigenvalues, a saddle with k descent directions k negative ones).
public struct Inertia: Sendable, Hashable, CustomStringConvertible {
  public var positive: Int
  public var negative: Int
  public var zero: Int

  public init(positive: Int, negative: Int, zero: Int) {
    self.positive = positive
    self.negative = negative
    self.zero = zero
  }

  /// The inertia of `eigenvalues`, counting `|λ| ≤ zeroTolerance` as zero. The tolerance is
  /// the caller's statement of what "zero" means for the instance (a flat direction of a
  /// symmetric critical set, not rounding noise): it is never chosen here.
  public init<T: Scalar>(eigenvalues: [T], zeroTolerance: T) {
    let zero = eigenvalues.filter { $0.magnitude <= zeroTolerance }.count
    let positive = eigenvalues.filter { $0 > zeroTolerance }.count
    self.init(positive: positive, negative: eigenvalues.count - positive - zero, zero: zero)
  }

  public var description: String {
    "(\(positive) positive, \(negative) negative, \(zero) zero)"
  }
}
