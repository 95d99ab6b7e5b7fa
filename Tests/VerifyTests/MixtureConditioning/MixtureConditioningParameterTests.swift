import Numeric
import Testing

@testable import Verify

/// Section 3.1's conditions: an instance that breaks one is a usage error (exit 2, one line
/// naming it) before any check runs.
@Suite struct MixtureConditioningParameterTests {
  func usageError(_ assignments: [String]) -> UsageError? {
    planningError(MixtureConditioning(), assignments)
  }

  @Test(arguments: [
    (["mix=0.5,0,0,1,0.6,1,0.5,1,1,1,0,1,1"], "mix has 13 entries: it needs 6 per component"),
    (["mix=0.5,0,0,1,0.6,1"], "parameter mix"),
    (["mix=0.5,0,0,1,1,1,0.5,1,1,1,0,1"], "mix: the covariance of component 1 is not positive definite"),
    (["mix=0,0,0,1,0.5,1,0.5,1,1,1,0,1"], "mix: the weight pi of component 1 is 0"),
    (["mix2=1,0,0,0,1,0,0,1,0,-1"], "mix2: the covariance of component 1 is not positive definite"),
    (["mix2=1,0,0,0,1,0,0,1,0"], "parameter mix2"),
    (["bump=4,-6,0.3,0.3,0.3"], "bump: the covariance of component 1 is not positive definite"),
    (["shift=0,0"], "shift = 0,0 moves nothing"),
    (["deltas=0.1,0.1"], "deltas repeats an entry"),
    (["deltas=0.1"], "parameter deltas"),
    (["deltas=0,0.1"], "parameter deltas"),
    (["eps=1/10"], "parameter eps"),
    (["eps=1e-13"], "parameter eps"),
    (["ys=1,2,3,4,5"], "parameter ys"),
    (["y2=1"], "parameter y2"),
    (["y_tail=1,2,3,4,5,6"], "parameter y_tail"),
  ])
  func brokenConditionsAreUsageErrors(assignments: [String], message: String) {
    let error = usageError(assignments)
    #expect(error?.message.contains(message) == true, "\(assignments): \(String(describing: error))")
    #expect(error?.message.contains("\n") == false)
  }

  @Test func usageErrorExitsWithTwoAndWritesNothing() async {
    let run = await verify(
      ["gaussian-mixture-conditioning", "--set", "shift=0,0"],
      catalogue: Catalogue([MixtureConditioning()]))
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("shift = 0,0"))
  }
}
