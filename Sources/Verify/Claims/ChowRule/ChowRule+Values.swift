import Numeric

/// The report's named values (spec section 3, "Recorded values"): a contract other programs
/// read. Exact quantities the spec writes as fractions (`A_e`, `stat`, `r_χ`, family rates and
/// accuracies) are recorded as `p/q`; exact quantities with hundreds of digits in `p/q` (the
/// partitions, `ρ`, the ratios, the tilted posterior) as decimals at the working precision,
/// as the spec gives them; counts as integers. Family sets are indexed `k = 0, 1, …` by rate.
extension ChowRule {
  static func record(
    _ analyses: [DeferralAnalysis], gibbs: GibbsMeasurements, smallLambda: [DensityRatios],
    _ instance: ChowRuleInstance, in m: Measurements
  ) throws {
    let a = analyses[0].problem
    m.record("lambda", a.lambda() as BigFloat)
    m.record("rho", BigFloat(a.rho))
    for analysis in analyses { try record(analysis, in: m) }
    m.record("gibbs.Z", BigFloat(gibbs.ideal.partition))
    m.record("gibbs.J_star", gibbs.objective(gibbs.ideal.masses) as BigFloat)
    m.record("gibbs.J_random", gibbs.objective(gibbs.random) as BigFloat)
    m.record("gibbs.J_wrong_sign", gibbs.objective(gibbs.wrongSign.masses) as BigFloat)
    m.record("gibbs.nc1_residual", gibbs.gapResidual(gibbs.wrongSign) as BigFloat)
    for (k, ratios) in smallLambda.enumerated() {
      m.record("small_lambda.disc_\(k + 1)", jointDiscordance(ratios))
    }
  }

  private static func record(_ analysis: DeferralAnalysis, in m: Measurements) throws {
    let (p, r, name) = (analysis.problem, analysis.ratios, analysis.name)
    func each<V>(_ key: String, _ values: [V], _ record: (String, V) -> Void) {
      for (x, value) in values.enumerated() { record("\(name).\(key)_\(x)", value) }
    }
    let real: (String, Rational) -> Void = { m.record($0, BigFloat($1)) }
    each("A_e", p.expertConditionalAccuracy) { m.record($0, $1) }
    each("stat", p.chowStatistic) { m.record($0, $1) }
    real("\(name).Zprime_h", r.inputModel.partition)
    real("\(name).Zprime_e", r.inputExpert.partition)
    real("\(name).Z_h", r.jointModel.partition)
    real("\(name).Z_e", r.jointExpert.partition)
    each("r_M", r.inputRatio, real)
    each("r_J", r.jointRatio, real)
    for (x, row) in r.tiltedPosterior.enumerated() {
      for (y, value) in row.enumerated() { real("\(name).tilted_\(x)_\(y)", value) }
    }
    let (input, joint) = (analysis.reductions[0], analysis.reductions[1])
    let sStar: [BigFloat] = try input.risk.minimizer()
    each("s_star", sStar) { m.record($0, $1) }
    m.record("\(name).min_risk", input.risk.value(sStar))
    let sJoint: [BigFloat] = try joint.risk.minimizer()
    each("s_star_joint", sJoint) { m.record($0, $1) }
    m.record("\(name).min_risk_joint", joint.risk.value(sJoint))
    each("pointwise_log_ratio", analysis.pointwiseLogRatio() as [BigFloat]) { m.record($0, $1) }
    each("chi2_r", analysis.chiSquareRatio) { m.record($0, $1) }
    let family = ThresholdFamily.sets(r.inputRatio)
    m.record("\(name).family_size", family.count)
    each("family_rate", family.map(p.rate)) { m.record($0, $1) }
    each("family_acc", family.map(p.accuracy)) { m.record($0, $1) }
    m.record("\(name).disc_joint", jointDiscordance(r))
    m.record(
      "\(name).disc_chi2",
      ThresholdFamily.discordantPairs(analysis.chiSquareRatio, p.chowStatistic).count)
    m.record("\(name).joint_sets_outside", analysis.setsOutsideChowFamily(r.jointRatio).count)
    m.record("\(name).nc3b_mismatches", thresholdMismatches(analysis, nc3bScores(analysis)).count)
  }
}
