import Numeric

/// C3: input-space KL ideals give Chow's rule on the original distribution, on A, B and C.
extension ChowRule {
  static func inputSpaceChecks(_ analyses: [DeferralAnalysis], cost: Rational) -> [any Check] {
    let a = analyses[0]
    let dropped = "NC3b partition ratio dropped"
    let chiSquare = "NC3a non-KL divergence: Pearson χ² ideals on A"
    return [
      ExactCheck(
        id: "C3-ratio-identity",
        statement: "`r_M(x) · b^{D·stat(x)} = Z′_e/Z′_h` for every x, exactly, on A, B, C",
        decide: { .all(analyses.map { ratioIdentity($0, $0.inputPartitionRatio) }, "instances") },
        controls: [.init(dropped + ": r_M b^{D·stat} = 1 on A") { ratioIdentity(a, 1) }]),
      IdentityCheck(
        id: "C3-log-form",
        statement: "`ln r_M(x) = ln(Z′_e/Z′_h) + λ·stat(x)` for every x on A, B, C, with "
          + "`λ = D ln(1/b)` (max deviation)",
        residual: { _ in analyses.map { $0.inputLogFormResidual() as BigFloat }.maxOrNaN()! },
        controls: [
          .init(dropped + ": ln r_M = λ·stat (A, B, C)") { _ in
            analyses.map { $0.inputLogFormResidual(dropPartitionRatio: true) as BigFloat }
              .maxOrNaN()!
          }
        ]),
      ExactCheck(
        id: "C3-chow-order",
        statement: "`r_M` and the Chow statistic are order equivalent (discordance 0) on A, B, C",
        decide: {
          .all(analyses.map { discordance($0.ratios.inputRatio, $0, "r_M") }, "instances")
        },
        controls: [
          .init(chiSquare + ": r_χ = (q/p)_h/(q/p)_e orders X as stat") {
            let outside = a.setsOutsideChowFamily(a.chiSquareRatio)
            var outcome = discordance(a.chiSquareRatio, a, "r_χ")
            outcome.evidence += "; χ² sets outside the Chow family: \(describe(outside))"
            return outcome
          }
        ]),
      ExactCheck(
        id: "C3-threshold-map",
        statement: "for `τ_j = (Z′_e/Z′_h) b^j`, `j = −100…100`, `{r_M < τ_j} = {stat < −j/100}` "
          + "(Chow's rule with cost j/100, κ(τ) = (1/λ) ln(τZ′_h/Z′_e)) at all 201 thresholds, "
          + "on A, B, C",
        decide: {
          .all(analyses.map { thresholdMap($0, $0.ratios.inputRatio, "r_M") }, "instances")
        },
        controls: [
          .init("NC3b mutated threshold map κ′(τ) = (ln τ)/λ on A") {
            thresholdMap(a, nc3bScores(a), "κ′")
          }
        ]),
      ExactCheck(
        id: "C3-optimal-family",
        statement: "the family `{r_M < τ}` over all τ is the Chow family, and each of its sets "
          + "has the largest `Acc` of all `2ⁿ` subsets with the same rate, on A, B, C",
        decide: {
          .all(analyses.map { optimalFamily($0, $0.ratios.inputRatio, "r_M") }, "instances")
        },
        controls: [
          .init(chiSquare + ": every χ² set optimal") { optimalFamily(a, a.chiSquareRatio, "r_χ") }
        ]),
      ExactCheck(
        id: "C3-cost-invariance",
        statement: "a constant cost `c_d = \(cost)` added to the expert's loss leaves `q_e` and "
          + "`Q_e` exactly unchanged, on A, B, C: the trained scorer does not depend on the cost",
        decide: {
          .all(
            analyses.flatMap { analysis -> [ExactOutcome] in
              let p = analysis.problem
              let r = analysis.ratios
              return [
                .equal(
                  p.inputIdeal(risk: p.expertRisk.map { $0 + cost }).masses,
                  r.inputExpert.masses, "\(analysis.name) q_e"),
                .equal(
                  p.jointIdeal(r.cells) { p.expertLoss($0) + cost }.masses, r.jointExpert.masses,
                  "\(analysis.name) Q_e"),
              ]
            }, "ideals")
        },
        controls: [
          .init("NC3c cost that depends on x: c_d·1[x even] on A") {
            let p = a.problem
            let risk = p.inputs.map { p.expertRisk[$0] + ($0 % 2 == 0 ? cost : 0) }
            return .equal(p.inputIdeal(risk: risk).masses, a.ratios.inputExpert.masses, "A q_e")
          }
        ]),
    ]
  }

