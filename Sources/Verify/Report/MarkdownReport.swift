/// The Markdown form of a claim's report: what a reader audits. Every line is a function of the
/// run's inputs except the last, which gives the run time.
public enum MarkdownReport {
  public static func render(_ report: ClaimReport) -> String {
    let claim = report.run.claim
    let source = claim.source
    var lines = [
      "# \(claim.title)",
      "",
      "`\(claim.id)` — verdict: **\(report.verdict.rawValue)**",
      "",
      "Source: *\(source.title)*, [arXiv:\(source.arxiv)](https://arxiv.org/abs/\(source.arxiv)), "
        + "\(source.location).",
      "",
      "## Statement",
      "",
      claim.statement,
      "",
      "## Parameters",
      "",
      "| parameter | value |",
      "|---|---|",
      "| precision | \(report.run.precision) bits |",
      "| seed | \(report.run.seed) |",
    ]
    lines += report.run.parameters.map { "| \(cell($0.name)) | \(cell($0.value.description)) |" }
    if let error = report.error {
      lines += ["", "## Error", "", "The claim stopped before its checks were built: \(error)"]
    }
    lines += ["", "## Checks", ""]
    if report.checks.isEmpty {
      lines.append("No checks were evaluated.")
    } else {
      lines += [summary(report.checks), ""]
      lines += ["| check | kind | measured | threshold | verdict |", "|---|---|---|---|---|"]
      lines += report.checks.map { check in
        "| [\(cell(check.id))](#\(check.id)) | \(check.kind.rawValue) | "
          + "\(check.measured.map(DecimalFormat.short) ?? "—") | \(cell(check.threshold)) | "
          + "**\(check.verdict.rawValue)** |"
      }
    }
    for check in report.checks { lines += section(check, report) }
    if !report.values.isEmpty {
      lines += ["", "## Values", "", "| name | value |", "|---|---|"]
      lines += report.values.map { "| \(cell($0.name)) | \($0.value) |" }
    }
    lines += [
      "", "## Reproduce", "", "    \(report.run.command)", "",
      "MPFR \(Versions.mpfr), GMP \(Versions.gmp).", "",
      "Run time: \(DecimalFormat.fixed(report.seconds)) s.",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  private static func section(_ check: CheckResult, _ report: ClaimReport) -> [String] {
    var lines = [
      "", "### \(check.id)", "",
      "**\(check.verdict.rawValue)** (\(check.kind.rawValue)). "
        + check.statement, "", check.detail.prefix(1).uppercased() + check.detail.dropFirst() + ".",
    ]
    if let enclosure = check.certificate?.enclosure {
      lines += [
        "", "Enclosure: \(enclosure.description(significantDigits: 12)) (the JSON report has "
          + "the midpoint and radius in full).",
      ]
    }
    if !check.ladder.isEmpty {
      lines += ["", "Precision ladder:", "", "| bits | value |", "|---:|---|"]
      lines += check.ladder.map { "| \($0.bits) | \(DecimalFormat.short($0.value)) |" }
    }
    if !check.controls.isEmpty {
      lines += [
        "", "Negative controls:", "", "| control | measured | rejected when | outcome |",
        "|---|---|---|---|",
      ]
      lines += check.controls.map { control in
        "| \(cell(control.description)) | \(DecimalFormat.short(control.measured)) | "
          + "\(cell(control.threshold)) | "
          + (control.disproved ? "disproved" : control.rejected ? "rejected" : "**not rejected**")
          + " |"
      }
    }
    if check.plot != nil {
      let figure = report.figureName(check)
      lines += ["", "![\(check.id): data, fitted line and claimed slope](\(figure))"]
    }
    return lines
  }

  /// `12 checks: 3 proved, 8 pass, 1 fail, 0 inconclusive.` (and `, 2 not-applicable` when
  /// some checks do not apply to the instance).
  static func summary(_ checks: [CheckResult]) -> String {
    "\(checks.count) checks: "
      + Verdict.allCases.compactMap { verdict in
        let count = checks.filter { $0.verdict == verdict }.count
        return verdict == .notApplicable && count == 0 ? nil : "\(count) \(verdict.rawValue)"
      }.joined(separator: ", ") + "."
  }

  /// `text` safe inside a table cell: pipes escaped, line breaks flattened.
  private static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
