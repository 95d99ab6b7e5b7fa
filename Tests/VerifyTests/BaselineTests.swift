import Foundation
import Numeric
import Testing

@testable import Verify

/// `--baseline`: a run compared with committed JSON reports.
@Suite struct BaselineTests {
  @Test(arguments: [
    ("1.2345e-3", "1.23449999e-3", true),  // the same value, with more digits
    ("1.2345e-3", "1.2346e-3", false),  // moved in a claimed digit
    ("1.25", "1.2", true), ("1.25", "1.4", false), ("1.25", "1.25000", true), ("0", "0.0001", false),
    ("3/7", "3/7", true), ("3/7", "4/7", false), ("12", "12", true), ("12", "13", false),
    ("B", "B", true), ("B", "C", false), ("nan", "nan", true), ("true", "false", false),
  ])
  func valuesAgreeToTheDigitsTheyClaim(a: String, b: String, agree: Bool) {
    #expect(DecimalAgreement.agree(a, b) == agree)
    #expect(DecimalAgreement.agree(b, a) == agree)
  }

  func directory(with report: ClaimReport) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "claimcheck-baseline-\(UUID().uuidString)")
    try ReportFiles.write(report, to: directory)
    return directory
  }

  @Test func anUnchangedRunHasNoChanges() throws {
    let report = try engineReport(Sound())
    let directory = try directory(with: report)
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(BaselineComparison.changes(try engineReport(Sound()), against: directory).isEmpty)
  }

  @Test func aMovedValueAChangedVerdictAndAnotherInstanceAreListed() throws {
    let directory = try directory(with: try engineReport(Sound()))
    defer { try? FileManager.default.removeItem(at: directory) }
    let moved = BaselineComparison.changes(try engineReport(Sound(), ["x=1/4"]), against: directory)
    #expect(moved.map(\.item).contains("parameters"))
    #expect(moved.map(\.item).contains("value x"))
    #expect(!moved.map(\.item).contains("value random"))
    let other = try engineReport(FalseIdentity())
    let missing = BaselineComparison.changes(other, against: directory)
    #expect(missing.count == 1 && missing[0].before.hasPrefix("no baseline report"))
  }

  @Test func theCommandExitsOneWhenAnythingMoved() async throws {
    let directory = try directory(with: try engineReport(Sound()))
    defer { try? FileManager.default.removeItem(at: directory) }
    let same = await verify(["sound", "--baseline", directory.path, "--quiet"])
    #expect(same.status == 0, "\(same.error)")
    #expect(same.error.contains("no verdict or value changed"))
    let moved = await verify(["sound", "--set", "x=1/4", "--baseline", directory.path])
    #expect(moved.status == 1)
    #expect(moved.error.contains("| sound | value x | 1/3 | 1/4 |"))
    let bad = await verify(["sound", "--baseline", "/no/such/dir"])
    #expect(bad.status == 2 && bad.error.contains("is not a directory of JSON reports"))
  }
}
