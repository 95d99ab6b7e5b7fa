import Numeric
import Symbolic
import Testing

@testable import Verify

/// `verify identity` against near misses: statements off by a constant relative error δ from
/// 1e-20 down to 1e-600, in several functions and in both shapes (a δ that rounds away at low
/// precision, so the residual is exactly 0 there, and a δ under rounding noise), plus rational
/// statements decided exactly; and true identities, which must pass.
@Suite struct NearMissIdentityTests {
  static let errors = [20, 100, 150, 300, 600]
  /// `(template, range)`; `D` is replaced by the decimal exponent of δ.
  static let shapes = [
    ("exp(x) = exp(x)*(1 + 10^(-D))", "1/2,2"),
    ("log(x) = log(x) + 10^(-D)", "1/2,2"),
    ("sin(2*x) = 2*sin(x)*cos(x)*(1 + 10^(-D))", "-1,1"),
    ("sqrt(x)^2 = x*(1 + 10^(-D))", "1/10,2"),
    ("erf(x) = -erf(-x)*(1 + 10^(-D))", "-1,1"),
    ("tanh(x) = (exp(2*x) - 1)/(exp(2*x) + 1) + 10^(-D)", "-1,1"),
    ("exp(log(x)) = x*(1 + 10^(-D))", "1/10,2"),
    ("x^2 - 1 = (x - 1)*(x + 1)*(1 + 10^(-D))", "-1,1"),
    ("x = x + 10^(-D)", "-1,1"),
  ]
  static let nearMisses = shapes.flatMap { shape, range in
    errors.map { (shape.replacingOccurrences(of: "D", with: String($0)), range) }
  }

  static func test(_ statement: String, _ range: String) throws -> IdentityTest {
    let ends = range.split(separator: ",").map { NumberSyntax.rational($0)! }
    return try IdentityTest(statement, samples: 4, seed: 1, range: ends[0]...ends[1])
  }

  @Test(arguments: nearMisses)
  func nearMissFails(statement: String, range: String) throws {
    let test = try Self.test(statement, range)
    #expect(test.verdict == .fail, "\(statement): \(test.worst.why)")
  }

  @Test func rationalStatementsAreDecidedExactly() throws {
    let nearMiss = try Self.test("x = x + 10^(-600)", "-1,1")
    #expect(nearMiss.worst.rungs.isEmpty)
    #expect(nearMiss.worst.why.contains("decided in exact rational arithmetic"))
    let identity = try Self.test("1/(x*(x + 1)) = 1/x - 1/(x + 1)", "1/2,2")
    #expect(identity.verdict == .pass)
    #expect(identity.points.allSatisfy { $0.rungs.isEmpty && $0.residual?.isZero == true })
    // A side that divides by zero at the point is undefined there, exactly.
    let reciprocal = try Expr.parse("1/x + 1")
    #expect(IdentityTest.isRationalFunction(reciprocal))
    guard case .undefined = IdentityTest.exactValue(reciprocal, at: ["x": 0]) else {
      Issue.record("1/x at 0 is not undefined")
      return
    }
    #expect(!IdentityTest.isRationalFunction(try Expr.parse("x^(1/2) + 1")))
  }

  static let identities = [
    ("sin(x)^2 + cos(x)^2 = 1", "-1,1"),
    ("exp(x + y) = exp(x)*exp(y)", "-1,1"),
    ("log(x*y) = log(x) + log(y)", "1/2,2"),
    ("sin(2*x) = 2*sin(x)*cos(x)", "-1,1"),
    ("cos(2*x) = 1 - 2*sin(x)^2", "-1,1"),
    ("tanh(x) = (exp(2*x) - 1)/(exp(2*x) + 1)", "-1,1"),
    ("sqrt(x)^2 = x", "1/10,2"),
    ("sqrt(x*y) = sqrt(x)*sqrt(y)", "1/10,2"),
    ("erf(-x) = -erf(x)", "-1,1"),
    ("exp(log(x)) = x", "1/10,2"),
    ("sigmoid(x) = 1/(1 + exp(-x))", "-1,1"),
    ("softplus(x) = log(1 + exp(x))", "-1,1"),
    ("atan(x) + atan(1/x) = pi/2", "1/10,2"),
    ("tan(x) = sin(x)/cos(x)", "-1,1"),
    ("asin(x) = atan(x/sqrt(1 - x^2))", "-1/2,1/2"),
    ("tanh(2*x) = 2*tanh(x)/(1 + tanh(x)^2)", "-1,1"),
    ("sigmoid(x) + sigmoid(-x) = 1", "-1,1"),
    ("exp(2*log(x)) = x^2", "1/10,2"),
    ("sin(x + y) = sin(x)*cos(y) + cos(x)*sin(y)", "-1,1"),
    ("exp(x)*exp(-x) = 1", "-1,1"),
    ("4*atan(1) = pi", "-1,1"),
    ("x^2 - 1 = (x - 1)*(x + 1)", "-1,1"),
    ("(x + y)^3 = x^3 + 3*x^2*y + 3*x*y^2 + y^3", "-1,1"),
    ("1/(x*(x + 1)) = 1/x - 1/(x + 1)", "1/2,2"),
  ]

  @Test(arguments: identities)
  func trueIdentityPasses(statement: String, range: String) throws {
    let test = try Self.test(statement, range)
    #expect(test.verdict == .pass, "\(statement): \(test.worst.why)")
  }
}
