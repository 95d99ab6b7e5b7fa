import Numeric

/// A quantity that must vanish, evaluated at increasing precisions `p₁ < p₂ < … < pₖ`.
///
/// It *holds* when
/// - at the top rung, `r(pₖ) ≤ 2^(−pₖ + slack)`, and
/// - it falls between consecutive rungs: `r(pᵢ₊₁) = 0` or
///   `r(pᵢ₊₁) ≤ max(r(pᵢ), 2^(−pᵢ + slack)) · 2^(−(pᵢ₊₁ − pᵢ) + 10)`.
///
/// A true identity computed with rounding error only has `r(p) ≈ C · 2^(−p)`, which meets both.
/// A near miss `δ ≠ 0` plateaus at `δ` and breaks the fall as soon as `δ` exceeds a rung's
/// rounding level. Measuring the fall from `max(r(pᵢ), threshold(pᵢ))` rather than from `r(pᵢ)`
/// alone keeps a lucky, unusually small residual at a low rung from failing a true identity.
struct PrecisionLadder {
  var rungs: [Int]
  var slack: Int

  /// The condition at the top rung, e.g. `<= 2^-492`.
  var threshold: String { "<= 2^\(slack - rungs.last!)" }

  /// Evaluates `residual(bits)` under `withPrecision(bits)` at every rung and judges whether it
  /// vanishes along them; throws on NaN or ∞. The measured value is the top rung's.
  func judge(_ what: String, _ residual: (Int) throws -> BigFloat) throws -> Judgement {
    precondition(
      rungs.count >= 2 && zip(rungs, rungs.dropFirst()).allSatisfy(<),
      "a precision ladder needs at least two increasing rungs")
    let values = try rungs.map { bits in
      CheckResult.Rung(
        bits: bits,
        value: try finite(withPrecision(bits) { try residual(bits) }, "\(what) at \(bits) bits"))
    }
    for (low, high) in zip(values, values.dropFirst()) where !high.value.isZero {
      let reference = BigFloat.maximum(low.value.magnitude, powerOfTwo(slack - low.bits))
      if high.value.magnitude > reference * powerOfTwo(10 - (high.bits - low.bits)) {
        return Judgement(
          status: .fails, measured: values.last!.value,
          why: "\(what) does not fall from \(low.bits) to \(high.bits) bits "
            + "(\(DecimalFormat.short(low.value)) to \(DecimalFormat.short(high.value))): "
            + "it plateaus, so the statement is not exact", ladder: values)
      }
    }
    let top = values.last!
    guard top.value.magnitude <= powerOfTwo(slack - top.bits) else {
      return Judgement(
        status: .fails, measured: top.value,
        why: "\(what) \(DecimalFormat.short(top.value)) at \(top.bits) bits exceeds "
          + "2^\(slack - top.bits)", ladder: values)
    }
    return Judgement(
      status: .holds, measured: top.value,
      why: "\(what) falls with the precision to \(DecimalFormat.short(top.value)) at "
        + "\(top.bits) bits", ladder: values)
  }
}
