import ArgumentParser
import Verify

extension RateStatement.Limit: ExpressibleByArgument {}

/// `verify rate 'EXPR' --as eps --to 0 --expect K`: a fitted exponent on a geometric grid.
struct RateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rate",
    abstract:
      "Check a rate, e.g. `verify rate 'exp(eps) - 1 - eps' --as eps --to 0 --expect 2`.",
    discussion: """
      |EXPR| is evaluated at --precision bits on the geometric grid VAR = from * ratio^i, \
      i < --points (default 1/16 * (1/2)^i towards 0, 16 * 2^i towards inf), and the slope of \
      ln |EXPR| against ln VAR fitted by least squares with its 95 % confidence interval. The \
      rate passes when the slope lies in K +- --tolerance (default 1/10). Negative controls: \
      the exponents K + 1/2 and K - 1/2 must be rejected by the same fit, or the verdict is \
      inconclusive. With --output DIR the report and an SVG log-log plot of the data, the fit \
      and the claimed slope are written to DIR.

      Examples:

        verify rate 'exp(eps) - 1 - eps' --as eps --to 0 --expect 2 --output out
          pass: slope 2.00 (the remainder eps^2/2); the plot is out/rate-rate.svg
        verify rate '(sqrt(1 + h) - 1)/h - 1/2' --as h --to 0 --expect -1/2
          fail: the slope is 1

      \(ExitStatus.statementHelp)
      """)

  @Argument(help: "The expression, or @FILE, or - for standard input.")
  var expression: String

  @Option(name: .customLong("as"), help: ArgumentHelp("The variable that goes to the limit.", valueName: "VAR"))
  var variable: String

  @Option(help: "Where the variable goes: 0 or inf.")
  var to: RateStatement.Limit = .zero

  @Option(parsing: .unconditional, help: ArgumentHelp("The claimed exponent K, a rational.", valueName: "K"))
  var expect: String

  @Option(parsing: .unconditional, help: "Half-width of the accepted band around K, in (0, 1/4).")
  var tolerance: String?

  @Option(parsing: .unconditional, help: "The grid's first value (positive rational).")
  var from: String?

  @Option(parsing: .unconditional, help: "The grid's ratio: in (0, 1) towards 0, above 1 towards inf.")
  var ratio: String?

  @Option(
    parsing: .unconditional, help: "How many grid points (\(RateStatement.pointRange)).",
    transform: IntegerArgument.parser(RateStatement.pointRange))
  var points: Int = RateStatement.defaultPoints

  @OptionGroup var options: StatementOptions

  func execute(console: Console) async -> Int32 {
    await options.run(console: console) { () throws(UsageError) in
      let text = try ExpressionArgument.text(of: expression, console: console)
      let exponent = try StatementOptions.rational(expect, "expect")!
      let statement = try RateStatement(
        id: "rate", text, variable: variable, limit: to, exponent: exponent,
        tolerance: try StatementOptions.rational(tolerance, "tolerance") ?? RateStatement.defaultTolerance,
        from: try StatementOptions.rational(from, "from"),
        ratio: try StatementOptions.rational(ratio, "ratio"), points: points)
      if let other = statement.parameterNames.first {
        throw UsageError(
          "the expression uses \(other) besides \(variable); a rate has one variable (--as)")
      }
      let settings = [
        "--as \(variable)", "--to \(to.rawValue)", "--expect \(expect)",
        tolerance.map { "--tolerance \($0)" }, from.map { "--from \($0)" },
        ratio.map { "--ratio \($0)" }, "--points \(points)",
      ].compactMap { $0 }
      return [
        try StatementClaim(
          id: "rate", title: "Rate", source: CommandLineSource.source("rate"),
          statement: "`\(text)` as \(variable) → \(to.rawValue): exponent \(exponent)",
          statements: [statement],
          invocation: "swift run verify rate \(shellQuoted(text)) " + settings.joined(separator: " "))
      ]
    }
  }
}
