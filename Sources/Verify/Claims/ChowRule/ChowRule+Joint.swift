import Numeric

/// C4: joint KL ideals, whose marginal ratio goes through the expert-tilted posterior.
extension ChowRule {
  static func jointChecks(_ analyses: [DeferralAnalysis], smallLambda: [DensityRatios])
    -> [any Check]
  {
    let a = analyses[0]
    let constant = analyses.dropFirst()
    let plainChow = "NC4b joint ideals give plain Chow"
    return [
      ExactCheck(
        id: "C4-joint-ratio-forms",
        statement: "`r_J(x) = (Z_e/Z_h)(ρ + (1−ρ)η(x,h(x)))/(ρ + (1−ρ)A_e(x)) = (Z_e/Z_h) Σ_y "
          + "η̃(x,y) w_h/w_e` = the ratio of the marginals summed over the cells `(x, y, m)`, "
          + "and `E[ℓ_e − ℓ_h | x] = stat(x)`, for every x, exactly, on A, B, C",
        decide: { .all(analyses.map(jointForms), "instances") },
        controls: [
          .init("NC4a untilted posterior: η in place of η̃ on A") {
            // The discrepancy is relative, as the spec states it (up to 14.6 % on A).
            let untilted = a.ratios.jointRatioAveraged(over: a.problem.posterior)
            let outcome = ExactOutcome.equal(
              untilted, a.ratios.jointRatio, "A: untilted against r_J")
            let relative = zip(untilted, a.ratios.jointRatio).map { ($0 / $1 - 1).magnitude }.max()!
            return ExactOutcome(
              holds: outcome.holds,
              evidence: outcome.evidence
                + "; up to \(DecimalFormat.short(BigFloat(relative * 100))) % apart",
              discrepancy: relative)
          }
        ]),
      ExactCheck(
        id: "C4-constant-accuracy",
        statement: "for an expert of constant accuracy (B: `a ≡ α`; C: perfect) `r_J` is order "
          + "equivalent to the Chow statistic (discordance 0): the joint family is the Chow family",
        decide: {
          .all(constant.map { discordance($0.ratios.jointRatio, $0, "r_J") }, "instances B, C")
        },
        controls: [
          .init(plainChow + " on A (class-dependent expert)") {
            discordance(a.ratios.jointRatio, a, "r_J")
          }
        ]),
      ExactCheck(
        id: "C4-class-dependent-expert",
        statement: "on A (class-dependent expert) `r_J` reverses a strict Chow order "
          + "(discordance ≥ 1), and every joint deferral set outside the Chow family has `Acc` "
          + "strictly below the best at its rate (there is at least one)",
        decide: { tiltedDeferral(a) },
        controls: constant.map { analysis in
          .init("the same for a constant-accuracy expert (\(analysis.name))") {
            tiltedDeferral(analysis)
          }
        }),
      ExactCheck(
        id: "C4-small-lambda",
        statement: "on A over the small-λ ladder `b = "
          + smallLambda.map { "\($0.problem.base)" }.joined(separator: ", ")
          + "`: discordance of `r_J` with stat 0 at the first (smallest λ), ≥ 1 at the others",
        decide: {
          let discs = smallLambda.map { jointDiscordance($0) }
          return .condition(
            discs[0] == 0 && discs.dropFirst().allSatisfy { $0 >= 1 },
            "discordances \(discs)", witness: "discordances \(discs)")
        },
        controls: [
          .init(plainChow + " at every λ of the ladder") {
            let discs = smallLambda.map { jointDiscordance($0) }
            return ExactOutcome(
              holds: discs.allSatisfy { $0 == 0 }, evidence: "discordances \(discs)",
              discrepancy: Rational(discs.max()!))
          }
        ]),
      IdentityCheck(
        id: "C4-pointwise-average",
        statement: "`E_{(y,m)~P(·|x)} ln[Q_h(x,y,m)/Q_e(x,y,m)] = ln(Z_e/Z_h) + λ·stat(x)` for "
          + "every x on A, B, C (max deviation): the pointwise joint log-ratio, averaged under "
          + "the original posterior, is Chow",
        residual: { _ in analyses.map { $0.pointwiseResidual() as BigFloat }.maxOrNaN()! },
        controls: analyses.map { analysis in
          .init("NC4c Jensen gap: ln r_J(x) in place of the average on \(analysis.name)") { _ in
            analysis.pointwiseResidual(jensenGap: true)
          }
        }),
    ]
  }

  private static func jointForms(_ analysis: DeferralAnalysis) -> ExactOutcome {
    let r = analysis.ratios
    let p = analysis.problem
    var lossGap = Array(repeating: Rational(0), count: p.mass.count)
    for cell in r.cells {
      lossGap[cell.input] +=
        cell.mass / p.mass[cell.input] * (p.expertLoss(cell) - p.modelLoss(cell))
    }
    return .all(
      [
        .equal(r.jointRatioTilted, r.jointRatio, "\(analysis.name): tilted form against r_J"),
        .equal(r.jointRatioFromCells, r.jointRatio, "\(analysis.name): cell sums against r_J"),
        .equal(lossGap, p.chowStatistic, "\(analysis.name): E[ℓ_e − ℓ_h | x] against stat"),
      ], analysis.name)
  }

  /// `disc(r_J, stat)`.
  static func jointDiscordance(_ ratios: DensityRatios) -> Int {
    ThresholdFamily.discordantPairs(ratios.jointRatio, ratios.problem.chowStatistic).count
  }

  /// C4(ii): a reversed strict order and joint sets outside the Chow family, all suboptimal.
  private static func tiltedDeferral(_ analysis: DeferralAnalysis) -> ExactOutcome {
    let disc = jointDiscordance(analysis.ratios)
    let outside = analysis.setsOutsideChowFamily(analysis.ratios.jointRatio)
    let suboptimal = analysis.suboptimal(outside)
    let holds = disc >= 1 && !outside.isEmpty && suboptimal.count == outside.count
    return ExactOutcome(
      holds: holds,
      evidence: "\(analysis.name): disc(r_J, stat) = \(disc); joint sets outside the Chow family: "
        + (outside.isEmpty ? "none" : accuracyDescription(analysis, outside))
        + (suboptimal.count == outside.count ? "" : " (not all suboptimal)"),
      discrepancy: holds ? 0 : 1)
  }
}
