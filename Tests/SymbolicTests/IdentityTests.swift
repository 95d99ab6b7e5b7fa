import Numeric
import Testing

@testable import Symbolic

private let x = Expr.variable("x")

@Test func binomialSquareExpandsToZero() {
  let difference = Expr.pow(x + 1, 2) - (Expr.pow(x, 2) + 2 * x + 1)
  #expect(difference != 0)  // canonical form alone does not expand powers of sums
  #expect(difference.expanded() == 0)
  #expect(Expr.pow(x + 1, 3).expanded() == Expr.pow(x, 3) + 3 * Expr.pow(x, 2) + 3 * x + 1)
  #expect((Expr.sin(Expr.pow(x - 1, 2)) - Expr.sin(Expr.pow(x, 2) - 2 * x + 1)).expanded() == 0)
}

@Test func pythagoreanDerivativeVanishes() throws {
  let f = Expr.pow(Expr.sin(x), 2) + Expr.pow(Expr.cos(x), 2)
  #expect(f.derivative(withRespectTo: "x") == 0)
  try withPrecision(256) {
    var rng = SeededGenerator(state: 3)
    for _ in 0..<50 {
      let at = BigFloat(rng.point()) * 5
      let value = try f.evaluate(at: ["x": at])
      #expect((value - 1).magnitude <= BigFloat.pow(2, -240), "sin² + cos² at \(at)")
    }
  }
}

@Test func derivativesOfEachFunction() throws {
  let cases: [(Expr, Expr)] = [
    (.exp(2 * x), 2 * .exp(2 * x)),
    (.log(x), 1 / x),
    (.tan(x), 1 + .pow(.tan(x), 2)),
    (.tanh(x), 1 - .pow(.tanh(x), 2)),
    (.asin(x), 1 / .sqrt((1 - x) * (1 + x))),
    (.apply(.acos, x), -1 / .sqrt((1 - x) * (1 + x))),
    (.apply(.atanh, x), 1 / ((1 - x) * (1 + x))),
    (.apply(.acosh, x), 1 / .sqrt((x - 1) * (x + 1))),
    (.apply(.gamma, x), .apply(.gamma, x) * .apply(.polygamma(0), x)),
    (.apply(.polygamma(1), x), .apply(.polygamma(2), x)),
    (.apply(.normcdf, x), .apply(.normpdf, x)),
    (.apply(.relu, x), (1 + .sign(x)) / 2 * .nonzero(x)),
    (.atan(x), 1 / (1 + .pow(x, 2))),
    (.erf(x), 2 / .sqrt(.pi) * .exp(-.pow(x, 2))),
    (.sigmoid(x), .sigmoid(x) * (1 - .sigmoid(x))),
    (.softplus(x), .sigmoid(x)),
    (.abs(x), .sign(x) * .nonzero(x)),
    (.pow(x, x), .pow(x, x) * (.log(x) + .nonzero(x))),
    (.sqrt(x), 1 / (2 * .sqrt(x))),
  ]
  for (f, expected) in cases {
    #expect(f.derivative(withRespectTo: "x") == expected, "d/dx \(f)")
  }
  #expect(Expr.pow(x, 5).derivative(withRespectTo: "x", order: 5) == 120)
}

@Test func substituteAndFreeVariables() throws {
  let y = Expr.variable("y")
  let f = Expr.sin(x) * y + x
  #expect(f.freeVariables == ["x", "y"])
  #expect(f.substitute("x", with: 0) == 0)
  #expect(f.substitute("y", with: x) == x * .sin(x) + x)
  #expect(f.substitute("x", with: x + 1).freeVariables == ["x", "y"])
  #expect(throws: EvaluationError.unboundVariable("y")) { try f.evaluate(at: ["x": 1.0]) }
}
