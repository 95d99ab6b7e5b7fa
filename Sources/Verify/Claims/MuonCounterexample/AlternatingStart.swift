import Numeric

/// The start offsets of C3 for which Muon's off-trace coordinate `u = W₁₁ − W₂₂` changes sign
/// at every step of a schedule `γ₀…γ_{T−1}`, exactly.
///
/// Plain sign descent moves `u` by `∓2γₜ`; with alternating sides the offset after `t` steps
/// has size `eₜ = (−1)ᵗ u₀ + aₜ`, `a₀ = 0`, `aₜ = 2γₜ₋₁ − aₜ₋₁`, and the sign alternates iff
/// `0 < eₜ < 2γₜ` for `t = 0…T−1`. `I(γ)` is the intersection of these open intervals in `u₀`.
struct AlternatingStart {
  /// The open interval `I(γ) = (lower, upper)`.
  let lower: Rational
  let upper: Rational

  /// `I(γ)`, or nil when it is empty.
  init?(steps: [Rational]) {
    var lower = Rational(0)
    var upper = 2 * steps[0]
    var a = Rational(0)
    for (t, gamma) in steps.enumerated() {
      if t > 0 { a = 2 * steps[t - 1] - a }
      // t even: 0 < u₀ + aₜ < 2γₜ; t odd: 0 < −u₀ + aₜ < 2γₜ.
      let (low, high) = t % 2 == 0 ? (-a, 2 * gamma - a) : (a - 2 * gamma, a)
      lower = max(lower, low)
      upper = min(upper, high)
    }
    guard lower < upper else { return nil }
    (self.lower, self.upper) = (lower, upper)
  }

  /// The midpoint of `I(γ)`, the start offset the spec uses.
  var midpoint: Rational { (lower + upper) / 2 }
}
