import Numeric
import Testing

@testable import Verify

/// Section 3's conditions: an instance that breaks one is a usage error (exit 2, one line naming
/// the condition) before any check runs; an instance that meets them runs and passes.
@Suite struct EMAScalingParameterTests {
  func usageError(_ assignments: [String]) -> UsageError? {
    planningError(EMAScaling(), assignments)
  }

  @Test(arguments: [
    (["T=17/8"], "T/(κη) = 17/2 is not an integer for κ = 8, η = 2^-5"),
    (["kappas=3"], "T/(κη) = 64/3 is not an integer for κ = 3"),
    (["etaMin=1", "kappas=2"], "β·η = 1 ≥ 1 at η = 2^-1"),
    (["kappas=8", "etaMin=2"], "the κ = 8 scaled iteration matrix M at η = 2^-2 has spectral radius ≥ 1"),
    (["a=1/2"], "parameter a"),
    (["kappas=32", "etaMax=14", "etaMin=4"], "the κ = 32 scaled iteration matrix M at η = 2^-4"),
    (["kappas=16"], "κ·2^-etaMax = 16·2^-12 exceeds 2^-9"),
    (["etaMin=8"], "needs at least 6 steps: etaMin = 8, etaMax = 12"),
    (["kappas=2,4,2"], "kappas = 2,4,2 repeats an entry"),
    (["rho=1"], "parameter rho"),
    (["kappa1=1"], "parameter kappa1"),
  ])
  func brokenConditionsAreUsageErrors(assignments: [String], message: String) {
    let error = usageError(assignments)
    #expect(error?.message.contains(message) == true, "\(assignments): \(String(describing: error))")
    #expect(error?.message.contains("\n") == false)
  }

  @Test func usageErrorExitsWithTwoAndWritesNothing() async {
    let run = await verify(["ema-scaling", "--set", "T=17/8"], catalogue: Catalogue([EMAScaling()]))
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("is not an integer for κ = 8"))
  }

  /// Instances away from E1 and E2 that meet every condition: a non-power-of-two κ, a finer
  /// grid with κ = 16, the corners of the parameter box; each passes, controls rejected.
  @Test(arguments: [
    [
      "a=3/4", "c=0", "b=2", "gamma=2", "beta=1", "T=3", "theta0=-1", "zeta0=1",
      "kappas=3,6", "etaMin=4", "rho=1/2", "kappa1=64", "theta=-7", "zeta=7",
    ],
    [
      "a=1", "c=1/2", "b=1/2", "gamma=1/2", "beta=1", "T=2", "theta0=1", "zeta0=-1",
      "kappas=16", "etaMin=6", "etaMax=13", "theta=1", "zeta=1",
    ],
  ])
  func otherValidInstancesPass(assignments: [String]) throws {
    let report = try engineReport(EMAScaling(), assignments)
    #expect(report.error == nil)
    for result in report.checks {
      #expect(result.verdict.succeeded, "\(result.id): \(result.detail)")
    }
  }
}
