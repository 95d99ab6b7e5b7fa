import ArgumentParser
import Verify

/// `verify critical 'f' --at x=...,y=...`: a critical point and its Hessian's inertia.
struct CriticalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "critical",
    abstract: "Check a critical point, e.g. `verify critical 'x^2 - y^2' --at x=0,y=0 --inertia 1,1,0`.",
    discussion: """
      The gradient of f (reverse mode) is evaluated at the point, whose coordinates \
      are constant expressions (1/2, pi/4, sqrt(2)/2); its norm must vanish along the precision \
      ladder p/4, p/2, p, 2p, and the Hessian's eigenvalues (|lambda| <= 1e-12 counts as zero) \
      must have the claimed --inertia: min, max, P,N,Z (numbers of positive, negative and zero \
      eigenvalues) or any (the default: the inertia found is reported, not claimed). The point \
      is proved when the Krawczyk operator in Arb balls shows that the box point +- 2^(-p/2) \
      holds exactly one zero of the gradient, with the inertia over the whole box. Negative \
      control: the point moved by 2^-20 in every coordinate must be rejected (a gradient norm \
      that does not vanish and is >= 2^-40), or the verdict is inconclusive.

      Examples:

        verify critical 'x^2 - y^2' --at x=0,y=0 --inertia 1,1,0
          proved: a saddle
        verify critical 'log(1 + exp(x)) - x/2 + y^2' --at x=0,y=0 --inertia min
          proved: softplus(x) - x/2 has slope sigmoid(0) - 1/2 = 0 at 0
        verify critical 'x^3 - 3*x' --at x=1 --inertia max
          fail: x = 1 is a minimum, the inertia is (1 positive, 0 negative, 0 zero)

      \(ExitStatus.statementHelp)
      """)

  @Argument(help: "The function f, or @FILE, or - for standard input.")
  var function: String

  @Option(
    parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "The point: every variable with a constant expression (repeatable).",
      valueName: "x=VALUE,y=VALUE"))
  var at: [String] = []

  @Option(parsing: .unconditional, help: "The claimed inertia: min, max, any or P,N,Z.")
  var inertia: String = "any"

  @OptionGroup var options: StatementOptions

  func execute(console: Console) async -> Int32 {
    await options.run(console: console) { () throws(UsageError) in
      let text = try ExpressionArgument.text(of: function, console: console)
      let point = try at.flatMap(Self.topLevelItems).map { item throws(UsageError) in
        guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
          throw UsageError("malformed --at '\(EchoedInput.cut(item))'; expected NAME=VALUE")
        }
        return (name: String(item[..<equals]), value: String(item[item.index(after: equals)...]))
      }
      let statement = try CriticalStatement(
        id: "critical", text, at: point, claimed: try CriticalStatement.Claimed.parse(inertia))
      if let missing = statement.parameterNames.first {
        throw UsageError("variable \(missing) has no value; give it with --at \(missing)=VALUE")
      }
      let settings = point.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
      return [
        try StatementClaim(
          id: "critical", title: "Critical point", source: CommandLineSource.source("critical"),
          statement: "`\(text)` at \(settings)", statements: [statement],
          invocation: "swift run verify critical \(shellQuoted(text)) --at \(shellQuoted(settings)) "
            + "--inertia \(inertia)")
      ]
    }
  }

  /// `x=1,y=atan(1)` split at the commas outside parentheses.
  static func topLevelItems(_ text: String) -> [String] {
    var items: [String] = []
    var current = ""
    var depth = 0
    for character in text {
      if character == "(" { depth += 1 }
      if character == ")" { depth -= 1 }
      if character == "," && depth == 0 {
        items.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    return items + [current]
  }
}