  /// `r(x) · b^{D·stat(x)} = constant` for every x.
  private static func ratioIdentity(_ analysis: DeferralAnalysis, _ constant: Rational)
    -> ExactOutcome
  {
    let p = analysis.problem
    let products = p.inputs.map {
      analysis.ratios.inputRatio[$0] * p.gibbsFactor(p.chowStatistic[$0])
    }
    return .equal(
      products, Array(repeating: constant, count: products.count),
      "\(analysis.name): r_M b^{D·stat} against \(constant == 1 ? "1" : "Z′_e/Z′_h")")
  }

  /// `disc(score, stat) = 0`, with the first discordant pair as witness.
  static func discordance(_ score: [Rational], _ analysis: DeferralAnalysis, _ name: String)
    -> ExactOutcome
  {
    let stat = analysis.problem.chowStatistic
    let pairs = ThresholdFamily.discordantPairs(score, stat)
    guard let (x, y) = pairs.first else {
      return ExactOutcome(
        holds: true, evidence: "\(analysis.name): disc(\(name), stat) = 0", discrepancy: 0)
    }
    return ExactOutcome(
      holds: false,
      evidence: "\(analysis.name): disc(\(name), stat) = \(pairs.count); witness (\(x), \(y)): "
        + "stat \(stat[x]), \(stat[y]) but \(name) \(score[x]) (\(DecimalFormat.short(BigFloat(score[x])))), "
        + "\(score[y]) (\(DecimalFormat.short(BigFloat(score[y]))))",
      discrepancy: Rational(pairs.count))
  }

  /// The scores whose threshold at `τ` gives NC3b's set `{stat < (ln τ)/λ}`: `b^{−D·stat}`,
  /// since `stat < (ln τ)/λ ⇔ e^{λ·stat} < τ` and `e^{λ} = b^{−D}`.
  static func nc3bScores(_ analysis: DeferralAnalysis) -> [Rational] {
    analysis.problem.chowStatistic.map { analysis.problem.gibbsFactor(-$0) }
  }

  /// The grid thresholds `j` at which `{score < τ_j} ≠ {stat < −j/100}`.
  static func thresholdMismatches(_ analysis: DeferralAnalysis, _ score: [Rational]) -> [Int] {
    analysis.thresholdGrid.filter { ThresholdFamily.set(score, below: $0.tau) != $0.chowSet }.map(
      \.j)
  }

  private static func thresholdMap(
    _ analysis: DeferralAnalysis, _ score: [Rational], _ name: String
  ) -> ExactOutcome {
    let mismatches = thresholdMismatches(analysis, score)
    let grid = analysis.thresholdGrid.count
    return ExactOutcome(
      holds: mismatches.isEmpty,
      evidence: mismatches.isEmpty
        ? "\(analysis.name): the \(name) sets equal the Chow sets at all \(grid) thresholds"
        : "\(analysis.name): the \(name) set differs from the Chow set at \(mismatches.count) of "
          + "\(grid) thresholds, first at j = \(mismatches[0])",
      discrepancy: Rational(mismatches.count))
  }

  private static func optimalFamily(
    _ analysis: DeferralAnalysis, _ score: [Rational], _ name: String
  ) -> ExactOutcome {
    let family = ThresholdFamily.sets(score)
    let outside = analysis.setsOutsideChowFamily(score)
    let suboptimal = analysis.suboptimal(family)
    return .all(
      [
        .condition(
          outside.isEmpty, "\(analysis.name): the \(name) family is the Chow family",
          witness: "\(analysis.name): \(name) sets outside the Chow family: \(describe(outside))"),
        .condition(
          suboptimal.isEmpty,
          "\(analysis.name): all \(family.count) sets optimal for their rate",
          witness: "\(analysis.name): suboptimal \(name) sets: "
            + accuracyDescription(analysis, suboptimal)),
      ], analysis.name)
  }

  /// `{0,1,2}, {3}` for a list of sets.
  static func describe(_ sets: [Set<Int>]) -> String {
    sets.isEmpty
      ? "none"
      : sets.map { "{" + $0.sorted().map(String.init).joined(separator: ",") + "}" }
        .joined(separator: ", ")
  }

  /// Each set with its `Acc` and the best `Acc` at its rate.
  static func accuracyDescription(_ analysis: DeferralAnalysis, _ sets: [Set<Int>]) -> String {
    let p = analysis.problem
    return sets.map { s in
      "\(describe([s])) Acc \(p.accuracy(s)), best \(analysis.bestAccuracyByRate[p.rate(s)]!) "
        + "at rate \(p.rate(s))"
    }.joined(separator: "; ")
  }
}
