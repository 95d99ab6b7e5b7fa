import Numeric

/// The KL ideal of a loss `ℓ` on a finite space with reference masses `P` and temperature `λ`,
/// `Q* = argmin_Q { E_Q ℓ + KL(Q‖P)/λ } = P e^{−λℓ}/Z`, `Z = E_P e^{−λℓ}`, held exactly: the
/// caller supplies the factors `e^{−λℓ}` as rationals (`b^{D·ℓ}`, see ``DeferralProblem``).
struct KLIdeal: Sendable {
  /// `P`.
  let reference: [Rational]
  /// `e^{−λℓ}` per point.
  let tilt: [Rational]
  /// `Z = Σ P e^{−λℓ}`.
  let partition: Rational
  /// `Q*(i) = P(i) e^{−λℓ(i)} / Z`.
  let masses: [Rational]

  init(reference: [Rational], tilt: [Rational]) {
    precondition(reference.count == tilt.count)
    self.reference = reference
    self.tilt = tilt
    let weights = zip(reference, tilt).map { $0 * $1 }
    let partition = weights.reduce(Rational(0), +)
    self.partition = partition
    masses = weights.map { $0 / partition }
  }
}

/// `KL(P‖Q) = Σ P ln(P/Q)` of two distributions on the same finite space, in `T` (points with
/// `P = 0` contribute 0; `Q` must be positive wherever `P` is).
func kullbackLeibler<T: Scalar>(_ p: [Rational], _ q: [Rational], as type: T.Type = T.self) -> T {
  zip(p, q).reduce(T.zero) { sum, pair in
    pair.0.isZero ? sum : sum + T(pair.0) * T.log(T(pair.0 / pair.1))
  }
}

/// The Jensen–Shannon divergence `½KL(P₁‖M) + ½KL(P₂‖M)`, `M = (P₁ + P₂)/2`, in `T`.
func jensenShannon<T: Scalar>(_ p1: [Rational], _ p2: [Rational], as type: T.Type = T.self) -> T {
  let middle = zip(p1, p2).map { ($0 + $1) / 2 }
  return (kullbackLeibler(p1, middle) + kullbackLeibler(p2, middle) as T) / 2
}
