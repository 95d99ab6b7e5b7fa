import Numeric
import Symbolic

/// The universality classes of an activation by its Euler defect `φ_σ(z) = zσ′(z) − σ(z)` (C5).
public enum UniversalityClass: String, Sendable, CaseIterable {
  /// `φ_σ ≡ 0`: positively 1-homogeneous σ; the imbalance is conserved.
  case a = "A"
  /// `σ(0) = 0` and the first non-zero defect coefficient has odd order q.
  case b = "B"
  /// `σ(0) = 0` and q even.
  case c = "C"
  /// `σ(0) ≠ 0`, so `c_0 = −σ(0) ≠ 0`.
  case d = "D"
}

/// The Taylor coefficients at 0 of an activation σ and of its Euler defect φ_σ, by Taylor-mode
/// automatic differentiation (`Jet`), and the classification they imply.
///
/// The claim (C4) is `φ_σ(z) = −σ(0) + Σ_{k≥2} (k−1) σ^{(k)}(0)/k! · z^k`: with the unscaled
/// coefficients `s_k = σ^{(k)}(0)/k!` of σ, `c_k = (k−1) s_k` for every k (so `c_1 = 0`).
public struct DefectSeries<T: Scalar> {
  public let activation: Activation
  /// `s_k = σ^{(k)}(0)/k!`, k = 0…order.
  public let sigma: [T]
  /// `c_k`, the coefficients of `φ_σ(z) = zσ′(z) − σ(z)` with σ′ in closed form.
  public let defect: [T]

  public init(_ activation: Activation, order: Int = 7) {
    self.activation = activation
    sigma = taylorCoefficients(of: { activation.value($0) }, at: T.zero, order: order)
    defect = taylorCoefficients(of: { activation.defect($0) }, at: T.zero, order: order)
  }

  /// The classification rule of C5, treating `|c_k| < zero` as zero. With `ignoringConstant`
  /// it is the spec's wrong rule, which looks only at the first non-constant term.
  public func classify(zero: T, ignoringConstant: Bool = false) -> (UniversalityClass, q: Int?) {
    let first = defect.indices.first { k in
      (!ignoringConstant || k > 0) && defect[k].magnitude >= zero
    }
    guard let q = first else { return (.a, nil) }
    if q == 0 { return (.d, 0) }
    return (q % 2 == 1 ? .b : .c, q)
  }
}

extension DefectSeries where T == Ball {
  /// C5's classification decided rigorously, or nil when it cannot be.
  ///
  /// The defect's coefficients are taken as `c_k = (k − 1) s_k`, C4's identity of power series
  /// (`φ = zσ′ − σ` term by term), from the balls `s_k` of σ's Taylor-mode series: so `c_1` is
  /// exactly 0, and a structural zero of σ's series (the even terms of an odd σ) is an exact
  /// zero ball. A coefficient counts as zero when its ball is exactly 0, as non-zero when the
  /// ball excludes 0; any other ball before the first non-zero coefficient leaves the class
  /// undecided. The ball arithmetic accounts for every rounding, so a decided class is the
  /// activation's.
  public func certifiedClass(ignoringConstant: Bool = false) -> (UniversalityClass, q: Int?)? {
    for k in sigma.indices where !ignoringConstant || k > 0 {
      let c = Ball(k - 1) * sigma[k]
      if c.isExact && c.midpoint.isZero { continue }
      guard c.isCertainlyNonzero else { return nil }
      if k == 0 { return (.d, 0) }
      return (k % 2 == 1 ? .b : .c, k)
    }
    return (.a, nil)
  }
}
