import Numeric
import Testing

@testable import Symbolic

/// Every function's derivative by each route at p bits against the symbolic derivative at
/// p + 64 bits, at random points and random precisions p (as MPFR's tgeneric checks a function
/// at p against p + k): symbolic at p, Dual, Reverse (tape), the compiled reverse sweep (the
/// function's `slope`) and the jet; second derivatives by nested Dual and the jet. Agreement to
/// 2^−(p−24) relative to max(1, |reference|): a few roundings, times the conditioning of the
/// points drawn inside each function's domain.
@Suite struct FunctionRoutesTests {
  static let functions = Expr.Function.allCases + [.polygamma(2), .polygamma(5)]

  static func domain(_ f: Expr.Function) -> (Rational, Rational) {
    switch f {
    case .log: (Rational(1, 10), 5)
    case .asin, .acos, .atanh: (Rational(-9, 10), Rational(9, 10))
    case .tan: (Rational(-7, 5), Rational(7, 5))
    case .acosh: (Rational(11, 10), 5)
    case .log1p: (Rational(-9, 10), 5)
    case .gamma, .lgamma, .polygamma: (Rational(1, 5), 6)
    default: (-3, 3)
    }
  }

  @Test(arguments: functions)
  func routesAgree(f: Expr.Function) throws {
    var rng = SeededGenerator(state: UInt64(f.name.utf8.reduce(7) { $0 &* 31 &+ Int($1) }).magnitude)
    let (low, high) = Self.domain(f)
    let x = Expr.variable("x")
    let first = Expr.apply(f, x).derivative(withRespectTo: "x")
    let second = first.derivative(withRespectTo: "x")
    for _ in 0..<12 {
      let p = rng.int(53...600)
      let point = low + (high - low) * Rational(rng.int(1...999), 1000)
      // The reference at the same input, x₀ rounded to p bits, held exactly at p + 64.
      let x0 = BigFloat(point, precision: p)
      let (d1, d2) = try withPrecision(p + 64) {
        let at = ["x": x0.rounded(toPrecision: p + 64)]
        return (try first.evaluate(at: at), try second.evaluate(at: at))
      }
      try withPrecision(p) {
        func expectClose(_ value: BigFloat, _ reference: BigFloat, _ route: String) {
          let scale = max(reference.magnitude, 1)
          #expect(
            (value - reference).magnitude <= scale * BigFloat.pow(2, 24 - p),
            "\(f.name) at \(point), \(p) bits, \(route): \(value) vs \(reference)")
        }
        expectClose(try first.evaluate(at: ["x": x0]), d1, "symbolic")
        expectClose(f(Dual.variable(x0)).derivative, d1, "Dual")
        expectClose(gradient(of: { v in f(v[0]) }, at: [x0]).gradient[0], d1, "Reverse")
        let compiled = try CompiledExpr(.apply(f, x), variables: ["x"]).gradient(at: [x0])
        expectClose(compiled.gradient[0], d1, "compiled reverse sweep")
        let jet = f(Jet.variable(at: x0, order: 2))
        expectClose(jet[1], d1, "Jet")
        expectClose(f(Dual(Dual.variable(x0), derivative: 1)).derivative.derivative, d2, "nested Dual")
        expectClose(2 * jet[2], d2, "Jet, second order")
      }
    }
  }
}
