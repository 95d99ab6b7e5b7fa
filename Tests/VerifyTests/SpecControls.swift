import Testing

@testable import Verify

/// The negative controls each spec lists, pinned by name: every claim test already asserts
/// that all controls present are rejected; this asserts that the spec's controls are present,
/// so deleting one from a claim fails a test instead of silently weakening the check.
func expectSpecControls(_ results: [CheckResult], _ table: [(check: String, controls: [String])]) {
  for (id, names) in table {
    guard let result = results.first(where: { $0.id == id }) else {
      Issue.record("check \(id) is missing")
      continue
    }
    for name in names {
      #expect(
        result.controls.contains { $0.description.hasPrefix(name) && $0.rejected },
        "\(id): no rejected control named '\(name)…'")
    }
  }
}
