import Numeric
import Testing

@testable import Symbolic

private let x = Expr.variable("x")
private let y = Expr.variable("y")

@Test func textIsReadable() {
  #expect((Expr.pow(x, 2) + 2 * x + 1).description == "1 + 2*x + x^2")
  #expect((x - y).description == "x - y")
  #expect((x / y).description == "x/y")
  #expect((1 / (2 * x)).description == "1/(2*x)")
  #expect((3 * x / 4).description == "3*x/4")
  #expect((2 * x / 3 / (x + 1)).description == "2/3*x/(1 + x)")
  #expect(Expr.sqrt(x).description == "sqrt(x)")
  #expect((1 / Expr.sqrt(x)).description == "1/sqrt(x)")
  #expect(Expr.pow(x + 1, 2).description == "(1 + x)^2")
  #expect(Expr.pow(Expr.sin(x), 2).description == "sin(x)^2")
  #expect(Expr.pow(x, Expr(Rational(1, 3))).description == "x^(1/3)")
  #expect((-Expr.exp(-x)).description == "-exp(-x)")
}

@Test func latexUsesFractionsAndRoots() {
  #expect((x / y).latex == "\\frac{x}{y}")
  #expect(Expr.sqrt(x + 1).latex == "\\sqrt{1 + x}")
  #expect((2 * Expr.pi * Expr.pow(x, 2)).latex == "2 \\pi {x}^{2}")
  #expect(Expr.sin(Expr.variable("w1_2")).latex == "\\sin\\left(\\mathrm{w1}_{2}\\right)")
  #expect(Expr.abs(x).latex == "\\left|x\\right|")
  #expect(Expr.erf(x).latex == "\\operatorname{erf}\\left(x\\right)")
}

/// The text form is the parser's language: printing then parsing gives back the same expression.
@Test func textRoundTripsThroughTheParser() throws {
  var rng = SeededGenerator(state: 99)
  for _ in 0..<300 {
    let e = randomExpression(depth: 5, &rng)
    let again = try Expr.parse(e.description)
    #expect(again == e, "\(e) reparsed as \(again)")
  }
}
