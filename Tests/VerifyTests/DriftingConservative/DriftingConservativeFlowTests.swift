import Foundation
import Numeric
import Testing

@testable import Verify

/// Spec Section 4.1's C1b values for the default flow (T = 1/2, 8 steps), read from the
/// committed report `claims/drifting-conservative.json`: the flow takes most of the claim's run
/// time in release, too long to repeat in a debug test.
@Suite struct DriftingConservativeFlowTests {
  static func committedClaim() throws -> [String: Any] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let data = try Data(contentsOf: root.appendingPathComponent("claims/drifting-conservative.json"))
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return try #require((json?["claims"] as? [[String: Any]])?.first)
  }

  @Test func committedFlowMatchesTheSpec() throws {
    let claim = try Self.committedClaim()
    let values = claim["values"] as? [String: String] ?? [:]
    // The oracle's own agreement is 2e−46 (log det against ∫ div F) with a step-refinement
    // change of 1e−41, so 1e−40 is the most its 42 digits vouch for.
    for name in ["C1b_logdet", "C1b_int_div"] {
      let text = try #require(values[name], "\(name) missing from the committed report")
      withPrecision(256) {
        expectAbsolute(
          BigFloat(try! Rational(parsing: text)), "-4.71167249823400788277516894931633626694841",
          within: "1e-40")
      }
    }
    // The control: L0(T) = 1.77536698080427910340357446904148490203209 misses log det by their
    // sum, 6.487039479038286986…; the report carries a control's measure to 17 digits.
    let checks = claim["checks"] as? [[String: Any]] ?? []
    let liouville = try #require(checks.first { $0["id"] as? String == "C1b-liouville" })
    let control = try #require((liouville["negativeControls"] as? [[String: Any]])?.first)
    let measured = try #require(control["measured"] as? String)
    withPrecision(256) {
      expectAbsolute(
        BigFloat(try! Rational(parsing: measured)),
        "6.487039479038286986", within: "1e-15")
    }
  }
}
