import Numeric
import Testing

@testable import Verify

/// The whole claim through the engine: every check passes with every control rejected, the
/// spec's controls are present by name, the issue's value names follow the instance that was
/// set, and bad instances are usage errors before anything runs.
@Suite struct TransformerDepthLimitClaimTests {
  func expectEveryCheckPasses(_ report: ClaimReport) {
    #expect(report.error == nil)
    for result in report.checks {
      #expect(result.verdict == .pass, "\(result.id): \(result.detail)")
      for control in result.controls {
        #expect(control.rejected, "\(result.id): control '\(control.description)' \(control.measured)")
      }
    }
  }

  @Test func defaultRunPassesWithTheSpecControls() {
    let report = TransformerDepthLimitRuns.t1
    expectEveryCheckPasses(report)
    expectSpecControls(report.checks, [
      ("C1-rate", ["rate L^-2"]), ("C1-constant", ["the t_{l+1} scheme"]),
      ("C1-shifted-rate", ["rate L^-2"]), ("C2-rate-P", ["rate L^-2"]), ("C2-rate-G", ["rate L^-2"]),
      ("C2-constant-P", ["L e_P at the smallest L"]),
      ("C3-sensitivity-limit", ["exponent 0"]), ("C3-depth-rate", ["the paper's bound as the rate"]),
      ("C3-monte-carlo", ["the response ∝ 1/H²", "the uniform entries' variance"]),
      ("C3-head-scaling", ["fluctuation MSE ∝ 1/H²"]), ("C3-depth-scaling", ["MSE ∝ L^-2/3"]),
      ("C4-permutation", ["causal masking"]),
      ("C4-duplication", ["causal masking", "weights exp(s_ij − max_k s_ik)/n with n frozen"]),
      ("C5-deviation-rate", ["SGD", "AdamW with fixed ε"]), ("C5-update-size", ["SGD"]),
    ])
    #expect(report.checks.count == 15)
  }

  /// The issue's names, for n = 4, d = 3 and the default depths.
  @Test func issueValueNamesArePresent() {
    let names = Set(TransformerDepthLimitRuns.t1.values.map(\.name))
    var expected = ["C4_perm_err", "C4_dup_err", "C4_L"]
    for i in 0..<4 {
      for j in 0..<3 { expected += ["ode_X1_\(i)_\(j)", "ode_P0_\(i)_\(j)"] }
    }
    for depth in [16, 32, 64, 128, 256] {
      expected += (0..<3).flatMap { ["C1_XL_L\(depth)_\($0)", "C2_P0_L\(depth)_\($0)"] }
      expected.append("C1_loss_L\(depth)")
    }
    #expect(Set(expected).subtracting(names).isEmpty, "missing: \(Set(expected).subtracting(names))")
    // At least 30 significant digits for the 256-bit values.
    let x = TransformerDepthLimitRuns.value(TransformerDepthLimitRuns.t1, "ode_X1_0_0")!
    #expect(x.filter(\.isNumber).count >= 30)
  }

  /// `--set` and `--seed` select another instance: the names follow n, d and the lists, the
  /// values change, and every check still passes.
  @Test func anotherInstancePasses() {
    let small = TransformerDepthLimitRuns.small
    expectEveryCheckPasses(small)
    let names = Set(small.values.map(\.name))
    #expect(names.contains("ode_X1_2_1") && !names.contains("ode_X1_3_0") && !names.contains("ode_X1_0_2"))
    #expect(names.contains("C1_XL_L256_1") && !names.contains("C1_XL_L256_2"))
    #expect(names.contains("C3_mc_H4_L16") && names.contains("C3_LS_L32") && !names.contains("C3_mc_H16_L64"))
    #expect(TransformerDepthLimitRuns.value(small, "C4_L") == "32")
  }

  @Test func seedAloneChangesTheValues() throws {
    let assignments = TransformerDepthLimitRuns.seedAssignments
    let other = try engineReport(TransformerDepthLimit(), assignments, seed: 13)
    let small = try engineReport(TransformerDepthLimit(), assignments, seed: 12)
    for name in ["ode_X1_0_0", "C1_loss_L64", "C3_mc_H1_L16"] {
      #expect(TransformerDepthLimitRuns.value(other, name) != TransformerDepthLimitRuns.value(small, name))
    }
  }

  @Test func sameSeedSameValues() throws {
    let assignments = TransformerDepthLimitRuns.seedAssignments
    let first = try engineReport(TransformerDepthLimit(), assignments, seed: 12)
    let again = try engineReport(TransformerDepthLimit(), assignments, seed: 12)
    #expect(again.values.map(\.value) == first.values.map(\.value))
  }

  func usageError(_ assignments: [String]) -> UsageError? {
    planningError(TransformerDepthLimit(), assignments)
  }

  @Test(arguments: [
    (["depths=16,30,60,120"], "30 is not divisible by 4"),
    (["depths=16,64,32,64"], "depths = 16,64,32,64 is not strictly increasing"),
    (["depths=16,32,64,192"], "the largest depth must be twice the one before"),
    (["sDepths=64,128,128,512"], "sDepths = 64,128,128,512 is not strictly increasing"),
    (["heads=1,2,4"], "heads = 1,2,4: each entry must be 4 times the one before"),
    (["mcDepths=64,128"], "mcDepths = 64,128: each entry must be 4 times the one before"),
    (["depths=16,32"], "parameter depths"),
    (["sigma=1/5"], "parameter sigma"),
    (["n=1"], "parameter n"),
  ])
  func brokenConditionsAreUsageErrors(assignments: [String], message: String) {
    let error = usageError(assignments)
    #expect(error?.message.contains(message) == true, "\(assignments): \(String(describing: error))")
    #expect(error?.message.contains("\n") == false)
  }

  @Test func usageErrorExitsWithTwo() async {
    let run = await verify(
      ["transformer-depth-limit", "--set", "depths=16,30,60,120"],
      catalogue: Catalogue([TransformerDepthLimit()]))
    #expect(run.status == 2)
    #expect(run.output.isEmpty)
  }
}
