import ArgumentParser
import Verify

/// `verify check FILE.toml...`: claims written as TOML files of statements.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Run a claim file, e.g. `verify check examples/activation-derivatives.toml`.",
    discussion: """
      A claim file is TOML: an id and a title, optional rational parameters with a default \
      and a range (--set NAME=VALUE overrides them), and one [[check]] table per statement, \
      of kind identity, inequality, rate or critical, with the options of the subcommand of \
      that name. Each statement carries its built-in negative control; the claim runs and is \
      reported (Markdown, JSON, --output) as a built-in claim is. Errors name the file and line.

      Example file:

        id = "tanh-activation"
        title = "The tanh activation"

        [parameters]
        a = { default = "1", range = "1/2..2", help = "slope inside tanh" }

        [[check]]
        kind = "identity"
        statement = "diff(tanh(a*x), x) = a*(1 - tanh(a*x)^2)"
        range = { x = "-3..3" }

        [[check]]
        kind = "inequality"
        statement = "tanh(x) <= x"
        range = { x = "0..4" }

        [[check]]
        kind = "rate"
        expression = "x - tanh(x)"
        variable = "x"
        to = "0"
        expect = "3"

        [[check]]
        kind = "critical"
        function = "softplus(x) - x/2"
        at = { x = "0" }
        inertia = "min"

      Run it: verify check FILE.toml --set a=3/2 --output out

      \(ExitStatus.statementHelp)
      """)

  @Argument(help: "Claim files (TOML).")
  var files: [String] = []

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Set a parameter the files declare (repeatable).", valueName: "NAME=VALUE"))
  var assignments: [String] = []

  @OptionGroup var options: StatementOptions

  func execute(console: Console) async -> Int32 {
    await options.run(console: console, assignments: assignments) { () throws(UsageError) in
      guard !files.isEmpty else { throw UsageError("no claim files; name one or more FILE.toml") }
      var claims: [any Claim] = []
      for file in files {
        let claim = try ClaimFile.load(file)
        guard !claims.contains(where: { $0.id == claim.id }) else {
          throw UsageError("\(file): a second claim with the id \(claim.id)")
        }
        claims.append(claim)
      }
      return claims
    }
  }
}
