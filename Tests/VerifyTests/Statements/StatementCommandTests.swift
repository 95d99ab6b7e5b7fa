import Foundation
import Testing

@testable import Verify
@testable import VerifyCommandLine

/// `verify inequality`, `rate` and `critical`, driven in-process: each statement is judged by
/// its check kind, and its built-in negative control is rejected by the same machinery.
@Suite struct StatementCommandTests {
  /// log(1 + x) ≤ x on [0, 10] is tight at x = 0 (a corner), where the margin is exactly 0; the
  /// bound tightened by 2^-20 fails there.
  @Test func aTrueInequalityPassesAndItsTightenedBoundIsRejected() async throws {
    let result = await verify(
      "inequality", "log(1 + x) <= x", "--range", "x=0..10", "--format", "json")
    #expect(result.status == 0)
    let json = try #require(StatementJSON(result.output))
    #expect(json.check["verdict"] as? String == "pass")
    #expect(json.values["inequality_worst_point"] as? String == "x = 0")
    #expect(json.controls.count == 1 && json.controls[0]["verdict"] as? String == "rejected")
  }

  /// exp(2) = 7.389… exceeds 1 + 2 + 4 = 7: the witness is the corner x = 2, where the relative
  /// margin is (7 − e²)/e² = −0.0526530173…
  @Test func aFalseInequalityFailsWithItsWitness() async throws {
    let result = await verify(
      "inequality", "exp(x) <= 1 + x + x^2", "--range", "x=0..2", "--format", "json")
    #expect(result.status == 1)
    let json = try #require(StatementJSON(result.output))
    #expect(json.check["verdict"] as? String == "fail")
    #expect(json.values["inequality_worst_point"] as? String == "x = 2")
    let margin = try #require(json.values["inequality_worst_margin"] as? String)
    #expect(margin.hasPrefix("-5.26530173"))
  }

  /// The minimum of x² + (y − 1/3)² − 1/100 on the box is −1/100 in the interior, at
  /// (0, 1/3), which no corner and (almost surely) no sample hits: the compass search finds it.
  @Test func theLocalSearchRefinesAnInteriorMinimum() async throws {
    let result = await verify(
      "inequality", "x^2 + (y - 1/3)^2 >= 1/100", "--range", "x=-1..1,y=-1..1", "--format", "json")
    #expect(result.status == 1)
    let json = try #require(StatementJSON(result.output))
    let margin = try #require(json.values["inequality_worst_margin"] as? String)
    // −1/100 up to the search's last step, 2^-48 of the range squared: far below 10^-12.
    #expect(margin.hasPrefix("-9.99999999999") || margin.hasPrefix("-1.00000000000"))
  }

