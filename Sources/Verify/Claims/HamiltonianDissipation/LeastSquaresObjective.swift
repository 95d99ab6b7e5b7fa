import Numeric

/// `f(W) = ½ ‖A W − B‖_F²`, the objective of the discrete energy identity:
/// `∇f(W) = Aᵀ(AW − B)`, `f` is `λ_max(AᵀA)`-smooth, and for it the discrete energy change is an
/// exact identity rather than an inequality.
public struct LeastSquaresObjective<T: Scalar>: ParticleObjective {
  public let a: Matrix<T>
  public let b: Matrix<T>

  public init(a: Matrix<T>, b: Matrix<T>) {
    precondition(a.rowCount == b.rowCount, "A is p×m, B is p×n")
    self.a = a
    self.b = b
  }

  public func value(_ particles: [Matrix<T>]) -> T {
    precondition(particles.count == 1, "a single-matrix objective")
    let r = a * particles[0] - b
    return r.frobeniusInnerProduct(r) / 2
  }

  public func firstVariationGradients(_ particles: [Matrix<T>]) -> [Matrix<T>] {
    precondition(particles.count == 1, "a single-matrix objective")
    return [a.transposed * (a * particles[0] - b)]
  }
}
