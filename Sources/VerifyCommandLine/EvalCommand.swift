import ArgumentParser
import Verify

/// `verify eval EXPR [--at x=VALUE]...`: the value of an expression at high precision.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract:
      "Print the value of an expression, e.g. `verify eval 'diff(tanh(x), x, 5)' --at x=1/2`.",
    discussion: """
      Functions: sqrt, exp, expm1, log, log1p, sin, cos, tan, asin, acos, atan, sinh, cosh, \
      tanh, asinh, acosh, atanh, erf, erfc, gamma, lgamma (log|gamma|), digamma, trigamma, \
      polygamma(n, x), sigmoid, softplus, relu, gelu (x*normcdf(x)), swish (x*sigmoid(x)), \
      normpdf and normcdf (standard normal density and distribution), abs, sign, nonzero (1 \
      where its argument is nonzero, else undefined); pow(a, b) (= a^b), min(a, b, ...) and \
      max(a, b, ...); sum(f, i, a, b) and prod(f, i, a, b) over the integers a..b, expanded \
      exactly (`verify eval 'sum(1/k^2, k, 1, 100)'`); integrate(f, x, a, b), the integral \
      of f over x from a to b, with inf and -inf for infinite limits, by quadrature at the \
      working precision (Gauss-Legendre with doubling, tanh-sinh for singular endpoints and \
      infinite ranges; `verify eval 'integrate(exp(-x^2), x, -inf, inf)'`), its method and \
      error estimate noted on standard error; diff(f, x[, k]) for the k-th \
      derivative; constants pi and e; numbers are exact. The expression is evaluated \
      as written: x/x is undefined at x = 0, and so is diff(abs(x), x). \
      The value is computed at --precision bits and again at twice that; if fewer digits than \
      printed agree, a note on standard error says how many do. An expression that starts \
      with a minus sign goes last, after the options and `--`: \
      `verify eval --at x=3 -- '-x^2'`. Exit status: 0 for a finite \
      value, 1 for NaN or infinity, 2 for bad usage.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "The expression, or @FILE to read it from a file, or - for standard input.")
  var expression: String

  @Option(
    name: .customLong("at"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "The value of a variable, a constant expression (repeatable).", valueName: "NAME=VALUE"))
  var assignments: [String] = []

  @Option(
    parsing: .unconditional, help: "Working precision in bits (\(RunRequest.precisionRange)).",
    transform: IntegerArgument.parser(RunRequest.precisionRange))
  var precision: Int = RunRequest.defaultPrecision

  @Option(
    parsing: .unconditional,
    help: "Significant digits to print, \(Evaluation.digitBound) (default: all of them).",
    transform: IntegerArgument.parser(expecting: Evaluation.digitBound))
  var digits: Int?

  @Option(help: "Output format.")
  var format: Format = .text

  func execute(console: Console) -> Int32 {
    let evaluation: Evaluation
    do {
      let text = try ExpressionArgument.text(of: expression, console: console)
      evaluation = try Evaluation(text, at: assignments, precision: precision, digits: digits)
    } catch {
      return error.report(to: console)
    }
    console.output(format == .json ? evaluation.json : evaluation.text + "\n")
    if !evaluation.value.isFinite {
      console.error("verify: the value is not a finite number\n")
      return ExitStatus.failed
    }
    for integral in evaluation.integrals {
      console.error(
        "verify: note: \(integral.integral) by \(integral.method) quadrature, "
          + "\(integral.evaluations) evaluations; its last two refinements differ by "
          + "\(integral.errorEstimate.decimalString(significantDigits: 3)) (the error estimate)\n")
    }
    if evaluation.stableDigits < evaluation.digits {
      console.error(
        "verify: note: only \(evaluation.stableDigits) of the \(evaluation.digits) digits agree "
          + "with the value at \(2 * precision) bits\n")
    }
    return ExitStatus.passed
  }
}
