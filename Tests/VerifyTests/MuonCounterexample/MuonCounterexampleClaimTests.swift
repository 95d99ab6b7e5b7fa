import Foundation
import Numeric
import Testing

@testable import Verify

/// muon-counterexample as the engine runs it: verdicts, the spec's controls, parameters.
@Suite struct MuonCounterexampleClaimTests {
  static let ids = [
    "c1-reduction", "c2-trap", "pc2-subgradient-descent", "c3-alternating-trap", "c4-memory-bound",
    "c4-virtual-iterate", "c4-bound", "c4-rate", "c4-matrix-bound", "c4-matrix-memory-bound",
    "c4-matrix-virtual-iterate", "c5-best-gap", "c5-rate",
  ]

  @Test func everyCheckPassesAndEveryControlIsRejected() throws {
    let report = MuonRun.report
    #expect(report.error == nil, "\(report.error ?? "")")
    #expect(report.checks.map(\.id) == Self.ids)
    for result in report.checks {
      // Exact statements are decided rigorously (proved); the MPFR ones pass numerically.
      #expect(result.verdict == (result.kind == .exact ? .proved : .pass), "\(result.id): \(result.detail)")
      #expect(!result.controls.isEmpty, "\(result.id) has no negative control")
      for control in result.controls {
        #expect(control.rejected, "\(result.id): control '\(control.description)' accepted")
      }
    }
    expectSpecControls(report.checks, [
      ("c1-reduction", ["NC1"]),
      ("c2-trap", ["NC2a", "NC2b", "PC2's method"]),
      ("pc2-subgradient-descent", ["Muon (msign"]),
      ("c3-alternating-trap", ["NC3"]),
      ("c4-bound", ["NC4a", "NC4b"]),
      ("c4-rate", ["NC4b", "NC4a"]),
      ("c5-best-gap", ["NC5"]),
      ("c5-rate", ["NC5"]),
    ])
    // NC2b is rejected on the exact tests: its witness is a trace change, not the gap.
    let trap = report.checks.first { $0.id == "c2-trap" }!
    #expect(trap.controls[1].measured > 0)
    // The rate checks' figures, written beside the committed report.
    let figures = try FileManager.default.contentsOfDirectory(atPath: committedReports.path)
      .filter { $0.hasPrefix("muon-counterexample-") && $0.hasSuffix(".svg") }
    #expect(figures.sorted() == ["muon-counterexample-c4-rate.svg", "muon-counterexample-c5-rate.svg"])
  }

  /// A small instance, so that the parameter tests stay fast in debug.
  static let small = [
    "horizon=200", "ef_horizons=64,128,256", "ef_any_T=256", "mat_horizons=20,40", "red_T=10",
  ]

  @Test func seedAndParametersChangeTheValues() throws {
    let base = try engineReport(MuonCounterexample(), Self.small)
    let again = try engineReport(MuonCounterexample(), Self.small)
    let reseeded = try engineReport(MuonCounterexample(), Self.small, seed: 4)
    let changed = try engineReport(
      MuonCounterexample(),
      Self.small + [
        "eps=1/8", "red_diag=1/2,2,-1/2", "red_seed=8", "beta_large=3/4", "eps_large=1/16",
        "ef_any_gamma_bar=1/8", "mat_seed=12",
      ])
    // Verdicts may differ on so short a run (PC2 needs more than 200 steps to reach 1 % of the
    // floor); here only the values matter, and that every check was evaluated.
    for report in [base, reseeded, changed] {
      #expect(report.error == nil && report.checks.count == Self.ids.count)
    }
    let value = { (report: ClaimReport, name: String) in MuonRun.text(name, in: report) }
    // The same seed and parameters give the same values.
    #expect(base.values.map(\.name) == again.values.map(\.name))
    #expect(base.values.map(\.value) == again.values.map(\.value))
    // --seed drives the random schedule only.
    #expect(value(base, "C2_min_gap_random") != value(reseeded, "C2_min_gap_random"))
    #expect(value(base, "C2_min_gap_inv_sqrt") == value(reseeded, "C2_min_gap_inv_sqrt"))
    for name in [
      "C1_x_T_0", "C1_W0_01", "C2_min_gap_inv_sqrt", "C2_final_gap_polyak", "C3_min_gap_inv_t",
      "C4_avg_gap_T64", "C4_C", "C4_matrix_avg_gap_T20", "C5_avg_gap_t256", "PC2_best_gap",
      "NC2a_final_gap",
    ] {
      #expect(value(base, name) != value(changed, name), "\(name) did not change")
    }
  }

  @Test(arguments: [
    (["eps=1/2"], "1 − 2·beta"), (["beta=3/8"], "1 − 2·beta"), (["eps_bad=1/2"], "eps_bad"),
    (["eps_large=1/31"], "eps_large"), (["w0=-1,1/2"], "trace"), (["red_c=1,2"], "red_c"),
    (["ef_any_T=1000"], "multiple of 16"), (["ef_horizons=512,256,1024"], "increasing"),
    (["mat_horizons=200,100"], "increasing"), (["beta=1/2"], "beta"),
  ])
  func brokenHypothesesAreUsageErrors(assignments: [String], reason: String) {
    do {
      _ = try RunRequest(assignments: assignments).plan([MuonCounterexample()])
      Issue.record("\(assignments) was accepted")
    } catch {
      #expect(error.message.contains(reason), "\(error.message)")
    }
  }

  @Test func anIterateOnAKinkIsReportedNotPassed() throws {
    // a₁ = 1 = diag(W₀)₁: C1's first iterate sits on a kink of φ, where rounded signs are
    // undecidable; the check must say so rather than pass.
    let report = try engineReport(MuonCounterexample(), Self.small + ["red_a=1,-1/5,1/7"])
    let reduction = report.checks.first { $0.id == "c1-reduction" }!
    #expect(reduction.verdict == .fail)
    #expect(reduction.detail.contains("kink"))
  }
}
