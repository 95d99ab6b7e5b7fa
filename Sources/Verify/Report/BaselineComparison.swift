import Foundation

/// One difference between a run and the committed report it is compared with.
public struct BaselineChange: Sendable, Equatable {
  public var claim: String
  /// What changed: `verdict`, `check <id>`, `value <name>`, `parameters`.
  public var item: String
  public var before: String
  public var after: String
}

/// `verify … --baseline DIR`: compares each claim's run with `DIR/<id>.json` (the committed
/// `claims/`, say) and lists every verdict that changed (the claim's or a check's, a check that
/// appeared or disappeared) and every named value that moved beyond the digits it claims
/// (``DecimalAgreement``). Measured residuals and timings are diagnostics and are not compared.
public enum BaselineComparison {
  /// The changes of `report` against the baseline report in `directory`.
  public static func changes(_ report: ClaimReport, against directory: URL) -> [BaselineChange] {
    let file = directory.appendingPathComponent("\(report.id).json")
    let change = { (item: String, before: String, after: String) in
      BaselineChange(claim: report.id, item: item, before: before, after: after)
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      return [change("report", "no baseline report \(file.lastPathComponent)", report.verdict.rawValue)]
    }
    guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let claim = (root["claims"] as? [[String: Any]])?.first(where: { $0["id"] as? String == report.id })
    else {
      return [change("report", "unreadable baseline \(file.lastPathComponent)", report.verdict.rawValue)]
    }
    var changes: [BaselineChange] = []
    let parameters = (claim["parameters"] as? [String: String]) ?? [:]
    let now = Dictionary(uniqueKeysWithValues: report.run.parameters.map { ($0.name, $0.value.description) })
    if parameters != now || claim["seed"] as? String != String(report.run.seed)
      || claim["precision"] as? Int != report.run.precision
    {
      changes.append(change("parameters", "a different instance", report.run.command))
    }
    if let verdict = claim["verdict"] as? String, verdict != report.verdict.rawValue {
      changes.append(change("verdict", verdict, report.verdict.rawValue))
    }
    let checks = (claim["checks"] as? [[String: Any]]) ?? []
    let before = Dictionary(
      checks.compactMap { c in (c["id"] as? String).map { ($0, c["verdict"] as? String ?? "?") } },
      uniquingKeysWith: { first, _ in first })
    for check in report.checks where before[check.id] != check.verdict.rawValue {
      changes.append(change("check \(check.id)", before[check.id] ?? "absent", check.verdict.rawValue))
    }
    for id in before.keys.sorted() where !report.checks.contains(where: { $0.id == id }) {
      changes.append(change("check \(id)", before[id]!, "absent"))
    }
    let values = (claim["values"] as? [String: String]) ?? [:]
    for (name, value) in report.values where !DecimalAgreement.agree(values[name] ?? "", value) {
      changes.append(change("value \(name)", values[name] ?? "absent", value))
    }
    for name in values.keys.sorted() where !report.values.contains(where: { $0.name == name }) {
      changes.append(change("value \(name)", values[name]!, "absent"))
    }
    return changes
  }

  /// The changes as a Markdown table (values cut to 40 characters), or one line saying none.
  public static func table(_ changes: [BaselineChange], baseline: URL) -> String {
    guard !changes.isEmpty else { return "Baseline \(baseline.path): no verdict or value changed.\n" }
    let cut = { (text: String) in text.count > 40 ? text.prefix(39) + "…" : text }
    return (["Baseline \(baseline.path): \(changes.count) changed.", "",
      "| claim | what | baseline | this run |", "|---|---|---|---|"]
      + changes.map { "| \($0.claim) | \($0.item) | \(cut($0.before)) | \(cut($0.after)) |" })
      .joined(separator: "\n") + "\n"
  }
}
