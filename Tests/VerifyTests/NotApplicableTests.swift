import Foundation
import Numeric
import Testing

@testable import Verify

/// A statement that does not apply to an instance is reported as not applicable, with why,
/// and counts neither for nor against its claim.
@Suite struct NotApplicableTests {
  /// One check that does not apply and, optionally, one true statement beside it.
  struct PartlyApplicable: Claim {
    let id = "partly-applicable"
    let title = "A claim with a statement that does not apply"
    let source = TestClaims.source
    let statement = "1 ≤ 2; a statement about a second hidden layer"
    let withTrueCheck: Bool

    func measure(_ instance: Arguments, _ measurements: Measurements) {
      if withTrueCheck {
        measurements.add(
          InequalityCheck(
            id: "one-below-two", statement: "1 ≤ 2", value: { 1 }, .lessThanOrEqual,
            bound: { 2 }, controls: [.init("3 ≤ 2", value: { 3 })]))
      }
      measurements.notApplicable(
        id: "second-layer", kind: .identity, statement: "a statement about layer 2",
        why: "the network has one hidden layer")
    }
  }

  @Test func neutralBesideOtherChecksAndShownInBothFormats() throws {
    let report = try engineReport(PartlyApplicable(withTrueCheck: true))
    #expect(report.checks.map(\.verdict) == [.pass, .notApplicable])
    #expect(report.verdict == .pass)
    let markdown = MarkdownReport.render(report)
    #expect(
      markdown.contains("| [second-layer](#second-layer) | identity | — | — | **not-applicable** |")
    )
    #expect(markdown.contains("Not applicable: the network has one hidden layer."))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(JSONReport.render([report]).utf8))
        as? [String: Any])
    let checks = try #require(
      (json["claims"] as? [[String: Any]])?.first?["checks"] as? [[String: Any]])
    #expect(checks[1]["verdict"] as? String == "not-applicable")
    #expect(checks[1]["detail"] as? String == "not applicable: the network has one hidden layer")
    #expect(checks[1]["measured"] is NSNull)
  }

  @Test func aClaimOfOnlyNotApplicableChecksIsInconclusive() throws {
    #expect(try engineReport(PartlyApplicable(withTrueCheck: false)).verdict == .inconclusive)
    #expect(Verdict.combining([.notApplicable, .notApplicable]) == .inconclusive)
    #expect(Verdict.combining([.notApplicable, .pass]) == .pass)
    #expect(Verdict.combining([.notApplicable, .fail]) == .fail)
    #expect(Verdict.combining([Verdict]()) == .proved)
  }
}
