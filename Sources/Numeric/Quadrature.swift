/// `∫ₐᵇ f(x) dx` to the working precision, with an error estimate, over finite and infinite
/// intervals.
///
/// - A finite interval whose endpoints `f` is finite at goes to Gauss–Legendre with doubling:
///   `n = 8, 16, 32, 64` points until two successive estimates agree (``tolerance(scale:)``).
///   For an integrand analytic on the interval the error falls geometrically in `n`, so the
///   finer estimate is accurate to rounding once the two agree.
/// - An endpoint where `f` is not finite (`1/√x`, `log x` at 0), or doubling that does not
///   converge (a singular derivative at an endpoint, `√x`), goes to tanh–sinh (``TanhSinh``),
///   which never evaluates the endpoints and converges double exponentially for integrable
///   endpoint singularities.
/// - An infinite interval is mapped onto `[−1, 1]` and integrated by tanh–sinh:
///   `x = t/(1 − t²)` for `(−∞, ∞)`, `x = a + (1 + t)/(1 − t)` for `[a, ∞)` and
///   `x = b − (1 − t)/(1 + t)` for `(−∞, b]`. These maps leave an integrand decaying like
///   `|x|^(−1−κ)` or faster with an integrable endpoint behaviour, which tanh–sinh handles.
///
/// The error estimate is the difference of the last two estimates, the error of the one before
/// the last: both rules converge faster than geometrically, so it bounds the returned value's
/// error in practice, pessimistically, but it is not a rigorous bound. A failure to converge is an error, never a value.
public enum Quadrature {
  /// How an integral was computed.
  public enum Method: String, Sendable {
    case gaussLegendre = "Gauss–Legendre"
    case tanhSinh = "tanh–sinh"
  }

  /// A quadrature's result.
  public struct Estimate<T: Scalar>: Sendable {
    public let value: T
    /// `|Iₖ − Iₖ₋₁|`, the difference of the last two estimates.
    public let error: T
    /// How many times the integrand was evaluated (the finite Gauss–Legendre endpoints included).
    public let evaluations: Int
    public let method: Method
  }

  /// Two estimates agree when they differ by at most `2⁸ · ε · scale`, `scale = Σ |wᵢ f(xᵢ)|`:
  /// the sum of `n` weighted terms carries rounding noise of order `√n · ε · scale` (and the
  /// integrand's own rounding a few `ε · scale`), which an agreement at `ε` itself could not be
  /// asked to beat; `2⁸` covers `√n` for every rule used here. Relative to `scale`, not to the
  /// value, because an integral that cancels (`∫ sin` over a period) is only as accurate as
  /// its terms.
  public static func tolerance<T: Scalar>(scale: T) -> T { 256 * T.workingEpsilon * scale }

  /// Whether a refinement has converged, from the last two differences `d₁ = |Iₖ − Iₖ₋₁|` and
  /// `d₂ = |Iₖ₋₁ − Iₖ₋₂|` (nil before there are three estimates): `d₁ ≤ tolerance`, or `d₁ < d₂`
  /// and `d₁²/d₂ ≤ tolerance`. Both rules square their error when refined (`Iₖ₋₁` is off by
  /// about `d₁`, so `Iₖ` by about `d₁²/scale`), which `d₁²/d₂ ≥ d₁²/scale` bounds from above
  /// (Bailey's estimate for tanh–sinh); a sequence converging only geometrically, `d₁ ≈ r·d₂`,
  /// passes only once `d₁ ≤ tolerance / r`, so the early stop needs faster convergence than
  /// geometric to come early.
  static func converged<T: Scalar>(_ d1: T, _ d2: T?, tolerance: T) -> Bool {
    if d1 <= tolerance { return true }
    guard let d2 else { return false }
    return d1 < d2 && d1 * d1 <= tolerance * d2
  }

  /// The Gauss–Legendre point counts tried on a finite interval. Computing an `n`-point rule
  /// costs `O(n²)` operations at the working precision (once per precision, then cached), so
  /// doubling stops at 64, enough for an entire integrand on a unit interval to about 600
  /// bits; beyond, tanh–sinh, whose nodes cost `O(1)` each, takes over.
  public static let gaussLegendrePoints = [8, 16, 32, 64]

