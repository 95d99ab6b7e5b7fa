import Numeric

/// The law `p_t = Σₖ cₖtᵏ` of a ``LatentChain`` for every `|t| ≤ r`, at the working precision
/// `p`: the Taylor coefficients `(k+1)c_{k+1} = cₖA + c_{k−1}B`, `c₀ = p₀`, `c₋₁ = 0` (the series
/// is entire in t) do not depend on t, so they are found once and each time is Horner's rule.
///
/// Truncation, for every `|t| ≤ r` at once: in the ℓ¹ norm of row vectors `eₖ = ‖cₖ‖rᵏ` obeys
/// `e_{k+1} ≤ qₖ max(eₖ, e_{k−1})`, `qₖ = (αr + βr²)/(k+1)`, `α = ‖A‖_∞`, `β = ‖B‖_∞` (largest
/// absolute row sums). Once `q_K ≤ 1/2` each pair of later terms is at most `q_K` times the
/// pair before, so the tail past K is at most `2 max(e_K, e_{K−1})`; the coefficients run to
/// the first K with `q_K ≤ 1/2` and `e_K, e_{K−1} ≤ 2^−(p+11)`, and the tail is below
/// `2^−(p+10)` (to the rounding of `c_K`) against `‖p_t‖₁ = 1`, never a fixed count: large
/// rates and radii need hundreds of terms.
///
/// Rounding: the same recurrence with norms is the series of `exp(αt + βt²/2)`, so no
/// partial sum `Σ_{j≥k} cⱼtʲ` of Horner's rule exceeds `e^{αr+βr²/2}` while the sum is a
/// probability vector: the coefficients and Horner's rule run with that many guard bits (plus
/// 16 for the rounding of the terms) and the law is rounded once to `p` bits, so it is
/// accurate to a few units of `2^−p`.
///
/// Public so that `bench claims` times the claim's own evaluation of the law.
public struct LawSeries: Sendable {
  /// `r`: the largest `|t|` the coefficients serve.
  public let radius: BigFloat
  /// `p`, the precision of the values.
  let bits: Int
  /// `p` plus the guard bits, the precision of the coefficients and of Horner's rule.
  let workingBits: Int
  /// `c₀ … c_K`.
  let coefficients: [[BigFloat]]

  /// The coefficients of `chain`'s law for `|t| ≤ radius` at the working precision.
  public init(_ chain: LatentChain, radius: BigFloat) {
    let bits = Precision.bits
    let (alpha, beta) = chain.norms
    let r = radius.magnitude
    // The number of guard bits needs only an estimate of the growth: binary64.
    let growth = (alpha.doubleValue + beta.doubleValue * r.doubleValue / 2) * r.doubleValue
    let workingBits = bits + Int((growth / Double.log(2)).rounded(.up)) + 16
    (self.radius, self.bits, self.workingBits) = (radius, bits, workingBits)
    coefficients = withPrecision(workingBits) {
      let (a, b) = (chain.a.map { $0.map { BigFloat($0) } }, chain.b.map { $0.map { BigFloat($0) } })
      let spread = BigFloat(alpha) * r + BigFloat(beta) * r * r
      let tolerance = powerOfTwo(-(bits + 11))
      var coefficients = [chain.initial.map { BigFloat($0) }]
      var previous = chain.initial.map { _ in BigFloat(0) }
      // eₖ for the last two coefficients, and rᵏ.
      var (scale, last, beforeLast) = (BigFloat(1), coefficients[0].map(\.magnitude).total, BigFloat(0))
      var k = 0
      while !(2 * spread <= BigFloat(k + 1) && last <= tolerance && beforeLast <= tolerance) {
        let current = coefficients[k]
        let next = zip(current.times(a), previous.times(b)).map { ($0 + $1) / BigFloat(k + 1) }
        (previous, k) = (current, k + 1)
        coefficients.append(next)
        scale *= r
        (beforeLast, last) = (last, next.map(\.magnitude).total * scale)
      }
      return coefficients
    }
  }

  /// `p_t` for `|t| ≤ radius`, rounded to `p` bits.
  public func law(at t: BigFloat) -> [BigFloat] {
    precondition(t.magnitude <= radius, "t = \(t) lies outside the series' radius \(radius)")
    return withPrecision(workingBits) {
      let t = BigFloat(t, precision: workingBits)
      var sum = coefficients[coefficients.count - 1]
      // In place: Horner's rule is most of the claim's arithmetic, and the operators allocate.
      for c in coefficients.dropLast().reversed() {
        for i in sum.indices {
          sum[i] *= t
          sum[i] += c[i]
        }
      }
      return sum.map { BigFloat($0, precision: bits) }
    }
  }
}

