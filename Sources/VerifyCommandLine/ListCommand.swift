import ArgumentParser
import Verify

/// `verify list`: the catalogue of claims and their parameters.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the registered claims and their parameters.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(help: "Output format.")
  var format: Format = .text

  func execute(console: Console, catalogue: Catalogue) -> Int32 {
    switch format {
    case .text: console.output(CatalogueListing.text(catalogue))
    case .json: console.output(CatalogueListing.json(catalogue))
    }
    return ExitStatus.passed
  }
}
