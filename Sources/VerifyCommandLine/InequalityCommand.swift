import ArgumentParser
import Verify

/// `verify inequality 'LHS <= RHS' --range x=a..b,...`: the worst margin over a box.
struct InequalityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inequality",
    abstract: "Check an inequality on a box, e.g. `verify inequality 'log(1 + x) <= x' --range x=0..10`.",
    discussion: """
      The margin (rhs - lhs) / max(1, |lhs|, |rhs|) (lhs - rhs for >= and >) is evaluated at \
      the corners of the box and at --samples random points (SplitMix64, --seed), and its \
      minimum refined by a compass search from the best four. The inequality passes when the worst margin is \
      >= -2^(20-p), rounding at --precision p (> 0 for < and >); the report names the worst \
      point, on a failure the witness. Negative control: the bound tightened by its own margin \
      (twice the worst margin plus 2^-20) must be found violated by the same search, or the \
      verdict is inconclusive. A search is evidence, not a proof: a violation in a narrow basin \
      that no sample falls into can be missed.

      Examples:

        verify inequality 'log(1 + x) <= x' --range x=0..10
          pass: worst margin 0 at x = 0; the tightened bound is violated there
        verify inequality 'exp(x) <= 1 + x + x^2' --range x=0..2
          fail: the witness x = 2, where exp(2) = 7.389... > 7

      \(ExitStatus.statementHelp)
      """)

  @Argument(help: "The inequality 'LHS <= RHS' (or <, >=, >), or @FILE, or - for standard input.")
  var inequality: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The range of every variable, rationals a < b.", valueName: "x=a..b,y=c..d"))
  var range: String = ""

  @Option(
    parsing: .unconditional, help: "How many random points (\(InequalityStatement.sampleRange)).",
    transform: IntegerArgument.parser(InequalityStatement.sampleRange))
  var samples: Int = InequalityStatement.defaultSamples

  @OptionGroup var options: StatementOptions

  func execute(console: Console) async -> Int32 {
    await options.run(console: console) { () throws(UsageError) in
      let text = try ExpressionArgument.text(of: inequality, console: console)
      let box = range.isEmpty ? try VariableBox([]) : try VariableBox.parse(range)
      let statement = try InequalityStatement(id: "inequality", text, box: box, samples: samples)
      if let missing = statement.parameterNames.first {
        throw UsageError("variable \(missing) has no range; give it with --range \(missing)=a..b")
      }
      return [
        try StatementClaim(
          id: "inequality", title: "Inequality", source: CommandLineSource.source("inequality"),
          statement: "`\(text)`", statements: [statement],
          invocation: "swift run verify inequality \(shellQuoted(text))"
            + (range.isEmpty ? "" : " --range \(range)") + " --samples \(samples)")
      ]
    }
  }
}
