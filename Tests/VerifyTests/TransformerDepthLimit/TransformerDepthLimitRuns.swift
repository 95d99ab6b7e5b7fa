import Testing

@testable import Verify

/// The claim's runs the suites share, each computed once.
enum TransformerDepthLimitRuns {
  /// The default run: the spec's instance T1.
  static let t1 = try! engineReport(TransformerDepthLimit())
  /// A smaller, quicker instance on another seed: 3 tokens in 2 dimensions, shallower grids.
  static let small = try! engineReport(TransformerDepthLimit(), smallAssignments, seed: 11)
  static let smallAssignments = [
    "n=3", "d=2", "depths=16,32,64,128", "sDepths=32,64,128,256", "replicates=60",
    "mcDepths=32,128", "heads=1,4", "mcSeed=7",
  ]

  static func value(_ report: ClaimReport, _ name: String) -> String? {
    report.values.first { $0.name == name }?.value
  }
}
