import Foundation
import Numeric
import Testing

@testable import Verify

/// The committed report `claims/<id>.json` of a claim's default run, read back as the
/// `ClaimReport` the engine produced.
///
/// A default run takes seconds in a release build and minutes in the debug build `swift test`
/// uses, so the tests of the default instances (the spec's reference values, every check
/// passing, every control rejected) read the report that `swift run -c release verify all
/// --output claims` wrote. The report is bound to the code by CI, which reruns every claim and
/// fails on any verdict or value that moved (`verify all --baseline claims`), and to the
/// defaults here: a report of another instance (parameters, seed or precision) fails the test.
/// The checks' numbers come back at the 17 digits the JSON keeps of diagnostics, named values
/// at every digit; figures are not read back.
func committedReport(_ claim: any Claim) throws -> ClaimReport {
  let run = try RunRequest().plan([claim])[0]
  let file = committedReports.appendingPathComponent("\(claim.id).json")
  let data = try #require(FileManager.default.contents(atPath: file.path), "no \(file.path)")
  let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  let entry = try #require(
    (root["claims"] as? [[String: Any]])?.first { $0["id"] as? String == claim.id },
    "\(file.lastPathComponent) has no report of \(claim.id)")
  let parameters = Dictionary(uniqueKeysWithValues: run.parameters.map { ($0.name, $0.value.description) })
  #expect(
    entry["parameters"] as? [String: String] == parameters
      && entry["seed"] as? String == String(run.seed) && entry["precision"] as? Int == run.precision,
    "\(file.lastPathComponent) is not the default run: regenerate claims/")
  let values = try #require(entry["values"] as? [String: String])
  // JSON objects are unordered; the report's order is its Markdown's, kept in the text.
  let order = String(decoding: data, as: UTF8.self)
  return ClaimReport(
    run: run,
    checks: try #require(entry["checks"] as? [[String: Any]]).map(checkResult),
    values: values.map { (name: $0.key, value: $0.value) }.sorted {
      order.range(of: "\"\($0.name)\":")!.lowerBound < order.range(of: "\"\($1.name)\":")!.lowerBound
    },
    error: entry["error"] as? String,
    duration: .zero)
}

/// The package's `claims/`: the reports and figures of every claim's default run.
let committedReports = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("claims")

private func checkResult(_ json: [String: Any]) throws -> CheckResult {
  let certificate = json["certificate"] as? [String: Any]
  let enclosure = certificate?["enclosure"] as? [String: String]
  return CheckResult(
    id: try #require(json["id"] as? String),
    kind: try #require((json["kind"] as? String).flatMap(CheckKind.init(rawValue:))),
    statement: json["statement"] as? String ?? "",
    verdict: try #require((json["verdict"] as? String).flatMap(Verdict.init(rawValue:))),
    measured: try (json["measured"] as? String).map(number),
    threshold: json["threshold"] as? String ?? "",
    ladder: try ((json["ladder"] as? [[String: Any]]) ?? []).map { rung in
      CheckResult.Rung(bits: try #require(rung["bits"] as? Int), value: try number(rung["value"]))
    },
    controls: try ((json["negativeControls"] as? [[String: Any]]) ?? []).map { control in
      let verdict = try #require(control["verdict"] as? String)
      return ControlResult(
        description: control["description"] as? String ?? "", rejected: verdict != "accepted",
        disproved: verdict == "disproved", measured: try number(control["measured"]),
        threshold: control["threshold"] as? String ?? "", detail: control["detail"] as? String ?? "")
    },
    detail: json["detail"] as? String ?? "",
    certificate: certificate.map { certificate in
      Certificate(
        enclosure: try? enclosure.map {
          Ball(midpoint: try number($0["midpoint"]), radius: try number($0["radius"]), precision: 256)
        },
        detail: certificate["detail"] as? String ?? "")
    })
}

/// A decimal string of the report at 256 bits (NaN and infinities as the report prints them).
private func number(_ text: Any?) throws -> BigFloat {
  try BigFloat(parsing: try #require(text as? String), precision: 256)
}

/// The run time of the committed default run of claim `id`, from its Markdown report.
func committedRunSeconds(_ id: String) -> Double? {
  guard
    let text = try? String(contentsOf: committedReports.appendingPathComponent("\(id).md"), encoding: .utf8),
    let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Run time: ") })
  else { return nil }
  return Double(line.dropFirst("Run time: ".count).prefix { $0.isNumber || $0 == "." })
}
