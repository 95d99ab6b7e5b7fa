import Numeric
import Testing

@testable import Symbolic

private let x = Expr.variable("x")
private let y = Expr.variable("y")

/// `integrate(f, x, a, b)`: canonical form, parsing and printing, Leibniz's rule, and values in
/// every route against closed forms.
@Suite struct IntegralTests {
  func value(_ text: String, bits: Int, at bindings: [String: Rational] = [:]) throws -> BigFloat {
    try withPrecision(bits) {
      try Expr.parse(text).evaluate(at: bindings.mapValues { BigFloat($0) })
    }
  }

  /// `|a − b| ≤ 2^(20 − bits) · max(1, |b|)`.
  func close(_ a: BigFloat, _ b: BigFloat, bits: Int) -> Bool {
    (a - b).magnitude <= BigFloat.pow(2, 20 - bits) * BigFloat.maximum(1, b.magnitude)
  }

  @Test func monomialsOnTheUnitInterval() throws {
    for k in 1...6 {
      let v = try value("integrate(x^\(k), x, 0, 1)", bits: 128)
      #expect(close(v, BigFloat(Rational(1, k + 1), precision: 128), bits: 128), "k = \(k): \(v)")
    }
    // Nested, the inner upper limit the outer variable: ∫₀¹ ∫₀ʸ xy dx dy = ∫₀¹ y³/2 dy = 1/8.
    let nested = try value("integrate(integrate(x*y, x, 0, y), y, 0, 1)", bits: 128)
    #expect(close(nested, BigFloat(Rational(1, 8), precision: 128), bits: 128), "\(nested)")
  }

  /// `∫ e^(−x²) = √π` and `∫ e^(−x²/2) = √(2π)` over the line; `∫₀¹ x^(−1/2) = 2` and
  /// `∫₀¹ log x = −1` with their endpoint singularities.
  @Test func closedForms() throws {
    for bits in [64, 256] {
      let (rootPi, rootTwoPi) = withPrecision(bits) { (BigFloat.sqrt(BigFloat.pi), BigFloat.sqrt(2 * BigFloat.pi)) }
      let cases: [(String, BigFloat)] = [
        ("integrate(exp(-x^2), x, -inf, inf)", rootPi),
        ("integrate(exp(-x^2/2), x, -inf, inf)", rootTwoPi),
        ("integrate(1/sqrt(x), x, 0, 1)", 2),
        ("integrate(log(x), x, 0, 1)", -1),
        // Reversed limits, an infinite end written first.
        ("integrate(exp(-x), x, inf, 0)", -1),
      ]
      for (text, exact) in cases {
        let v = try value(text, bits: bits)
        #expect(close(v, exact, bits: bits), "\(text) = \(v) at \(bits) bits")
      }
    }
  }

  /// The residual against the closed form falls with the precision.
  @Test func residualFallsWithPrecision() throws {
    let residuals = try [64, 256].map { bits in
      try withPrecision(bits) {
        (try value("integrate(exp(-x^2), x, -inf, inf)", bits: bits) - BigFloat.sqrt(BigFloat.pi)).magnitude
      }
    }
    #expect(residuals[1] < residuals[0] * BigFloat.pow(2, -150), "\(residuals)")
  }

  /// `d/dy ∫₀ʸ e^(−t²) dt = e^(−y²)` exactly, by the boundary term; `∂/∂s ∫₀¹ e^(sx) dx`
  /// under the integral sign, in every route, against `(s eˢ − eˢ + 1)/s²`.
  @Test func leibnizRuleInEveryRoute() throws {
    let erf = try Expr.parse("integrate(exp(-t^2), t, 0, y)")
    #expect(erf.derivative(withRespectTo: "y") == .exp(-.pow(y, 2)))
    // t is bound: the integral does not vary with it (0 wherever it is defined).
    #expect(erf.derivative(withRespectTo: "t") == 0 * erf)

    let f = try Expr.parse("integrate(exp(s*x), x, 0, 1)")
    let symbolic = f.derivative(withRespectTo: "s")
    #expect(symbolic == (try Expr.parse("integrate(x*exp(s*x), x, 0, 1)")))
    try withPrecision(128) {
      let s = BigFloat(Rational(1, 2))
      let exact = (s * BigFloat.exp(s) - BigFloat.exp(s) + 1) / (s * s)
      let compiled = try CompiledExpr(f)
      let routes: [(String, BigFloat)] = [
        ("symbolic", try symbolic.evaluate(at: ["s": s])),
        ("Dual", compiled.evaluate(at: [Dual.variable(s)]).derivative),
        ("Reverse", gradient(of: { compiled.evaluate(at: $0) }, at: [s]).gradient[0]),
        ("Jet", compiled.evaluate(at: [Jet.variable(at: s, order: 2)])[1]),
        ("CompiledExpr.gradient", compiled.gradient(at: [s]).gradient[0]),
      ]
      for (route, derivative) in routes {
        #expect(close(derivative, exact, bits: 128), "\(route): \(derivative) vs \(exact)")
      }
      // A moving limit in the reverse sweep: d/dy ∫₀ʸ e^(−t²) dt at y = 3/4.
      let limit = try CompiledExpr(erf).gradient(at: [BigFloat(Rational(3, 4))]).gradient[0]
      #expect(close(limit, BigFloat.exp(-BigFloat(Rational(9, 16))), bits: 128))
    }
  }

