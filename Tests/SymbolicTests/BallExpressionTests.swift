import Numeric
import Testing

@testable import Symbolic

/// The expression language and automatic differentiation run on balls and enclose: each value
/// in `Ball` at p bits contains the `BigFloat` value at p + 64 bits.
@Suite struct BallExpressionTests {
  static let domains: [Expr.Function: (Rational, Rational)] = [
    .log: (Rational(1, 10), 5), .asin: (Rational(-9, 10), Rational(9, 10)),
    .acos: (Rational(-9, 10), Rational(9, 10)), .atanh: (Rational(-9, 10), Rational(9, 10)),
    .tan: (Rational(-7, 5), Rational(7, 5)), .acosh: (Rational(11, 10), 5),
    .log1p: (Rational(-9, 10), 5), .gamma: (Rational(1, 5), 6), .lgamma: (Rational(1, 5), 6),
    .polygamma(0): (Rational(1, 5), 6), .polygamma(1): (Rational(1, 5), 6),
  ]
  static let undefinedAtZero: Set<Expr.Function> = [.log, .acosh, .gamma, .lgamma, .polygamma(0), .polygamma(1)]

  /// Every function of the expression language, at random balls of radius 2^−(p/2) around
  /// random points (some straddling 0, where abs, sign, sigmoid and softplus branch).
  @Test(arguments: Expr.Function.allCases)
  func everyFunctionEncloses(f: Expr.Function) {
    var generator = SplitMix64(seed: 0xE1 &+ UInt64(f.name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
    let (low, high) = Self.domains[f] ?? (Rational(-3), Rational(3))
    for sample in 0..<16 {
      let bits = 32 + Int(generator.next() % 600)
      let centre = sample < 2 && !Self.undefinedAtZero.contains(f) ? Rational(0) : low + (high - low) * generator.nextUniform()
      let radius = BigFloat.pow(BigFloat(2, precision: 64), -bits / 2)
      let ball = Ball(midpoint: BigFloat(centre, precision: bits), radius: radius, precision: bits)
      let value = withPrecision(bits) { f(ball) }
      for end in [ball.lowerBound, ball.midpoint, ball.upperBound] where ball.contains(end) {
        let reference = withPrecision(bits + 64) { f(end.rounded(toPrecision: bits + 64)) }
        #expect(value.contains(reference), "\(f.name)(\(end)) = \(reference) ∉ \(value)")
      }
    }
  }

  @Test func parsedExpressionsEvaluateInBalls() throws {
    let e = try Expr.parse("exp(x) * sin(y) + sqrt(x^2 + y^2) - erf(x * y) / (1 + softplus(y))")
    for bits in [64, 200, 700] {
      let (x, y) = (Rational(7, 10), Rational(-13, 10))
      let ball = try withPrecision(bits) { try e.evaluate(at: ["x": Ball(x), "y": Ball(y)]) }
      let reference = try withPrecision(bits + 64) { try e.evaluate(at: ["x": BigFloat(x), "y": BigFloat(y)]) }
      #expect(ball.contains(reference), "at \(bits) bits: \(reference) ∉ \(ball)")
      #expect(ball.radius <= reference.magnitude * BigFloat.pow(BigFloat(2, precision: 64), 12 - bits))
    }
  }

  /// `f(x) = x₀²x₁ + 3x₁x₂ − x₂³/6`: its Hessian is exact in any arithmetic that is exact on
  /// the inputs.
  @Test func hessianOfAPolynomialIsExact() {
    withPrecision(128) {
      let x: [BigFloat] = [3, -2, 5]
      let h = hessian(of: { v in v[0] * v[0] * v[1] + 3 * v[1] * v[2] - v[2] * v[2] * v[2] / 6 }, at: x)
      let expected: [[BigFloat]] = [[2 * x[1], 2 * x[0], 0], [2 * x[0], 0, 3], [0, 3, -x[2]]]
      #expect(h == Matrix(expected))
    }
  }

  /// A smooth 6-variable loss: its ball Hessian contains the BigFloat Hessian at p + 64 bits,
  /// with radii within 2¹² units of the p-th bit of the largest entry.
  @Test func ballHessianEncloses() {
    func loss<T: Scalar>(_ v: [T]) -> T {
      let pairs = (0..<6).map { k in T.tanh(v[k] * v[(k + 1) % 6]) }.reduce(0, +)
      return pairs + T.log(1 + v.map { $0 * $0 }.reduce(0, +)) + T.exp(-v[0] * v[5]) * T.sin(v[2])
    }
    var generator = SplitMix64(seed: 0x4E55)
    for bits in [64, 256, 600] {
      let point: [Rational] = (0..<6).map { _ in generator.nextSymmetric(scale: 1) }
      let balls = withPrecision(bits) { hessian(of: loss, at: point.map { Ball($0) }) }
      let reference = withPrecision(bits + 64) { hessian(of: loss, at: point.map { BigFloat($0) }) }
      let scale = reference.maximumMagnitude * BigFloat.pow(BigFloat(2, precision: 64), 12 - bits)
      for (ball, value) in zip(balls.entries, reference.entries) {
        #expect(ball.contains(value), "at \(bits) bits: \(value) ∉ \(ball)")
        #expect(ball.radius <= scale, "at \(bits) bits: radius \(ball.radius)")
      }
    }
  }
}
