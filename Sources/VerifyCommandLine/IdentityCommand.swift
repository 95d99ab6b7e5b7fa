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
      Every free variable is drawn uniformly from --range (SplitMix64, --seed). At each point the \
      residual |lhs - rhs| / max(1, |lhs|, |rhs|) is computed at 64, 128, 256 and 512 bits; the \
      identity passes when at every point it falls with the precision to at most 2^-492. \
      Otherwise it fails and the worst point is printed as a witness. Negative control: the \
      right side perturbed by 2^-40 * max(1, |rhs|) must fail at some point with a residual \
      of at least 2^-50, or the verdict is inconclusive. Exit status: 0 pass, 1 fail or \
      inconclusive, 2 bad usage.
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
