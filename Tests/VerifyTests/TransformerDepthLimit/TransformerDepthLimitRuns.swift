import Testing

@testable import Verify

/// The claim's runs the suites share, each computed once.
enum TransformerDepthLimitRuns {
  /// The default run, the spec's instance T1, as committed in `claims/`.
  static let t1 = try! committedReport(TransformerDepthLimit())
  /// A smaller, quicker instance on another seed: 3 tokens in 2 dimensions, a shallower Monte
  /// Carlo with fewer replicates.
  static let small = try! engineReport(TransformerDepthLimit(), smallAssignments, seed: 12)
  static let smallAssignments = [
    "n=3", "d=2", "sDepths=32,64,128,256", "replicates=40", "mcDepths=16,64", "heads=1,4",
    "mcSeed=7",
  ]
  /// Two tokens in one dimension with shallow depths, for the tests of what a seed changes,
  /// which need two runs each and no verdicts: the limit ODE, most of a run's time, is small.
  static let seedAssignments = [
    "n=2", "d=1", "depths=16,32,64", "sDepths=16,32,64,128", "replicates=10", "mcDepths=16,64",
    "heads=1,4", "mcSeed=7",
  ]

  static func value(_ report: ClaimReport, _ name: String) -> String? {
    report.values.first { $0.name == name }?.value
  }
}
