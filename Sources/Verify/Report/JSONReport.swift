/// The JSON form of a run, in the shape DESIGN.md documents:
///
///     {"verdict", "mpfr", "gmp", "claims": [{"id", "title", "source": {"title", "arxiv",
///      "location"}, "statement", "precision", "seed", "parameters": {...}, "verdict",
///      "summary": {"proved", "pass", "fail", "inconclusive"}, "command", "error", "checks":
///      [{"id", "kind", "statement", "verdict", "measured", "threshold", "detail", "ladder":
///      [{"bits", "value"}], "certificate": {"detail", "enclosure": {"midpoint", "radius"}},
///      "negativeControl": {...},
///      "negativeControls": [{"description", "verdict", "measured", "threshold", "detail"}]}],
///      "values": {...}}]}
///
/// Numbers computed by a claim are decimal strings so no digits are lost; `precision` and
/// `bits` are JSON integers; `seed` is a string because a 64-bit seed does not survive a
/// binary64 JSON parser. `negativeControl` is the decisive control (the first not rejected,
/// else the first; null when there is none) and `negativeControls` lists them all. No timing:
/// identical runs give identical JSON.
public enum JSONReport {
  public static func render(_ reports: [ClaimReport]) -> String {
    JSON.object([
      ("verdict", .string(Verdict.combining(reports.map(\.verdict)).rawValue)),
      ("mpfr", .string(Versions.mpfr)),
      ("gmp", .string(Versions.gmp)),
      ("claims", .array(reports.map(claim))),
    ]).render() + "\n"
  }

  static func claim(_ report: ClaimReport) -> JSON {
    let claim = report.run.claim
    return .object([
      ("id", .string(claim.id)),
      ("title", .string(claim.title)),
      ("source", source(claim.source)),
      ("statement", .string(claim.statement)),
      ("precision", .number(report.run.precision)),
      ("seed", .string(String(report.run.seed))),
      (
        "parameters",
        .object(report.run.parameters.map { ($0.name, .string($0.value.description)) })
      ),
      ("verdict", .string(report.verdict.rawValue)),
      (
        "summary",
        .object(
          Verdict.allCases.map { verdict in
            (verdict.rawValue, .number(report.checks.filter { $0.verdict == verdict }.count))
          })
      ),
      ("command", .string(report.run.command)),
      ("error", report.error.map(JSON.string) ?? .null),
      ("checks", .array(report.checks.map(check))),
      ("values", .object(report.values.map { ($0.name, .string($0.value)) })),
    ])
  }

  static func source(_ source: Source) -> JSON {
    .object([
      ("title", .string(source.title)), ("arxiv", .string(source.arxiv)),
      ("location", .string(source.location)),
    ])
  }

  static func check(_ check: CheckResult) -> JSON {
    let decisive = check.controls.first { !$0.rejected } ?? check.controls.first
    return .object([
      ("id", .string(check.id)),
      ("kind", .string(check.kind.rawValue)),
      ("statement", .string(check.statement)),
      ("verdict", .string(check.verdict.rawValue)),
      ("measured", check.measured.map { .string(DecimalFormat.json($0)) } ?? .null),
      ("threshold", .string(check.threshold)),
      ("detail", .string(check.detail)),
      (
        "ladder",
        .array(
          check.ladder.map {
            .object([("bits", .number($0.bits)), ("value", .string(DecimalFormat.json($0.value)))])
          })
      ),
      (
        "certificate",
        check.certificate.map { certificate in
          .object([
            ("detail", .string(certificate.detail)),
            (
              "enclosure",
              certificate.enclosure.map { ball in
                .object([
                  ("midpoint", .string(DecimalFormat.full(ball.midpoint))),
                  ("radius", .string(DecimalFormat.json(ball.radius))),
                ])
              } ?? .null
            ),
          ])
        } ?? .null
      ),
      ("negativeControl", decisive.map(control) ?? .null),
      ("negativeControls", .array(check.controls.map(control))),
    ])
  }

  static func control(_ control: ControlResult) -> JSON {
    .object([
      ("description", .string(control.description)),
      ("verdict", .string(control.disproved ? "disproved" : control.rejected ? "rejected" : "accepted")),
      ("measured", .string(DecimalFormat.json(control.measured))),
      ("threshold", .string(control.threshold)),
      ("detail", .string(control.detail)),
    ])
  }
}
