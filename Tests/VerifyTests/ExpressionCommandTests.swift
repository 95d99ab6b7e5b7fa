import Foundation
import Testing

@testable import Verify
@testable import VerifyCommandLine

/// `verify eval` and `verify identity`, driven in-process.
@Suite struct ExpressionCommandTests {
  /// The symbolic fifth derivative agrees with the closed form
  /// d⁵/dx⁵ tanh x = 8 (1 − t²)(2 − 15 t² + 15 t⁴), t = tanh x, at x = 1/2.
  @Test func evalPrintsTheRequestedDigits() async {
    let result = await verify("eval", "diff(tanh(x), x, 5)", "--at", "x=1/2", "--digits", "50")
    #expect(result.status == 0 && result.error.isEmpty)
    #expect(result.output == "-3.2666864719713926911357151946464441704779156169206\n")
    // `--` lets an expression start with a minus sign.
    let closedForm = await verify(
      "eval", "--at", "x=1/2", "--digits", "50", "--",
      "-8*(tanh(x)^2 - 1)*(2 - 15*tanh(x)^2 + 15*tanh(x)^4)")
    #expect(closedForm.output == result.output)
  }

  /// π rounded to 64 bits is 3.14159265358979323851…, so its 19th digit is not π's (…238):
  /// the comparison with 128 bits finds 18 stable digits and says so.
  @Test func evalReportsHowManyDigitsAreStable() async throws {
    let json = await verify(
      "eval", "4*atan(x)", "--at", "x=1", "--precision", "64", "--format", "json")
    #expect(json.status == 0)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(root["value"] as? String == "3.141592653589793239")
    #expect(root["digits"] as? Int == 19 && root["stableDigits"] as? Int == 18)
    let text = await verify("eval", "4*atan(1)", "--precision", "64")
    #expect(text.output == "3.141592653589793239\n")
    #expect(
      text.error == "verify: note: only 18 of the 19 digits agree with the value at 128 bits\n")
  }

  @Test func evalOfNaNExitsOne() async {
    let result = await verify("eval", "log(x)", "--at", "x=-1")
    #expect(result.status == 1)
    #expect(
      result.output == "nan\n" && result.error == "verify: the value is not a finite number\n")
  }

  @Test(arguments: [
    (
      ["eval", "x+"],
      "cannot parse expression 'x+': at position 2: expected an expression, found end of input"
    ),
    (["eval", "x*y", "--at", "x=1"], "variable y has no value; give it with --at y=VALUE"),
    (
      ["eval", "x", "--at", "z=1", "--at", "x=2"],
      "variable 'z' does not occur in the expression; its variables: x"
    ),
    (["eval", "x", "--at", "x=y"], "the value of x must be a constant, not 'y'"),
    (["eval", "x", "--at", "x"], "malformed --at 'x'; expected NAME=VALUE"),
    (
      ["eval", "1", "--digits", "78"],
      "--digits must be in 1...77 at 256 bits; raise --precision for more"
    ),
    (["eval", "1", "--precision", "8"], "precision 8 bits is out of range; use 16...1000000 bits"),
    (["identity", "x"], "an identity is 'LHS = RHS' with exactly one '=', got 'x'"),
    (
      ["identity", "x = 1", "--range", "1,-1"],
      "malformed --range '1,-1'; expected a,b with rationals a < b, such as -1,1"
    ),
    (["identity", "x = x", "--samples", "0"], "--samples must be in 1...10000, got 0"),
  ])
  func badExpressionInputIsStatusTwo(arguments: [String], message: String) async {
    let outcome = await verify(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.error == "verify: \(message)\n")
    #expect(outcome.output.isEmpty)
  }

  @Test func trueIdentityPasses() async {
    let result = await verify("identity", "sin(x)^2 + cos(x)^2 = 1")
    #expect(result.status == 0)
    #expect(
      result.output.hasPrefix(
        "pass: cos(x)^2 + sin(x)^2 = 1 at 8 random points in [-1, 1] (seed 1)\n"))
  }

  @Test func falseIdentityFailsWithAWitness() async {
    let result = await verify("identity", "tanh(x) = x - x^3/3", "--samples", "4", "--seed", "3")
    #expect(result.status == 1)
    let lines = result.output.split(separator: "\n")
    #expect(lines.first == "fail: tanh(x) = x - x^3/3 at 4 random points in [-1, 1] (seed 3)")
    // The second line is the witness, the third the negative control.
    #expect(lines.count == 3 && lines[1].hasPrefix("witness at x = "))
    #expect(lines[1].contains("it plateaus"))
  }

  /// A relative error of 10⁻⁴⁰ hides from double precision but not from the ladder.
  @Test func nearMissFailsAndNaNIsAWitness() async throws {
    let near = await verify("identity", "exp(x) = exp(x)*(1 + 10^(-40))", "--format", "json")
    #expect(near.status == 1)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(near.output.utf8)) as? [String: Any])
    #expect(root["verdict"] as? String == "fail")
    #expect((root["points"] as? [Any])?.count == 8)
    let undefined = await verify(
      "identity", "log(x) = log(x)", "--range", "-2,-1", "--samples", "2")
    #expect(undefined.status == 1)
    #expect(undefined.output.contains(": the left-hand side at 64 bits is nan"))
  }

  /// √x is NaN for x < 0, so `sqrt(x)^2 = x` is false on [−1, 1] (the canonical form must not
  /// make it `x = x`) and true on [0.1, 2].
  @Test func squareOfSquareRootIsAnIdentityOnlyForPositives() async {
    let whole = await verify("identity", "sqrt(x)^2 = x", "--range", "-1,1")
    #expect(whole.status == 1)
    let lines = whole.output.split(separator: "\n")
    #expect(lines.first == "fail: sqrt(x)^2 = x at 8 random points in [-1, 1] (seed 1)")
    #expect(lines.count == 3 && lines[1].hasPrefix("witness at x = -"))
    #expect(lines[1].hasSuffix(": the left-hand side at 64 bits is nan"))
    let positive = await verify("identity", "sqrt(x)^2 = x", "--range", "0.1,2")
    #expect(positive.status == 0)
    #expect(positive.output.hasPrefix("pass: sqrt(x)^2 = x at 8 random points in [1/10, 2]"))
  }

  /// Simplification removes no singularity: where the expression as written divides by zero
  /// or has a kink, the value is undefined (status 1); cancelled variables are still the
  /// input's, so the messages are true.
  @Test(arguments: [
    ("x/x", "0", "nan", 1), ("x/x", "2", "1", 0), ("x^3/x", "0", "nan", 1),
    ("x-x", "0", "0", 0), ("0*x", "0", "0", 0), ("1/x - 1/x", "0", "nan", 1),
    ("diff(abs(x), x)", "0", "nan", 1), ("diff(abs(x), x)", "-1/3", "-1", 0),
    ("diff(abs(x), x, 2)", "0", "nan", 1), ("diff(abs(x), x, 2)", "1/3", "0", 0),
  ])
  func evalKeepsSingularities(expression: String, x: String, value: String, status: Int32) async {
    let result = await verify("eval", expression, "--at", "x=\(x)")
    #expect(result.status == status, "\(expression) at \(x): \(result.error)")
    #expect(result.output == value + "\n", "\(expression) at \(x)")
    #expect(result.error == (status == 0 ? "" : "verify: the value is not a finite number\n"))
  }

  @Test func cancelledVariablesAreStillVariablesOfTheInput() async {
    let missing = await verify("eval", "x - x")
    #expect(missing.error == "verify: variable x has no value; give it with --at x=VALUE\n")
    let notConstant = await verify("eval", "x", "--at", "x=y-y")
    #expect(notConstant.error == "verify: the value of x must be a constant, not 'y-y'\n")
    // `x/x = 1` is checked as written, at random x, and says what it checked.
    let identity = await verify("identity", "x/x = 1", "--samples", "2")
    #expect(identity.status == 0)
    #expect(identity.output.hasPrefix("pass: nonzero(x) = 1 at 2 random points in [-1, 1]"))
    #expect(identity.output.contains("largest residual at x = "))
    let cancelled = await verify("identity", "x - x = 0", "--samples", "2")
    #expect(cancelled.output.contains("at 2 random points") && cancelled.output.contains("at x = "))
  }

  @Test func sameSeedSamePoints() async {
    let a = await verify("identity", "exp(x+y) = exp(x)*exp(y)", "--seed", "9", "--format", "json")
    let b = await verify("identity", "exp(x+y) = exp(x)*exp(y)", "--seed", "9", "--format", "json")
    #expect(a.status == 0 && a.output == b.output)
  }
}
