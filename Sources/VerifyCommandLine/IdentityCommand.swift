import ArgumentParser
import Numeric
import Verify

/// `verify identity 'LHS = RHS'`: tests an identity at random points over a precision ladder.
struct IdentityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "identity",
    abstract:
      "Check an identity at random points, e.g. `verify identity 'sin(x)^2 + cos(x)^2 = 1'`.",
    discussion: """
      Every free variable is drawn uniformly from --range (SplitMix64, --seed). When both \
      sides are rational functions with rational coefficients, each point is decided exactly \
      in GMP rationals. Otherwise the residual |lhs - rhs| / max(1, |lhs|, |rhs|) is computed \
      at 64, 128, 256, 512, 1024 and 2048 bits, and at 4096 and 8192 bits when those rungs \
      cannot decide (exactly 0 everywhere, or a residual first seen at the top rung). A point \
      holds when its residual falls with the precision and stays within 2^20 units of each \
      rung's rounding; it fails when the residual plateaus or rises (a near miss). One that \
      falls but stays above the bound (ill-conditioning) is evaluated again with guard bits \
      against the same bounds, and is inconclusive if those would pass 8192 bits. The \
      identity fails when any point fails and the worst \
      point is printed as a witness. Negative control: the right side moved by \
      2^-40 * max(1, |rhs|) must fail at some point with a residual of at least 2^-50, or the \
      verdict is inconclusive. Exit status: 0 pass, 1 fail or inconclusive, 2 bad usage. \
      The expression language is that of `verify eval` (see `verify help eval`); an \
      integral is computed by quadrature at each rung's precision, so it is never exact.

      Example:
        verify identity 'sin(2*x) = 2*sin(x)*cos(x)' --range -3,3 --samples 16
        verify identity 'tanh(x) = x - x^3/3'      # fails, with a witness point
        verify identity 'gamma(x+1) = x*gamma(x)' --range 1,3
        verify identity 'integrate(exp(-x^2/2), x, -inf, inf) = sqrt(2*pi)'

      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Argument(help: "The identity 'LHS = RHS', or @FILE to read it from a file, or - for standard input.")
  var identity: String

  @Option(
    parsing: .unconditional, help: "How many random points (\(IdentityTest.sampleRange)).",
    transform: IntegerArgument.parser(IdentityTest.sampleRange))
  var samples: Int = 8

  @Option(
    parsing: .unconditional, help: "SplitMix64 seed of the points (0...2^64-1).",
    transform: IntegerArgument.parser(UInt64.min...UInt64.max))
  var seed: UInt64 = 1

  @Option(
    parsing: .unconditional, help: ArgumentHelp("The interval of every variable.", valueName: "a,b")
  )
  var range: String = "-1,1"

  @Option(help: "Output format.")
  var format: Format = .text

  func execute(console: Console) -> Int32 {
    let test: IdentityTest
    do throws(UsageError) {
      let text = try ExpressionArgument.text(of: identity, console: console)
      test = try IdentityTest(text, samples: samples, seed: seed, range: try interval())
    } catch {
      return error.report(to: console)
    }
    console.output(format == .json ? test.json : test.text)
    return test.holds ? ExitStatus.passed : ExitStatus.failed
  }

  private func interval() throws(UsageError) -> ClosedRange<Rational> {
    let ends = range.split(separator: ",", omittingEmptySubsequences: false).map {
      try? Rational(parsing: String($0))
    }
    guard ends.count == 2, let low = ends[0], let high = ends[1], low < high else {
      throw UsageError(
        "malformed --range '\(EchoedInput.cut(range))'; expected a,b with rationals a < b, such as -1,1")
    }
    return low...high
  }
}
