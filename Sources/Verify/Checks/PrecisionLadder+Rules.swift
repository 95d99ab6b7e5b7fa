import Numeric

/// The rules of ``PrecisionLadder``, applied to the rungs evaluated so far.
extension PrecisionLadder {
  enum Assessment {
    /// The rungs decide.
    case decided(Judgement.Status, String)
    /// The top rung cannot decide: evaluate the next one.
    case climb
    /// Every step falls as rounding does, but the computation loses more bits to conditioning
    /// than the slack allows (rule 4): the ladder raised by `guardBits` would meet its bounds.
    case illConditioned(guardBits: Int, lost: Int, String)
  }

  typealias Rung = CheckResult.Rung

  /// Applies the rules to `values`; rule 3 only while the ladder `canClimb` below its cap.
  func assess(_ values: [Rung], _ what: String, canClimb: Bool) -> Assessment {
    let nonZero = values.filter { !$0.value.isZero }
    // Rules 1 and 2, each non-zero rung against the last non-zero one below it.
    for (low, high) in zip(nonZero, nonZero.dropFirst()) {
      let (r, s) = (low.value.magnitude, high.value.magnitude)
      let reference = BigFloat.maximum(r, bound(low.bits))
      if s > reference * powerOfTwo(Self.fallTolerance - (high.bits - low.bits)) {
        return .decided(
          .fails,
          "\(what) does not fall from \(low.bits) to \(high.bits) bits "
            + "(\(short(low)) to \(short(high))): it plateaus, so the statement is not exact")
      }
      if s > r {
        return .decided(
          .fails,
          "\(what) rises from \(short(low)) at \(low.bits) bits to \(short(high)) at "
            + "\(high.bits) bits: rounding error falls as the precision rises, so the "
            + "statement is off, by about \(short(high))")
      }
    }
    let top = values.last!
    guard let lastNonZero = nonZero.last else {
      if canClimb { return .climb }
      return .decided(
        .holds,
        "\(what) is exactly 0 at every rung from \(values[0].bits) to \(top.bits) bits: the "
          + "statement agrees to every bit of every rung (\(top.bits) bits at the top)")
    }
    // Rule 3: a first non-zero residual at the top, or one above the extrapolated rounding.
    let below = nonZero.dropLast().last
    if canClimb && lastNonZero.bits == top.bits {
      guard let below else { return .climb }
      let extrapolated =
        below.value.magnitude
        * powerOfTwo(Self.extrapolationTolerance - (top.bits - below.bits))
      if top.value.magnitude > extrapolated { return .climb }
    }
    // Rule 4: c, the bits lost at a rung, is the least integer with r(p) ≤ 2^(c − p).
    let lost = nonZero.map { rung in
      let e = rung.value.exponent!  // 2^(e−1) ≤ r < 2^e
      return rung.bits + (rung.value.magnitude == powerOfTwo(e - 1) ? e - 1 : e)
    }
    let excess = lost.max()!
    let over = nonZero.filter { $0.value.magnitude > bound($0.bits) }
    let onlyTop = below == nil && !top.value.isZero
    if onlyTop && !over.isEmpty {
      return .decided(
        .fails,
        "\(what) is exactly 0 up to \(values[values.count - 2].bits) bits and \(short(top)) at "
          + "\(top.bits) bits, above its rounding bound 2^\(slack - top.bits): rounding error "
          + "cannot explain it, so the statement is off, by about \(short(top))")
    }
    if !over.isEmpty {
      // The margin keeps a loss that grows by a few bits with the precision inside the bound.
      let guardBits = (excess - slack + Self.guardMargin + 7) / 8 * 8
      return .illConditioned(
        guardBits: guardBits, lost: excess,
        "\(what) falls as rounding error does (to \(short(top)) at \(top.bits) bits) but "
          + "exceeds its rounding bound 2^(-p+\(slack)) at \(over.count) of \(values.count) "
          + "rungs: the computation loses about \(excess) bits to conditioning, more than the "
          + "slack of \(slack)")
    }
    // Rule 5.
    let atTop = top.value.isZero ? "all \(top.bits)" : "\(top.bits - max(0, lost.last!))"
    if onlyTop {
      return .decided(
        .holds,
        "\(what) is exactly 0 up to \(values[values.count - 2].bits) bits and "
          + "\(short(top)) at \(top.bits) bits, the ladder's cap, within its rounding bound: "
          + "the statement agrees to every bit below and to \(atTop) bits at \(top.bits)")
    }
    let deficit = max(0, excess)
    return .decided(
      .holds,
      "\(what) falls with the precision to \(short(top)) at \(top.bits) bits: the "
        + "statement agrees to \(deficit == 0 ? "p" : "p − \(deficit)") bits at every rung p "
        + "(\(atTop) bits at \(top.bits))")
  }

  private func short(_ rung: Rung) -> String { DecimalFormat.short(rung.value) }
}
