/// Tanh–sinh (double-exponential) quadrature on `[−1, 1]` (Takahasi and Mori).
///
/// The substitution `t = tanh(π/2 · sinh s)` turns `∫₋₁¹ g(t) dt` into `∫_ℝ g(t(s)) w(s) ds` with
/// `w = (π/2) cosh s / cosh²(π/2 · sinh s)`, which decays double exponentially, so the trapezoidal
/// rule with step `h` converges like `exp(−c/h)` even when `g` has integrable singularities at
/// ±1, where it is never evaluated. Level `m` has step `h = 2⁻ᵐ`; each level adds the nodes at
/// the odd multiples of `h`, so refining reuses every earlier evaluation, and the estimates of
/// successive levels are compared as Gauss–Legendre's are under doubling.
///
/// A node is held as its distance `δ = 1 − |t| = 2/(e^{2u} + 1)`, `u = π/2 · sinh s`, to the
/// nearer endpoint, computed without cancellation, so an integrand singular there sees `x − a`
/// to full relative precision however small it is. The nodes run out to `δ ≈ ε⁸`: the
/// neglected tail of an integrand growing like `δ^(−α)` is about `ε^(8(1−α))`, below `ε` for
/// `α ≤ 7/8`; a tail that is not negligible is detected (the outermost terms are compared with
/// the tolerance) and reported, never silently dropped.
public enum TanhSinh {
  /// The nodes one level adds for `s > 0` (each also stands for its mirror at `−s`).
  struct Level<T: Scalar>: Sendable {
    /// `δ = 1 − t` of the node `t > 0`, which is also `1 + t` of its mirror `−t`; decreasing.
    let distances: [T]
    /// `w(s)`, the same for both mirrors.
    let weights: [T]
  }

  /// The largest `s` used: where `δ` reaches `ε⁸` (`u = 4 log(1/ε) + log(2)/2`, so `sinh s = 2u/π`).
  static func reach<T: Scalar>(_ type: T.Type) -> Double {
    let u = 4 * -T.log(T.workingEpsilon).doubleValue + 0.5 * 0.6931471805599453
    return Double.asinh(2 * u / Double.pi)
  }

  /// The deepest level tried: the step `h ≈ π²/log(1/ε)` at which the discretisation error of
  /// an integrand analytic near `[−1, 1]` reaches `ε`, refined four times more for integrands that
  /// are less regular.
  static func maximumLevel<T: Scalar>(_ type: T.Type) -> Int {
    let needed = Double.log2(-T.log(T.workingEpsilon).doubleValue / (Double.pi * Double.pi))
    return Swift.max(0, Int(needed.rounded(.up))) + 4
  }

  /// The nodes of level `m` (`s = kh`, `h = 2⁻ᵐ`, `k ≥ 1`, odd when `m ≥ 1`), cached per
  /// precision, computed in `BigFloat` for every other scalar type. Stops early where `δ`
  /// underflows (binary64), so no node is an endpoint.
  static func level<T: Scalar>(_ m: Int, as type: T.Type = T.self) -> Level<T> {
    if let level = computedLevel(m, as: BigFloat.self) as? Level<T> { return level }
    let (distances, weights) = cachedConvertedTable("tanh–sinh", T.self, m) {
      let level = computedLevel(m, as: BigFloat.self)
      return (level.distances, level.weights)
    }
    // binary64 underflows where BigFloat does not.
    let count = distances.firstIndex { !($0 > 0) } ?? distances.count
    return Level(distances: Array(distances[..<count]), weights: Array(weights[..<count]))
  }

  private static func computedLevel<T: Scalar>(_ m: Int, as type: T.Type) -> Level<T> {
    cachedQuadratureTable("tanh–sinh", T.self, m) {
      let (limit, denominator) = (reach(T.self), 1 << m)
      var (distances, weights) = ([T](), [T]())
      let halfPi = T.pi / 2
      for k in stride(from: 1, through: Int(limit * Double(denominator)), by: m == 0 ? 1 : 2) {
        // Two exponentials a node: with d = eˢ − 1, sinh s = d(d + 2)/(2(d + 1)) without
        // cancellation for small s, and cosh s = (eˢ + e⁻ˢ)/2.
        let d = T.expMinusOne(T(Rational(k, denominator)))
        let u = halfPi * d * (d + 2) / (2 * (d + 1))
        let delta = 2 / (T.exp(2 * u) + 1)
        guard delta > 0 else { break }
        // 1 − t² = δ(2 − δ) = 1/cosh²u.
        distances.append(delta)
        weights.append(halfPi * (d + 1 + 1 / (d + 1)) / 2 * delta * (2 - delta))
      }
      return Level(distances: distances, weights: weights)
    }
  }

  /// `∫₋₁¹ g(t) dt`, with `g` called as `g(t, 1 + t, 1 − t)` so that a map of `[−1, 1]` onto
  /// an interval can place a node near an endpoint by its distance to it.
  ///
  /// Refines level by level until successive estimates agree to the working precision
  /// (`Quadrature.converged`) and the outermost terms are below the tolerance; the error
  /// estimate is the difference of the last two.
  ///
  /// - Throws: `NumericError.nonFinite` if a term is NaN or infinite (the integrand is not
  ///   finite inside the interval), `NumericError.notConverged` if the levels up to
  ///   ``maximumLevel(_:)`` do not agree or the tail is not negligible.
  public static func integrate<T: Scalar>(
    _ g: (_ t: T, _ onePlusT: T, _ oneMinusT: T) throws -> T
  ) throws -> Quadrature.Estimate<T> {
    let algorithm = "tanh–sinh quadrature"
    var sum = T.pi / 2 * (try g(0, 1, 1))
    var magnitudes = sum.magnitude
    var evaluations = 1
    var (previous, difference): (T?, T?) = (nil, nil)
    let deepest = maximumLevel(T.self)
    for m in 0...deepest {
      let level = level(m, as: T.self)
      var outermost = T.zero
      for (delta, w) in zip(level.distances, level.weights) {
        let right = w * (try g(1 - delta, 2 - delta, delta))
        let left = w * (try g(delta - 1, delta, 2 - delta))
        sum += right + left
        magnitudes += right.magnitude + left.magnitude
        outermost = T.maxOrNaN(right.magnitude, left.magnitude)
      }
      evaluations += 2 * level.distances.count
      let h = T(Rational(1, 1 << m))
      let estimate = h * sum
      guard estimate.isFinite, magnitudes.isFinite else { throw NumericError.nonFinite(algorithm: algorithm) }
      if let previous {
        let (d1, tolerance) = ((estimate - previous).magnitude, Quadrature.tolerance(scale: h * magnitudes))
        if Quadrature.converged(d1, difference, tolerance: tolerance) && h * outermost <= tolerance {
          return Quadrature.Estimate(value: estimate, error: d1, evaluations: evaluations, method: .tanhSinh)
        }
        difference = d1
      }
      previous = estimate
    }
    throw NumericError.notConverged(algorithm: algorithm, iterations: deepest + 1)
  }
}
