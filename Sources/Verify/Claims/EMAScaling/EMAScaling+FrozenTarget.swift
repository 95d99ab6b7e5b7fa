import Numeric

/// C1 [paper; exact identity]: κ EMA updates with momentum ρ against a frozen target are one
/// update with ρ^κ, decided in GMP rationals.
extension FrozenTargetEMA {
  func record(in measurements: Measurements) {
    measurements.record("C1_kappa_steps", kappaSteps)
    measurements.record("C1_linear_defect", linearDefect)
    measurements.record("C1_exact_equal", kappaSteps == scaledUpdate.apply(zeta, target: theta))
  }

  /// The instance in words, for the statements.
  private var setting: String { "ρ = \(momentum), κ = \(kappa), θ = \(theta), ζ = \(zeta)" }

  /// Whether `update` is the κ-fold EMA update, as a map (both coefficients) and on the value.
  private func isKappaFold(_ update: Update, _ name: String) -> ExactOutcome {
    let iterated = iteratedUpdate
    return .all(
      [
        .equal(
          [iterated.slope, iterated.offset], [update.slope, update.offset],
          "(slope, offset) of κ updates vs \(name)"),
        .equal(kappaSteps, update.apply(zeta, target: theta), "ζ after κ steps vs \(name)"),
      ], name)
  }

  func checks() -> [any Check] {
    let factor = predictedDefectFactor
    return [
      ExactCheck(
        id: "C1-frozen-target",
        statement:
          "[paper] κ EMA updates ζ ← ρζ + (1 − ρ)θ with θ frozen equal one update with ρ^κ: ζ ↦ ρ^κ ζ + (1 − ρ^κ)θ, as affine maps and on the value, exactly (\(setting))",
        decide: { isKappaFold(scaledUpdate, "one step with ρ^κ") },
        controls: [
          .init("the linear rule ρ̂ = 1 − κ(1 − ρ)") {
            isKappaFold(linearUpdate, "one step with 1 − κ(1 − ρ)")
          }
        ]),
      ExactCheck(
        id: "C1-linear-defect",
        statement:
          "[paper] the linear rule misses the κ-step value by exactly (ρ^κ − 1 + κ(1 − ρ))(θ − ζ), as a map (coefficient of θ, of ζ) and on the value, with ρ^κ − 1 + κ(1 − ρ) > 0 (\(setting))",
        decide: { defectOutcome(factor: factor) },
        controls: [
          // The spec gives this statement no control; the natural wrong variant is the sign.
          .init("the defect with the opposite sign, (ρ^κ − 1 + κ(1 − ρ))(ζ − θ) (added)") {
            defectOutcome(factor: -factor)
          }
        ]),
    ]
  }

  /// Whether (linear rule) − (κ steps) is `factor·(θ − ζ)` with `factor > 0`.
  private func defectOutcome(factor: Rational) -> ExactOutcome {
    let (linear, iterated) = (linearUpdate, iteratedUpdate)
    return .all(
      [
        .equal(
          [linear.offset - iterated.offset, linear.slope - iterated.slope], [factor, -factor],
          "defect's (θ, ζ) coefficients vs ±(ρ^κ − 1 + κ(1 − ρ))"),
        .equal(linearDefect, factor * (theta - zeta), "defect on the value"),
        .condition(
          factor > 0, "ρ^κ − 1 + κ(1 − ρ) = \(factor) > 0",
          witness: "ρ^κ − 1 + κ(1 − ρ) = \(factor) is not positive"),
      ], "linear defect")
  }
}
