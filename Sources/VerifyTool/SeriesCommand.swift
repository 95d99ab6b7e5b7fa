import ArgumentParser
import Verify

/// `verify series EXPR --at x=X0 --order N`: Taylor coefficients, exact where rational.
struct SeriesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "series",
    abstract:
      "Print Taylor coefficients, e.g. `verify series 'tan(x)' --at x=0 --order 9`.",
    discussion: """
      The coefficients f^(k)(x0)/k!, k = 0...N, of the expression in the variable --in \
      (default: its only variable) around the value --at gives it; every other variable needs \
      an --at too. They are computed by Taylor-mode differentiation (jets, one recurrence per \
      function) at --precision bits and at twice that. A coefficient that agrees with a \
      rational p/q, q < 2^(precision/4), to 2*precision-16 bits is printed as that rational \
      (`verify series 'exp(x)' --at x=0 --order 5` prints 1, 1, 1/2, 1/6, 1/24, 1/120); \
      others as decimals with the digits both runs agree on. The expression language is that \
      of `verify eval` (see `verify help eval`). Exit status: 0 when every coefficient is \
      finite, 1 otherwise, 2 for bad usage.
      """)

  @Argument(help: "The expression, or @FILE to read it from a file, or - for standard input.")
  var expression: String

  @Option(name: .customLong("in"), help: "The variable to expand in (default: the only one).")
  var variable: String?

  @Option(
    name: .customLong("at"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "The expansion point, and the value of every other variable (repeatable).",
      valueName: "NAME=VALUE"))
  var assignments: [String] = []

  @Option(
    parsing: .unconditional, help: "The highest order N (\(TaylorExpansion.orderRange)).",
    transform: IntegerArgument.parser(TaylorExpansion.orderRange))
  var order: Int = 8

  @Option(
    parsing: .unconditional, help: "Working precision in bits (\(RunRequest.precisionRange)).",
    transform: IntegerArgument.parser(RunRequest.precisionRange))
  var precision: Int = RunRequest.defaultPrecision

  @Option(help: "Output format.")
  var format: EvalCommand.Format = .text

  func execute(console: Console) -> Int32 {
    let expansion: TaylorExpansion
    do {
      let text = try ExpressionArgument.text(of: expression, console: console)
      expansion = try TaylorExpansion(
        text, in: variable, at: assignments, order: order, precision: precision)
    } catch {
      return error.report(to: console)
    }
    console.output(format == .json ? expansion.json : expansion.text + "\n")
    guard expansion.coefficients.allSatisfy({ $0.value.isFinite }) else {
      console.error("verify: a coefficient is not a finite number\n")
      return ExitStatus.failed
    }
    return ExitStatus.passed
  }
}
