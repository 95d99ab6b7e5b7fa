import Numeric
import Testing

@testable import Verify

/// Issue 12: `--set widths=3,4,1` (one hidden layer) trapped in the index-shift control of C1,
/// which compares layer 1 with layer 2. With one hidden layer that control does not exist, and
/// with every hidden layer one unit wide C2 does not apply.
@Suite struct SingleHiddenLayerTests {
  func instance(_ widths: String) throws -> FrobeniusImbalance.Instance {
    let claim = FrobeniusImbalance()
    return try claim.instance(
      RunRequest(precision: 64, assignments: ["widths=\(widths)"]).plan([claim])[0].arguments)
  }

  @Test func theIdentityIsCheckedWithTheControlsThatExist() throws {
    let shallow = try instance("3,4,1")
    let checks = FrobeniusImbalance().identityChecks(shallow)
    let tanh = try #require(checks.first { $0.id == "c1-identity-tanh" } as? IdentityCheck)
    #expect(!tanh.controls.map(\.description).contains { $0.hasPrefix("index shift") })
    let result = withPrecision(64) { tanh.evaluate(in: CheckContext(precision: 64)) }
    #expect(result.verdict == .pass, "\(result.detail)")
    #expect(result.controls.count == 3 && result.controls.allSatisfy { $0.rejected })
    let deep = try instance("3,4,3,1")
    let controls = try #require(
      FrobeniusImbalance().identityChecks(deep).first { $0.id == "c1-identity-tanh" }
        as? IdentityCheck
    ).controls.map(\.description)
    #expect(controls.contains { $0.hasPrefix("index shift") })
  }

  @Test func neuronwiseIsNotApplicableWhenEveryHiddenLayerHasOneUnit() throws {
    let measurements = Measurements(precision: 64, seed: 1)
    FrobeniusImbalance().addNeuronwiseChecks(try instance("3,1,1,2"), to: measurements)
    let result = try #require(measurements.checks.first).evaluate(in: CheckContext(precision: 64))
    #expect(result.id == "c2-neuronwise")
    #expect(result.verdict == .notApplicable)
    #expect(result.detail.contains("every hidden layer of widths [3, 1, 1, 2] has one unit"))
    let wide = Measurements(precision: 64, seed: 1)
    FrobeniusImbalance().addNeuronwiseChecks(try instance("3,4,1"), to: wide)
    #expect(wide.checks.first is IdentityCheck)
  }
}
