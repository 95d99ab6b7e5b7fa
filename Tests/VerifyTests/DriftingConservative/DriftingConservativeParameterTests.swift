import Numeric
import Testing

@testable import Verify

/// Section 3.1: input that breaks the spec's conditions is a usage error (exit 2, one line)
/// before any check runs; `--seed` and `--set` select the instance the values describe.
@Suite struct DriftingConservativeParameterTests {
  func usageError(_ assignments: [String]) -> UsageError? {
    planningError(DriftingConservative(), assignments)
  }

  @Test(arguments: [
    (["R=1"], "C2's circle must enclose no data point or particle"),
    (["center=1,0"], "lies in the closed disc"),
    (["trapN=512,256"], "must increase"),
    (["rateN=100,100"], "must differ"),
    (["rateBetas=0,2"], "parameter rateBetas"),
    (["h=0"], "parameter h"),
    (["dim=5"], "parameter dim"),
    (["M=13"], "parameter M"),
    (["flowSteps=1"], "parameter flowSteps"),
    (["biasConst=-1"], "parameter biasConst"),
  ])
  func brokenConditionsAreUsageErrors(assignments: [String], message: String) {
    let error = usageError(assignments)
    #expect(error?.message.contains(message) == true, "\(assignments): \(String(describing: error))")
    #expect(error?.message.contains("\n") == false)
  }

  @Test func usageErrorExitsWithTwoAndWritesNothing() async {
    let run = await verify(
      ["drifting-conservative", "--set", "R=1"], catalogue: Catalogue([DriftingConservative()]))
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
    #expect(run.error.contains("closed disc"))
  }

  /// `--seed` redraws the planar instance only, `divSeed` and `dim` the C1 instance; the same
  /// arguments give the same values. The settings are built directly (no flow), so it is quick.
  @Test func seedAndParametersSelectTheInstance() throws {
    let claim = DriftingConservative()
    func instance(_ assignments: [String], seed: UInt64? = nil) throws -> DriftingConservative.Instance {
      try claim.instance(RunRequest(seed: seed, assignments: assignments).plan([claim])[0].arguments)
    }
    let base = try instance([])
    let reseeded = try instance([], seed: 7)
    let other = try instance(["divSeed=12", "dim=3", "tau=1/2", "rateN=100,10000"])
    #expect(base.planar.drift.data != reseeded.planar.drift.data)
    #expect(base.divergence.configuration == reseeded.divergence.configuration)
    #expect(other.divergence.configuration.count == 12)
    #expect(other.divergence.drift.data != base.divergence.drift.data)
    #expect(other.planar.drift.scale == Rational(1, 2))
    #expect(other.rates.counts == (100, 10000))
  }
}
