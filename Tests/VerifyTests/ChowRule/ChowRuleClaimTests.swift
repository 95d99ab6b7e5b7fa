import Numeric
import Testing

@testable import Verify

/// The checks of chow-rule at the defaults: every check passes, every negative control of spec
/// section 4 is present and rejected, and the controls measure what the spec says they do.
@Suite struct ChowRuleClaimTests {
  typealias Run = ChowRuleRun

  @Test func everyCheckPassesAndEveryControlIsRejected() {
    let results = Run.report.checks
    #expect(
      results.map(\.id) == [
        "C1-gibbs-minimum", "C1-variational-gap", "C2-first-order", "C2-critical-point",
        "C2-newton-minimum", "C3-ratio-identity", "C3-log-form", "C3-chow-order",
        "C3-threshold-map", "C3-optimal-family", "C3-cost-invariance", "C4-joint-ratio-forms",
        "C4-constant-accuracy", "C4-class-dependent-expert", "C4-small-lambda",
        "C4-pointwise-average",
      ])
    for result in results {
      #expect(result.verdict.succeeded, "\(result.id): \(result.detail)")
      #expect(!result.controls.isEmpty, "\(result.id) has no control")
      for control in result.controls {
        #expect(control.rejected, "\(result.id): control '\(control.description)' accepted")
      }
    }
    expectSpecControls(
      results,
      [
        ("C1-gibbs-minimum", ["NC1 wrong sign"]), ("C1-variational-gap", ["NC1 wrong sign"]),
        ("C2-first-order", ["NC2a not strictly proper"]),
        ("C2-critical-point", ["NC2b prior ignored"]),
        ("C2-newton-minimum", ["NC2b prior ignored"]),
        ("C3-ratio-identity", ["NC3b partition ratio dropped"]),
        ("C3-log-form", ["NC3b partition ratio dropped"]),
        ("C3-chow-order", ["NC3a non-KL divergence"]),
        ("C3-threshold-map", ["NC3b mutated threshold map"]),
        ("C3-optimal-family", ["NC3a non-KL divergence"]),
        ("C3-cost-invariance", ["NC3c cost that depends on x"]),
        ("C4-joint-ratio-forms", ["NC4a untilted posterior"]),
        ("C4-constant-accuracy", ["NC4b joint ideals give plain Chow"]),
        (
          "C4-class-dependent-expert",
          [
            "the same for a constant-accuracy expert (B)",
            "the same for a constant-accuracy expert (C)",
          ]
        ),
        ("C4-small-lambda", ["NC4b joint ideals give plain Chow"]),
        (
          "C4-pointwise-average",
          [
            "NC4c Jensen gap: ln r_J(x) in place of the average on A",
            "NC4c Jensen gap: ln r_J(x) in place of the average on B",
            "NC4c Jensen gap: ln r_J(x) in place of the average on C",
          ]
        ),
      ])
  }

  /// The exact checks report a discrepancy of exactly 0; the ladders fall to rounding level.
  @Test func exactChecksAreExactAndLaddersFall() {
    for result in Run.report.checks {
      if result.kind == .exact {
        #expect(result.measured?.isZero == true, "\(result.id)")
      } else {
        #expect(result.ladder.count == 4, "\(result.id)")
        #expect(
          result.ladder.last!.value.magnitude <= BigFloat.pow(BigFloat(2), -480), "\(result.id)")
      }
    }
  }

  func control(_ check: String, _ prefix: String) -> ControlResult {
    Run.check(check).controls.first { $0.description.hasPrefix(prefix) }!
  }

  @Test func controlsMeasureWhatTheSpecSays() {
    // NC1: J(Q) − J(Q′) − KL(Q‖Q′)/λ, and J(Q′) − J(Q*) from the spec's J(Q′) and J(Q*).
    expectMatches(control("C1-variational-gap", "NC1").measured, "0.067804684819122700118")
    let excess =
      BigFloat(try! Rational(parsing: "0.691914539355727948274202159885024873947"))
      - BigFloat(try! Rational(parsing: "0.229566013216271180327450365265919716162"))
    #expect(
      (control("C1-gibbs-minimum", "NC1").measured - excess).magnitude <= BigFloat.pow(10, -38))
    // NC2b: max |∂R/∂s| at ln r + ln 2 is A's 0.0236335….
    expectAbsolute(control("C2-critical-point", "NC2b").measured, "0.0236335", within: "1e-7")
    // NC2a, NC3a, NC3b, NC4b: exact counts.
    #expect(control("C2-first-order", "NC2a").measured >= 1)
    #expect(control("C3-chow-order", "NC3a").measured == 1)
    #expect(control("C3-threshold-map", "NC3b").measured == 71)
    #expect(control("C4-constant-accuracy", "NC4b").measured == 3)
    // NC4b on the ladder: the larger λ values each give discordance 3.
    #expect(control("C4-small-lambda", "NC4b").measured == 3)
    // NC4a: up to 14.6 % relative; NC4c on A, B, C.
    expectAbsolute(control("C4-joint-ratio-forms", "NC4a").measured, "0.146", within: "5e-4")
    let jensen = "NC4c Jensen gap: ln r_J(x) in place of the average on "
    expectMatches(control("C4-pointwise-average", jensen + "A").measured, "0.0825257817645483")
    expectAbsolute(control("C4-pointwise-average", jensen + "B").measured, "0.0555", within: "1e-4")
    expectAbsolute(control("C4-pointwise-average", jensen + "C").measured, "0.1213", within: "1e-4")
  }

  @Test func nc3bFirstMismatchesAndJointSets() throws {
    // On A the mutated map first differs at j = −57 … −53; the joint sets outside the Chow
    // family have Acc 61/100 < 123/200, 57/100 < 229/400, 209/400 < 211/400.
    let analysis = try defaultAnalyses()[0]
    #expect(
      Array(ChowRule.thresholdMismatches(analysis, ChowRule.nc3bScores(analysis)).prefix(5))
        == [-57, -56, -55, -54, -53])
    let outside = analysis.setsOutsideChowFamily(analysis.ratios.jointRatio)
    #expect(outside == [[0, 1, 2, 4, 5], [0, 1, 2, 4, 5, 7], [0, 1, 2, 4, 5, 6, 7]])
    let p = analysis.problem
    #expect(outside.map(p.accuracy) == [Rational(61, 100), Rational(57, 100), Rational(209, 400)])
    #expect(
      outside.map { analysis.bestAccuracyByRate[p.rate($0)]! }
        == [Rational(123, 200), Rational(229, 400), Rational(211, 400)])
    #expect(analysis.setsOutsideChowFamily(analysis.chiSquareRatio) == [[0, 1, 2, 4, 5, 7]])
    let pairs = ThresholdFamily.discordantPairs(analysis.ratios.jointRatio, p.chowStatistic)
    #expect(pairs.first! == (0, 3) && pairs.count == 3)
  }

  /// Every name of the spec's "Recorded values", no other, each in its form: reals with at least
  /// 40 significant digits (trailing zeros dropped), exact fractions as `p/q`, counts as integers.
  @Test func recordedValuesAreTheContract() {
    var reals =
      ["lambda", "rho"]
      + ["Z", "J_star", "J_random", "J_wrong_sign", "nc1_residual"].map { "gibbs.\($0)" }
    var rationals: [String] = []
    var counts = (1...4).map { "small_lambda.disc_\($0)" }
    for (instance, familySize) in [("A", 9), ("B", 6), ("C", 6)] {
      func perInput(_ key: String) -> [String] { (0..<8).map { "\(instance).\(key)_\($0)" } }
      reals += ["Zprime_h", "Zprime_e", "Z_h", "Z_e", "min_risk", "min_risk_joint"].map {
        "\(instance).\($0)"
      }
      reals += ["r_M", "r_J", "s_star", "s_star_joint", "pointwise_log_ratio"].flatMap(perInput)
      reals += (0..<8).flatMap { x in (0..<3).map { "\(instance).tilted_\(x)_\($0)" } }
      rationals += ["A_e", "stat", "chi2_r"].flatMap(perInput)
      rationals += ["family_rate", "family_acc"].flatMap { key in
        (0..<familySize).map { "\(instance).\(key)_\($0)" }
      }
      counts += ["family_size", "disc_joint", "disc_chi2", "joint_sets_outside", "nc3b_mismatches"]
        .map { "\(instance).\($0)" }
    }
    #expect(Set(Run.report.values.map(\.name)) == Set(reals + rationals + counts))
    #expect(Run.report.values.count == reals.count + rationals.count + counts.count)
    for name in reals {
      let text = Run.text(name)
      let digits = text.prefix { $0 != "e" }.filter(\.isNumber).drop { $0 == "0" }.count
      // A short string such as `9e-1` (B's tilted posterior) is a value whose digits up to
      // the precision's 77 are zeros, dropped by the formatter.
      #expect(digits >= 40 || digits <= 2, "\(name) = \(text)")
    }
    for name in rationals {
      #expect(Run.rational(name) != nil && !Run.text(name).contains("."), "\(name)")
    }
    for name in counts { #expect(Int(Run.text(name)) != nil, "\(name)") }
  }

  func defaultAnalyses() throws -> [DeferralAnalysis] {
    try ChowRule().instance(Arguments(defaultsOf: ChowRule())).problems.map {
      DeferralAnalysis(name: $0.name, problem: $0.problem, chiLambda: 2)
    }
  }
}
