/// What `verify list` prints: every claim with its source and parameters.
public enum CatalogueListing {
  /// One line per claim (`id  title (arXiv:…, location)`), then one per parameter, and a
  /// closing note on how numbers and lists are written.
  public static func text(_ catalogue: Catalogue) -> String {
    guard !catalogue.claims.isEmpty else { return "No claims are registered.\n" }
    let width = catalogue.claims.map(\.id.count).max()!
    var lines: [String] = []
    for claim in catalogue.claims {
      let padding = String(repeating: " ", count: width - claim.id.count)
      lines.append(
        "\(claim.id)\(padding)  \(claim.title) "
          + "(" + (claim.source.arxiv.isEmpty ? "" : "arXiv:\(claim.source.arxiv), ")
          + "\(claim.source.location))"
      )
      for parameter in claim.parameters {
        lines.append(
          "    --set \(parameter.name)=\(parameter.defaultValue)  \(parameter.kind.allowed): "
            + parameter.help)
      }
    }
    lines += [
      "",
      "Numbers in --set: \(NumberSyntax.integerForms); \(NumberSyntax.rationalForms) (read "
        + "exactly); lists are comma-separated without spaces.",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"claims": [{"id", "title", "source": {...}, "defaultSeed", "parameters": [{"name",
  /// "kind", "allowed", "default", "help"}]}]}`.
  public static func json(_ catalogue: Catalogue) -> String {
    JSON.object([
      (
        "claims",
        .array(
          catalogue.claims.map { claim in
            .object([
              ("id", .string(claim.id)),
              ("title", .string(claim.title)),
              ("source", JSONReport.source(claim.source)),
              ("defaultSeed", .string(String(claim.defaultSeed))),
              (
                "parameters",
                .array(
                  claim.parameters.map { parameter in
                    .object([
                      ("name", .string(parameter.name)),
                      ("kind", .string(parameter.kind.name)),
                      ("allowed", .string(parameter.kind.allowed)),
                      ("default", .string(parameter.defaultValue.description)),
                      ("help", .string(parameter.help)),
                    ])
                  })
              ),
            ])
          })
      )
    ]).render() + "\n"
  }
}
