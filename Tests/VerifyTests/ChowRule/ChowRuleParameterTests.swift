import Numeric
import Testing

@testable import Verify

/// chow-rule's run parameters (spec section 3): each changes the values it should, and
/// inconsistent input is a usage error before any check runs.
@Suite struct ChowRuleParameterTests {
  typealias Run = ChowRuleRun

  @Test func seedChangesOnlyTheRandomDistribution() throws {
    let other = try engineReport(ChowRule(), seed: 8)
    #expect(Run.text("gibbs.J_random", in: other) != Run.text("gibbs.J_random"))
    #expect(Run.text("gibbs.J_star", in: other) == Run.text("gibbs.J_star"))
    #expect(other.checks.allSatisfy { $0.verdict.succeeded })
  }

  @Test func setChangesTheInstance() throws {
    let report = try engineReport(
      ChowRule(),
      [
        "b=9/10", "p=1,2,1,2,1,2,1,2", "constant_accuracy=1/2", "expert=8,6,2", "cost=1/100",
        "chi_lambda=1",
      ])
    for name in [
      "lambda", "rho", "A.r_M_0", "A.family_rate_1", "B.stat_0", "A.A_e_0", "A.chi2_r_0",
    ] {
      #expect(Run.text(name, in: report) != Run.text(name), "\(name)")
    }
    #expect(
      Run.real("lambda", in: report).decimalString(significantDigits: 20)
        == withPrecision(256) {
          (100 * BigFloat.log(BigFloat(10) / 9)).decimalString(significantDigits: 20)
        })
    // C1–C3 and the identities of C4 hold for every instance; C4's reversal on A and its
    // small-λ ladder are statements about the spec instance, decided afresh here.
    let instanceSpecific = ["C4-class-dependent-expert", "C4-small-lambda"]
    let general = report.checks.filter { !instanceSpecific.contains($0.id) }
    #expect(general.count == report.checks.count - 2)
    for check in general { #expect(check.verdict.succeeded, "\(check.id): \(check.detail)") }
  }

  /// An expert of constant accuracy as A: the joint ideals give Chow there, so the claim that
  /// they reverse A's Chow order fails (the check can fail). Nothing else fails; the controls
  /// the spec runs on A (χ², untilted posterior, plain Chow) no longer bite, which leaves
  /// their checks inconclusive rather than passed.
  @Test func reversalFailsForAConstantExpert() throws {
    let report = try engineReport(ChowRule(), ["expert=6,6,6"])
    #expect(Run.text("A.disc_joint", in: report) == "0")
    let failed = report.checks.filter { $0.verdict == .fail }.map(\.id)
    #expect(failed == ["C4-class-dependent-expert", "C4-small-lambda"])
    let inconclusive = report.checks.filter { $0.verdict == .inconclusive }.map(\.id)
    #expect(
      inconclusive == [
        "C3-chow-order", "C3-optimal-family", "C4-joint-ratio-forms", "C4-constant-accuracy",
      ])
  }

  @Test func classesAndPosteriorTogether() throws {
    let report = try engineReport(
      ChowRule(), ["classes=2", "eta=3,7,6,4,9,1,5,5", "p=1,1,2,3", "expert=9,4"])
    #expect(Run.text("A.family_size", in: report) != Run.text("A.family_size"))
    #expect(report.values.contains { $0.name == "A.tilted_3_1" })
    #expect(!report.values.contains { $0.name == "A.tilted_4_0" })
  }

  @Test func smallLambdaLadderIsSettable() throws {
    let report = try engineReport(ChowRule(), ["ladder_b1=9999/10000", "ladder_b2=998/1000"])
    #expect(Run.text("small_lambda.disc_1", in: report) == "0")
    #expect(report.values.count == Run.report.values.count)
  }

  @Test(arguments: [
    (
      ["eta=1,9,0,3,5,2"],
      "chow-rule: eta has 6 entries; p has 8 inputs and classes = 3, so eta needs 24"
    ),
    (
      ["p=1,1,1,1,1,1,1"],
      "chow-rule: eta has 24 entries; p has 7 inputs and classes = 3, so eta needs 21"
    ),
    (
      ["eta=1,9,0,3,5,2,6,4,0,0,4,6,1,5,4,2,8,0,0,8,2,0,7,2"],
      "chow-rule: row 7 of eta sums to 9, not 10"
    ),
    (["expert=9,5"], "chow-rule: expert has 2 entries, not classes = 3"),
    (
      ["constant_accuracy=7/1000"],
      "chow-rule: constant_accuracy = 7/1000 is not a multiple of 1/100"
    ),
    (["cost=1/3"], "chow-rule: cost = 1/3 is not a multiple of 1/100"),
    (
      ["ladder_b2=9999/10000"],
      "chow-rule: ladder_b1 … ladder_b4 = 999/1000, 9999/10000, 9/10, 1/2 must decrease (largest b, smallest λ, first)"
    ),
    (
      ["chi_lambda=10"],
      "chow-rule: chi_lambda = 10 makes the χ² weight (q/p)_e(3) = -1/10 of instance A non-positive"
    ),
  ])
  func inconsistentInputIsAUsageError(assignments: [String], message: String) {
    #expect(throws: UsageError(message)) {
      _ = try RunRequest(assignments: assignments).plan([ChowRule()])
    }
  }

  /// Through the command line: one line on standard error, exit status 2, nothing printed.
  @Test func commandLineExitsWithStatusTwo() async {
    let outcome = await verify(
      ["chow-rule", "--set", "eta=1,9,0,3,5,2"], catalogue: Catalogue([ChowRule()]))
    #expect(outcome.status == 2)
    #expect(outcome.error.hasPrefix("verify: chow-rule: eta has 6 entries"))
    #expect(outcome.output.isEmpty)
  }
}