  /// exp(ε) − 1 − ε = ε²/2 + O(ε³): slope 2, both K ± 1/2 rejected, the plot written.
  @Test func aTrueRatePassesAndWritesItsPlot() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("statement-rate-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = await verify(
      "rate", "exp(eps) - 1 - eps", "--as", "eps", "--to", "0", "--expect", "2", "--output",
      directory.path)
    #expect(result.status == 0)
    let svg = try String(contentsOf: directory.appendingPathComponent("rate-rate.svg"), encoding: .utf8)
    #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
    let json = try #require(
      StatementJSON(try String(contentsOf: directory.appendingPathComponent("rate.json"), encoding: .utf8)))
    #expect(json.check["verdict"] as? String == "pass")
    #expect(json.controls.map { $0["verdict"] as? String } == ["rejected", "rejected"])
  }

  /// (√(1 + h) − 1)/h − 1/2 = −h/8 + O(h²): slope 1, so a claimed −1/2 fails.
  @Test func aWrongExponentFails() async throws {
    let result = await verify(
      "rate", "(sqrt(1 + h) - 1)/h - 1/2", "--as", "h", "--expect", "-1/2", "--format", "json")
    #expect(result.status == 1)
    let json = try #require(StatementJSON(result.output))
    #expect(json.check["verdict"] as? String == "fail")
    let slope = try #require((json.check["measured"] as? String).flatMap(Double.init))
    #expect(abs(slope - 1) < 0.01)
  }

  /// Towards infinity: x(√(1 + 1/x) − 1) − 1/2 = −1/(8x) + O(1/x²).
  @Test func aRateAtInfinity() async {
    let result = await verify(
      "rate", "x*(sqrt(1 + 1/x) - 1) - 1/2", "--as", "x", "--to", "inf", "--expect", "-1")
    #expect(result.status == 0)
  }

  /// x² − y² at the origin: a saddle, proved by the Krawczyk box; the moved point is disproved.
  @Test func aSaddleIsProvedAndTheMovedPointRejected() async throws {
    let result = await verify(
      "critical", "x^2 - y^2", "--at", "x=0,y=0", "--inertia", "1,1,0", "--format", "json")
    #expect(result.status == 0)
    let json = try #require(StatementJSON(result.output))
    #expect(json.check["verdict"] as? String == "proved")
    #expect(json.controls[0]["verdict"] as? String == "disproved")
  }

  /// sin has a maximum at π/2: a coordinate given as a constant expression, and the gradient
  /// cos(π/2) rounds to about 2^-p at each rung, falling along the ladder.
  @Test func aMaximumAtAnIrrationalPoint() async {
    let result = await verify("critical", "sin(x)", "--at", "x=pi/2", "--inertia", "max")
    #expect(result.status == 0)
  }

  /// x³ − 3x has a minimum at x = 1 (f'' = 6), so claiming a maximum fails; x = 1/2 is not
  /// critical at all (f' = −9/4).
  @Test func aWrongInertiaOrAPointThatIsNotCriticalFails() async {
    let inertia = await verify("critical", "x^3 - 3*x", "--at", "x=1", "--inertia", "max")
    #expect(inertia.status == 1 && inertia.output.contains("not (0 positive, 1 negative, 0 zero)"))
    let point = await verify("critical", "x^3 - 3*x", "--at", "x=1/2")
    #expect(point.status == 1)
  }

  @Test(arguments: [
    (["inequality", "x <= y", "--range", "x=0..1"], "variable y has no range; give it with --range y=a..b"),
    (["inequality", "x = 1", "--range", "x=0..1"], "an inequality is 'LHS <= RHS' (or <, >=, >) with exactly one relation, got 'x = 1'"),
    (["inequality", "x <= 1", "--range", "x=1..0"], "the range of x is empty: 1..0 needs a < b"),
    (["rate", "x^2", "--as", "x", "--expect", "2", "--tolerance", "1/4"], "the tolerance must be in (0, 1/4), got 1/4: the controls K ± 1/2 must lie outside K ± tolerance"),
    (["rate", "x^2", "--as", "x", "--expect", "2", "--ratio", "2"], "towards 0 the ratio must be in (0, 1), got 2"),
    (["rate", "x*y", "--as", "x", "--expect", "1"], "the expression uses y besides x; a rate has one variable (--as)"),
    (["rate", "x^2", "--as", "x", "--expect", "two"], "malformed --expect 'two'; expected a rational such as 3, -3/4, 0.25 or 1e-7"),
    (["critical", "x*y", "--at", "x=0"], "variable y has no value; give it with --at y=VALUE"),
    (["critical", "x^2", "--at", "x=0", "--inertia", "2,0,0"], "the inertia (2 positive, 0 negative, 0 zero) counts 2 eigenvalues, but the Hessian has 1"),
  ])
  func badUsageIsOneLineAndExitTwo(arguments: [String], message: String) async {
    let result = await verify(arguments)
    #expect(result.status == 2 && result.output.isEmpty)
    #expect(result.error == "verify: \(message)\n")
  }

  /// The report is a function of the statement and the seed: the same bytes twice, and a
  /// different seed draws other points.
  @Test func theSeedDecidesTheReport() async {
    let arguments = ["inequality", "sin(x) <= x", "--range", "x=0..3", "--format", "json"]
    let first = await verify(arguments)
    let again = await verify(arguments)
    let other = await verify(arguments + ["--seed", "2"])
    #expect(first.output == again.output)
    #expect(first.output != other.output && other.output.contains("\"seed\": \"2\""))
  }

  /// Each new subcommand's help carries a worked example.
  @Test(arguments: ["inequality", "rate", "critical", "check"])
  func helpShowsAWorkedExample(subcommand: String) async {
    let result = await verify("help", subcommand)
    #expect(result.status == 0)
    #expect(result.output.contains("Example") && result.output.contains("verify \(subcommand)"))
  }
}

/// `verify identity`'s negative control: the right side moved by 2^-40 · max(1, |rhs|).
@Suite struct IdentityControlTests {
  /// x − x = 0 is decided exactly; its control 0 + 2^-40 differs from 0 exactly.
  @Test func anExactIdentityRejectsItsControl() async throws {
    let result = await verify("identity", "x - x = 0", "--samples", "2", "--format", "json")
    #expect(result.status == 0)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let control = try #require(root["negativeControl"] as? [String: Any])
    #expect(control["verdict"] as? String == "fail")
  }

  /// sin²x + cos²x = 1 over the ladder: the perturbed side plateaus at 2^-40 and is rejected.
  @Test func aLadderIdentityRejectsItsControl() async {
    let result = await verify("identity", "sin(x)^2 + cos(x)^2 = 1", "--samples", "2")
    #expect(result.status == 0)
    #expect(result.output.contains("negative control (the right side perturbed by 2^-40 relative): rejected at x = "))
  }
}
