import Foundation

/// The summary as Markdown for a reader and as JSON for `verify merge` and other programs.
/// Neither carries a timing, so a merge of shards equals the unsharded run byte for byte.
extension SweepSummary {
  public var markdown: String {
    // An instance is a claim's run, never not applicable (only its checks can be).
    let counted = Verdict.allCases.filter { $0 != .notApplicable }.map { verdict in
      "\(rows.filter { $0.verdict == verdict.rawValue }.count) \(verdict.rawValue)"
    }
    // The not-applicable column only when some check did not apply somewhere.
    let aggregates = self.aggregates
    let columns = Verdict.allCases.indices.filter { column in
      Verdict.allCases[column] != .notApplicable || aggregates.contains { $0.counts[column].count > 0 }
    }
    var lines = [
      "# Sweep of `\(claim)`: \(title)", "",
      "\(rows.count) of \(total) instances\(shard.map { " (shard \($0))" } ?? ""): "
        + counted.joined(separator: ", ") + ". Verdict: **\(verdict.rawValue)**.", "",
      "| check | kind | " + columns.map { Verdict.allCases[$0].rawValue }.joined(separator: " | ")
        + " | worst measured | at |",
      "|---|---|" + String(repeating: "---|", count: columns.count) + "---|---|",
    ]
    for aggregate in aggregates {
      let worst: String
      let at: String
      if let high = aggregate.highest, let low = aggregate.worst {
        worst = "\(low.value) … \(high.value)"
        at = "\(low.row.label) … \(high.row.label)"
      } else {
        worst = aggregate.worst?.value ?? "—"
        at = aggregate.worst?.row.label ?? "—"
      }
      lines.append(
        "| \(aggregate.id) | \(aggregate.kind) | "
          + columns.map { String(aggregate.counts[$0].count) }.joined(separator: " | ")
          + " | \(worst) | \(at) |")
    }
    let bad = rows.filter { !(Verdict(rawValue: $0.verdict)?.succeeded ?? false) }
    if !bad.isEmpty {
      lines += ["", "Instances that did not pass, each reproducible by its command:", ""]
      lines += bad.map { "- \($0.label): **\($0.verdict)** — `\($0.command)`" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public var json: String {
    JSON.object([
      ("claim", .string(claim)),
      ("title", .string(title)),
      ("total", .number(total)),
      ("shard", shard.map(JSON.string) ?? .null),
      ("verdict", .string(verdict.rawValue)),
      (
        "instances",
        .array(
          rows.map { row in
            .object([
              ("index", .number(row.index)), ("label", .string(row.label)),
              ("command", .string(row.command)), ("verdict", .string(row.verdict)),
              (
                "checks",
                .array(
                  row.checks.map { check in
                    .object([
                      ("id", .string(check.id)), ("kind", .string(check.kind)),
                      ("verdict", .string(check.verdict)),
                      ("measured", check.measured.map(JSON.string) ?? .null),
                      ("threshold", .string(check.threshold)),
                    ])
                  })
              ),
            ])
          })
      ),
    ]).render() + "\n"
  }

  /// A summary read back from its JSON.
  ///
  /// - Throws: `UsageError` naming what is missing when `data` is not a sweep summary.
  public init(json data: Data, name: String) throws(UsageError) {
    let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    guard let root, let claim = root["claim"] as? String, let title = root["title"] as? String,
      let total = root["total"] as? Int, let instances = root["instances"] as? [[String: Any]]
    else { throw UsageError("'\(EchoedInput.cut(name))' is not the JSON summary of a sweep") }
    self.claim = claim
    self.title = title
    self.total = total
    shard = root["shard"] as? String
    rows = try instances.map { item throws(UsageError) in
      guard let index = item["index"] as? Int, let label = item["label"] as? String,
        let command = item["command"] as? String, let verdict = item["verdict"] as? String,
        let checks = item["checks"] as? [[String: Any]]
      else { throw UsageError("'\(EchoedInput.cut(name))' has a malformed instance") }
      return Row(
        index: index, label: label, command: command, verdict: verdict,
        checks: checks.map {
          CheckRow(
            id: $0["id"] as? String ?? "?", kind: $0["kind"] as? String ?? "?",
            verdict: $0["verdict"] as? String ?? "?", measured: $0["measured"] as? String,
            threshold: $0["threshold"] as? String ?? "")
        })
    }
  }
}
