import Numeric
import Testing

@testable import Symbolic

private let x = Expr.variable("x")

/// The value of `text` at `point`, at 256 bits.
private func value(_ text: String, _ point: [String: Rational]) throws -> BigFloat {
  try withPrecision(256) { try Expr.parse(text).evaluate(at: point.mapValues { BigFloat($0) }) }
}

/// Undefined as the evaluator reports it (NaN, or ±∞ at a pole); `verify` treats both alike.
private func undefined(_ v: BigFloat) -> Bool { !v.isFinite }

/// Simplification keeps every singularity of the input: each of these is undefined at the
/// point where the expression as written divides by zero, and keeps its value elsewhere.
@Test(arguments: [
  ("x/x", "nonzero(x)", 1), ("x^3/x", "x^2*nonzero(x)", 4), ("(x + 1)/(x + 1)", "nonzero(1 + x)", 1),
  ("1/x - 1/x", "0/x", 0), ("0*(1/x)", "0/x", 0), ("y/x*x", "y*nonzero(x)", 1),
  ("log(x)/log(x)", "nonzero(log(x))", 1), ("sin(x)/sin(x)", "nonzero(sin(x))", 1),
])
func cancelledFactorsStayAsConditions(text: String, printed: String, atTwo: Int) throws {
  let f = try Expr.parse(text)
  #expect(f.description == printed)
  let singular: Rational = text.hasPrefix("(x + 1)") ? -1 : text.hasPrefix("log") ? 1 : 0
  #expect(undefined(try value(text, ["x": singular, "y": 1])), "\(text) at x = \(singular)")
  #expect(try value(text, ["x": 2, "y": 1]) == BigFloat(atTwo), "\(text) at x = 2")
}

/// A cancelled total term or factor is dropped, and changes no value; the written variables
/// are still the input's (`verify eval 'x - x' --at x=0` is 0, not "x does not occur").
@Test func cancelledTotalPartsAreDroppedButStillNamed() throws {
  for text in ["x - x", "0*x", "x*y - y*x"] {
    let (f, variables) = try Expr.parseWithVariables(text)
    #expect(f == 0, "\(text)")
    #expect(variables == (text.contains("y") ? ["x", "y"] : ["x"]), "\(text)")
  }
  #expect(try Expr.parseWithVariables("diff(y^2, x) + z").variables == ["x", "y", "z"])
}

/// |x| and sign x are not differentiable at 0: every route to the derivative says undefined
/// there, and gives ±1 and 0 elsewhere.
@Test func derivativesAtAKinkAreUndefined() throws {
  #expect(try Expr.parse("diff(abs(x), x)").description == "nonzero(x)*sign(x)")
  #expect(try Expr.parse("diff(abs(x), x, 2)").description == "0*nonzero(x)")
  #expect(try Expr.parse("diff(sign(x), x)").description == "0*nonzero(x)")
  for text in ["diff(abs(x), x)", "diff(abs(x), x, 2)", "diff(sign(x), x)", "diff((x + abs(x))/2, x)"] {
    #expect(undefined(try value(text, ["x": 0])), "\(text) at 0")
    #expect(try value(text, ["x": Rational(-1, 3)]).isFinite, "\(text) at -1/3")
  }
  #expect(try value("diff(abs(x), x)", ["x": Rational(-1, 3)]) == -1)
  #expect(try value("diff(abs(x), x, 2)", ["x": Rational(1, 3)]) == 0)
  #expect(try value("diff((x + abs(x))/2, x)", ["x": 2]) == 1)
  try withPrecision(256) {
    for f in [Expr.abs(x), Expr.sign(x)] {
      let compiled = try CompiledExpr(f)
      #expect(compiled.gradient(at: [BigFloat(0)]).gradient[0].isNaN, "slope of \(f) at 0")
      #expect(compiled.gradient(at: [BigFloat(-2)]).gradient[0] == (f == .abs(x) ? -1 : 0))
    }
  }
}

/// The sign of NaN is NaN, not 0: an undefined argument stays undefined.
@Test func signOfUndefinedIsUndefined() throws {
  #expect(try value("sign(x/x)", ["x": 0]).isNaN)
  #expect(try value("sign(log(x))", ["x": -1]).isNaN)
  #expect(Double.signum(.nan).isNaN && Double.signum(-0.5) == -1 && Double.signum(0) == 0)
}

/// The condition folds where it holds everywhere, and absorbs powers of itself.
@Test func conditionsFoldWhereTheyHoldEverywhere() {
  let positive = 1 + Expr.pow(x, 2)
  #expect(positive / positive == 1 && Expr.exp(x) / Expr.exp(x) == 1)
  #expect(Expr.nonzero(2) == 1 && Expr.nonzero(0) != 1)
  #expect(Expr.pow(Expr.nonzero(x), -3) == Expr.nonzero(x))
  #expect(Expr.nonzero(x) * Expr.nonzero(x) == Expr.nonzero(x))
  #expect(Expr.nonzero(Expr.nonzero(x)) == Expr.nonzero(x))
  // Powers of one sign collect without a condition: at x = 0 both sides are 0, or both ∞.
  #expect(x * x == Expr.pow(x, 2) && 1 / x / x == Expr.pow(x, -2))
}