  @Test func canonicalForm() throws {
    // An integrand free of x, defined everywhere, between finite limits.
    #expect(try Expr.parse("integrate(y, x, 1, 3)") == 2 * y)
    #expect(try Expr.parse("integrate(0, x, 0, y)") == 0)
    #expect(try Expr.parse("integrate(x*y, x, 0, 1) - integrate(y*x, x, 0, 1)") != 0)
    // Bound variables are not free; a limit's are.
    #expect(try Expr.parse("integrate(x*y, x, 0, z)").freeVariables == ["y", "z"])
    #expect(try Expr.parse("integrate(x, x, 0, x)").freeVariables == ["x"])
    #expect(try Expr.parseWithVariables("integrate(x*y, x, -inf, 0)").variables == ["y"])
    // Substitution leaves the bound variable alone and does not capture.
    let i = try Expr.parse("integrate(x*y, x, 0, 1)")
    #expect(i.substitute("x", with: 5) == i)
    let renamed = i.substitute("y", with: x)
    #expect(renamed.freeVariables == ["x"])
    #expect(renamed == (try Expr.parse("integrate(x_*x, x_, 0, 1)")))
    // The sign over an ascending interval is the integrand's.
    #expect(try Expr.parse("integrate(exp(x), x, -inf, 0)").sign == .positive)
    #expect(try Expr.parse("integrate(exp(x), x, 1, 0)").sign == .unknown)
  }

  @Test func printsAndParsesBack() throws {
    let cases = [
      ("integrate(exp(-x^2), x, -inf, inf)", "\\int_{-\\infty}^{\\infty} e^{-x^2}"),
      ("integrate(1/sqrt(t), t, 0, y)", ""),
      ("integrate(integrate(x*y, x, 0, y), y, 0, 1)", ""),
      ("2*integrate(sin(x), x, inf, y) + 1", ""),
    ]
    for (text, _) in cases {
      let e = try Expr.parse(text)
      #expect(try Expr.parse(e.description) == e, "\(text) printed \(e.description)")
    }
    #expect(try Expr.parse("integrate(exp(-x^2), x, -inf, inf)").description == "integrate(exp(-x^2), x, -inf, inf)")
    #expect(
      try Expr.parse("integrate(x^2, x, 0, y)").latex == "\\int_{0}^{y} {x}^{2} \\, \\mathrm{d}x")
  }

  /// A divergent integral is an error naming it, not a value; `evaluate` gives NaN.
  @Test func divergenceIsAnError() throws {
    let e = try Expr.parse("integrate(1/x, x, 0, 1)")
    withPrecision(64) {
      #expect {
        try e.evaluate(at: [String: BigFloat]())
      } throws: { error in
        guard case EvaluationError.integralFailed(let text, _) = error else { return false }
        return text == "integrate(1/x, x, 0, 1)"
      }
      #expect(!(try! CompiledExpr(e)).evaluate(at: [BigFloat]()).isFinite)
    }
  }

  /// In balls an integral is indeterminate: a quadrature estimate is no enclosure.
  @Test func ballsRefuseIntegrals() throws {
    let e = try Expr.parse("integrate(exp(-x^2), x, -inf, inf)")
    try withPrecision(64) {
      #expect(throws: EvaluationError.integralInBalls(e.description)) {
        try e.evaluate(at: [String: Ball]())
      }
      let compiled = try CompiledExpr(e)
      #expect(!compiled.evaluate(at: [Ball]()).isFinite)
      #expect(!compiled.evaluate(at: [Dual<Ball>]()).isFinite)
    }
  }
}
