import Numeric

/// A quantity that must vanish (a relative residual, a gradient norm), evaluated at increasing
/// precisions `p₁ < … < pₖ` and, when those cannot decide, further at `2pₖ, 4pₖ, …` up to
/// ``cap``.
///
/// Computed with rounding error only, a true identity has `r(p) ≈ C · 2^(−p)`: each rung's
/// residual is exactly 0 or within the rung's own rounding bound `2^(−p+s)` (the slack `s`
/// allows `2^s` units of rounding error), and it falls with the precision. The rules, in order:
///
/// 1. **Plateau** (fails): `r(pᵢ) > max(r(pⱼ), 2^(−pⱼ+s)) · 2^(−(pᵢ−pⱼ)+10)` for the last
///    non-zero rung `j < i`: the residual did not fall by the rung ratio (within `2^10`). A near
///    miss `δ` plateaus at `δ` once it exceeds the rounding level. The bound in the maximum keeps
///    an unusually small (lucky) `r(pⱼ)` from failing a true identity.
/// 2. **Rise** (fails): a non-zero `r(pᵢ)` larger than `r(pⱼ)`, below the plateau's tolerance.
///    Rounding error only falls as the precision rises; a difference between the sides does not.
/// 3. **Climb**: the top rung cannot decide, and the ladder adds the rung `2pₖ`, when
///    - every rung is exactly 0 (`x = x + 10⁻¹⁶⁰` is 0 at every precision below 532 bits);
///    - the top rung is the first non-zero one (`0, 0, 0, 10⁻¹⁵⁰`: rounding at 512 bits, or a
///      difference just coming into view?);
///    - the top rung is more than `2^8` above the rounding extrapolated from the last non-zero
///      rung `j`, `r(pⱼ) · 2^(−(pₖ−pⱼ))`: a near miss hiding inside the slack.
///
///    At ``cap`` the ladder stops climbing and rules 4 and 5 decide: a ladder exactly 0 at every
///    rung holds, and the judgement says exactly that (the statement agrees to every bit of every
///    rung); a top rung within its bound holds as any top rung does (`0, …, 0, 10⁻²⁴⁶⁷` at 8192
///    bits: rounding, or a difference below `2^(−cap+s)`, which is what the judgement says).
/// 4. **Bound**: some rung is above `2^(−p+s)`. If it is the only non-zero rung and the top,
///    a difference appeared that rounding cannot explain: fails. Otherwise every step falls
///    (rules 1, 2) and the ladder is undecided. A computation
///    that loses `c` bits to ill-conditioning has `r(p) ≈ 2^(c−p)` at every precision: it falls
///    by the full rung ratio yet never meets a bound of `2^(s−p)` when `c > s`, and the ladder
///    cannot tell it from a near miss below `r(pₖ)`. The judgement says "needs more precision
///    (start at P bits)" with `P = p₁ + c − s` (rounded up to a multiple of 8), `c` estimated
///    from the fall as `max pᵢ + log₂ r(pᵢ)`: the ladder raised by the `c − s` guard bits the
///    conditioning costs would meet the bounds of the rungs as they are.
/// 5. Otherwise it **holds**, and the judgement says to how many bits the statement agrees at
///    every rung (`p − d` with `d ≤ s` the largest excess of `r(p)` over `2^(−p)`, in bits).
///
/// So a constant relative error `δ` fails as soon as some rung up to the cap resolves it
/// (`δ > 2^(−p+s)`, or `δ` more than `2^8` above the rounding level with a rung above it), and
/// one below `2^(−cap)` is invisible: the pass says what was shown, not more.
struct PrecisionLadder {
  var rungs: [Int]
  var slack: Int
  /// The highest precision the ladder climbs to: 4pₖ unless given.
  var cap: Int

  /// How many bits a step may fall short of the rung ratio before it counts as a plateau.
  static let fallTolerance = 10
  /// How many bits the top rung may lie above the extrapolated rounding before the ladder climbs.
  static let extrapolationTolerance = 8

  init(rungs: [Int], slack: Int, cap: Int? = nil) {
    precondition(
      rungs.count >= 2 && zip(rungs, rungs.dropFirst()).allSatisfy(<),
      "a precision ladder needs at least two increasing rungs")
    self.rungs = rungs
    self.slack = slack
    self.cap = cap ?? 4 * rungs.last!
  }

  /// The condition at the top rung of the nominal ladder, e.g. `<= 2^-492`.
  var threshold: String { "<= 2^\(slack - rungs.last!)" }

  /// Evaluates `residual(bits)` under `withPrecision(bits)` at every rung, and at further rungs
  /// while the rules call for them, and judges whether it vanishes along them; throws on NaN or
  /// ∞. The measured value is the top rung's.
  func judge(_ what: String, _ residual: (Int) throws -> BigFloat) throws -> Judgement {
    func rung(_ bits: Int) throws -> CheckResult.Rung {
      CheckResult.Rung(
        bits: bits,
        value: try finite(withPrecision(bits) { try residual(bits) }, "\(what) at \(bits) bits"))
    }
    var values = try rungs.map(rung)
    while true {
      let next = 2 * values.last!.bits
      switch assess(values, what, canClimb: next <= cap) {
      case .decided(let status, let why):
        return Judgement(status: status, measured: values.last!.value, why: why, ladder: values)
      case .climb:
        values.append(try rung(next))
      }
    }
  }

  /// `2^(−bits+slack)`, the rounding bound of a rung.
  func bound(_ bits: Int) -> BigFloat { powerOfTwo(slack - bits) }
}
