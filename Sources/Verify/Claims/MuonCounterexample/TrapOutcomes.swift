import Numeric

/// The exact statements of C2 and C3 about one run on the trap, each with its witness.
extension ExactDiagonalRun {
  /// `tr Wₜ = tr W₀` for `t = 0…T`.
  func traceConservation(_ name: String) -> ExactOutcome {
    let t = firstTraceChange
    return .condition(
      t == nil, "\(name): tr W_t = \(iterates[0].reduce(Rational(0), +)) for t ≤ \(steps.count)",
      witness: "\(name): tr W_t ≠ tr W_0 first at t = \(t ?? 0)")
  }

  /// The two diagonal entries of `Mₜ` have strictly opposite signs for `t = 0…T−1`.
  func oppositeSigns(_ name: String) -> ExactOutcome {
    let t = firstStepWithoutOppositeSigns
    return .condition(
      t == nil, "\(name): opposite signs of M_t for t < \(steps.count)",
      witness: "\(name): M_t without opposite diagonal signs first at t = \(t ?? 0)")
  }

  /// `sgn(uₜ₊₁) = −sgn(uₜ) ≠ 0` for `u = W₁₁ − W₂₂`, `t = 0…T−1`.
  func alternation(_ name: String) -> ExactOutcome {
    let signs = iterates.map { ($0[0] - $0[1]).signum }
    let t = signs.indices.first { signs[$0] == 0 || ($0 > 0 && signs[$0] != -signs[$0 - 1]) }
    return .condition(
      t == nil, "\(name): sgn(W₁₁ − W₂₂) alternates for t ≤ \(steps.count)",
      witness: "\(name): sgn(W₁₁ − W₂₂) does not alternate at t = \(t ?? 0)")
  }

  /// `min_{t ≤ T} (f(Wₜ) − f*) ≥ floor`; the discrepancy is the shortfall.
  func gapFloor(_ floor: Rational, _ name: String) -> ExactOutcome {
    let gap = minimumGap
    return ExactOutcome(
      holds: gap >= floor,
      evidence: gap >= floor
        ? "\(name): min gap ≥ \(floor)"
        : "\(name): min gap \(DecimalFormat.short(BigFloat(gap, precision: 64))) < \(floor)",
      discrepancy: gap >= floor ? 0 : floor - gap)
  }
}