  /// `∫ₐᵇ f(x) dx`, `a = nil` for −∞ and `b = nil` for +∞ (a > b is allowed for finite limits
  /// and gives minus the integral over `[b, a]`).
  ///
  /// - Throws: `NumericError.nonFinite` when the integrand is not finite inside the interval (or
  ///   at the end of an infinite one), `NumericError.notConverged` when neither rule reaches the
  ///   working precision; and whatever `f` throws.
  public static func integrate<T: Scalar>(
    _ f: (T) throws -> T, from a: T?, to b: T?
  ) throws -> Estimate<T> {
    switch (a, b) {
    case (let a?, let b?):
      return try finite(f, a, b)
    case (let a?, nil):
      return try TanhSinh.integrate { _, p, m in try scaled(f, a + p / m, 2 / (m * m)) }
    case (nil, let b?):
      return try TanhSinh.integrate { _, p, m in try scaled(f, b - m / p, 2 / (p * p)) }
    case (nil, nil):
      return try TanhSinh.integrate { t, p, m in
        let (x, q) = (t / (m * p), m * p)
        return try scaled(f, x, (1 + t * t) / (q * q))
      }
    }
  }

  /// `f(x) · jacobian`; where the jacobian overflowed (binary64 near an infinite end), an
  /// integrand that underflowed to 0 there contributes its limit 0 rather than `0 · ∞`.
  private static func scaled<T: Scalar>(_ f: (T) throws -> T, _ x: T, _ jacobian: T) throws -> T {
    let y = try f(x)
    return !jacobian.isFinite && y == 0 ? y : y * jacobian
  }

  private static func finite<T: Scalar>(_ f: (T) throws -> T, _ a: T, _ b: T) throws -> Estimate<T> {
    let half = (b - a) / 2
    if try f(a).isFinite && f(b).isFinite,
      let estimate = try gaussLegendre(f, a, b, half)
    {
      return estimate
    }
    // Each node placed from the nearer endpoint: x − a and b − x keep their relative precision.
    let estimate = try TanhSinh.integrate { t, p, m in try f(t < 0 ? a + half * p : b - half * m) }
    return Estimate(
      value: half * estimate.value, error: (half * estimate.error).magnitude,
      evaluations: estimate.evaluations, method: .tanhSinh)
  }

  /// The `n`-point rule in `T`, computed in `BigFloat` for every other type.
  private static func gaussLegendreRule<T: Scalar>(_ n: Int, as type: T.Type) throws -> (nodes: [T], weights: [T]) {
    if T.self == BigFloat.self, let rule = try GaussLegendre.rule(points: n, as: BigFloat.self) as? QuadratureRule<T> {
      return (rule.nodes, rule.weights)
    }
    return try cachedConvertedTable("Gauss–Legendre", T.self, n) {
      let rule = try GaussLegendre.rule(points: n, as: BigFloat.self)
      return (rule.nodes, rule.weights)
    }
  }

  /// Gauss–Legendre with doubling, or nil when the point counts run out before two agree.
  private static func gaussLegendre<T: Scalar>(
    _ f: (T) throws -> T, _ a: T, _ b: T, _ half: T
  ) throws -> Estimate<T>? {
    let midpoint = (a + b) / 2
    var (previous, difference): (T?, T?) = (nil, nil)
    var evaluations = 2
    for n in gaussLegendrePoints {
      let (nodes, weights) = try gaussLegendreRule(n, as: T.self)
      var (sum, magnitudes) = (T.zero, T.zero)
      for (x, w) in zip(nodes, weights) {
        let term = w * (try f(half * x + midpoint))
        sum += term
        magnitudes += term.magnitude
      }
      evaluations += n
      let estimate = half * sum
      guard estimate.isFinite else { return nil }
      if let previous {
        let d1 = (estimate - previous).magnitude
        if converged(d1, difference, tolerance: tolerance(scale: (half * magnitudes).magnitude)) {
          return Estimate(value: estimate, error: d1, evaluations: evaluations, method: .gaussLegendre)
        }
        difference = d1
      }
      previous = estimate
    }
    return nil
  }
}
