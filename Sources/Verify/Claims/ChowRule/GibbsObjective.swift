import Numeric

/// The objective whose minimiser defines a KL ideal (C1): on a finite space with reference `P`,
/// loss `ℓ` and temperature `λ`, `J(Q) = E_Q ℓ + KL(Q‖P)/λ`. Its Gibbs variational identity is
/// `J(Q) − J(Q*) = KL(Q‖Q*)/λ` with `Q* = P e^{−λℓ}/Z` and `J(Q*) = −(ln Z)/λ`, so `Q*` is the
/// unique minimiser.
struct GibbsObjective: Sendable {
  let reference: [Rational]
  let loss: [Rational]

  /// `J(Q)` in `T`, for `λ` given in `T`.
  func value<T: Scalar>(_ q: [Rational], lambda: T) -> T {
    let expectedLoss = zip(q, loss).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
    return T(expectedLoss) + kullbackLeibler(q, reference) / lambda
  }

  /// The distribution `u/Σu` of `u_i = uniform_i + 1/20`, one SplitMix64 draw per point in
  /// order: positive everywhere, so every KL against it is finite.
  static func randomDistribution(count: Int, generator: inout SplitMix64) -> [Rational] {
    let u = (0..<count).map { _ in generator.nextUniform() + Rational(1, 20) }
    let total = u.reduce(Rational(0), +)
    return u.map { $0 / total }
  }
}
