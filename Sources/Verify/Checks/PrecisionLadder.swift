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
///    (rules 1, 2), and the computation may be ill-conditioned: one that loses `c` bits has
///    `r(p) ≈ 2^(c−p)` at every precision, falls by the full rung ratio, yet never meets a
///    bound of `2^(s−p)` when `c > s`. Raising the precision alone cannot help, as the bound
///    moves with it; guard bits do (Ziv's strategy): the ladder is evaluated again at
///    `pᵢ + g` bits, `g = c − s` plus a margin, and judged against the bounds of the rungs as
///    they were, `2^(s−pᵢ)` (slack `s + g` at the raised rungs). Its sensitivity is the
///    nominal ladder's: a near miss `δ > 2^(s−pᵢ)` still plateaus and fails, and the judgement
///    names the guard bits. When the raised ladder would pass ``cap``, or still exceeds its
///    bounds, the check is undecided and says how many bits the conditioning costs.
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
  /// Guard bits beyond the measured conditioning loss, so that a loss which varies by a few
  /// bits between rungs still meets the bounds of the raised ladder.
  static let guardMargin = 16

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
    let nominal = try climb(what, residual)
    guard case .illConditioned(let guardBits, let lost, let why) = nominal.assessment else {
      return nominal.judgement
    }
    var guarded = self
    guarded.rungs = rungs.map { $0 + guardBits }
    guarded.slack = slack + guardBits
    guard guarded.rungs.last! <= cap else {
      return nominal.judgement(
        .undecided,
        why + "; the \(guardBits) guard bits that would meet the bounds pass the cap of "
          + "\(cap) bits: needs more precision")
    }
    let raised = try guarded.climb(what, residual)
    guard case .decided(let status, let raisedWhy) = raised.assessment else {
      return raised.judgement(
        .undecided, why + "; even with \(guardBits) guard bits it exceeds its bounds")
    }
    return raised.judgement(
      status,
      raisedWhy + " (with \(guardBits) guard bits: at the nominal rungs the computation lost "
        + "about \(lost) bits to conditioning)")
  }

  /// The rungs evaluated until the rules decide or the cap stops the climb, with the rules'
  /// assessment of them.
  private func climb(
    _ what: String, _ residual: (Int) throws -> BigFloat
  ) throws -> Climb {
    func rung(_ bits: Int) throws -> CheckResult.Rung {
      CheckResult.Rung(
        bits: bits,
        value: try finite(withPrecision(bits) { try residual(bits) }, "\(what) at \(bits) bits"))
    }
    var values = try rungs.map(rung)
    while true {
      let next = 2 * values.last!.bits
      let assessment = assess(values, what, canClimb: next <= cap)
      guard case .climb = assessment else { return Climb(values: values, assessment: assessment) }
      values.append(try rung(next))
    }
  }

  /// The rungs of one climb and what the rules made of them.
  private struct Climb {
    var values: [CheckResult.Rung]
    var assessment: Assessment

    /// The judgement the rules decided; an ill-conditioned climb is undecided.
    var judgement: Judgement {
      switch assessment {
      case .decided(let status, let why): judgement(status, why)
      case .illConditioned(_, _, let why): judgement(.undecided, why)
      case .climb: preconditionFailure("a climb ends decided")
      }
    }

    func judgement(_ status: Judgement.Status, _ why: String) -> Judgement {
      Judgement(status: status, measured: values.last!.value, why: why, ladder: values)
    }
  }

  /// `2^(−bits+slack)`, the rounding bound of a rung.
  func bound(_ bits: Int) -> BigFloat { powerOfTwo(slack - bits) }
}

