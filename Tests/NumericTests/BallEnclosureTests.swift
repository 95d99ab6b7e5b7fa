import Testing
@testable import Numeric

/// Arb's own testing habit, applied to the wrapper: random balls at random precisions p; the
/// BigFloat value of the same function at a point of the input ball, rounded to p + 64 bits,
/// must lie in the output ball; and the output's radius must be at most 2⁴ times the ideal
/// `|f′(m)| r + 2⁻ᵖ |f(m)|` (the propagated radius plus one rounding) on domains where the
/// function is well conditioned (no zero of f or f′ inside). Over 300 samples per function Arb
/// stayed within 2⁴ everywhere except Γ on negative reals (reflection formula): within 2⁸.
@Suite struct BallEnclosureTests {
  static let samples = 40
  /// log₂ of the allowed ratio of a radius to the ideal.
  static let slackBits = 4
  static let wideSlackBits = ["gamma(x < 0)": 9]

  typealias Unary = (name: String, domain: (Rational, Rational),
    ball: @Sendable (Ball) -> Ball, reference: @Sendable (BigFloat) -> BigFloat)

  static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(n, d) }

  static let unary: [Unary] = [
    ("exp", (r(-3), r(3)), { .exp($0) }, { .exp($0) }),
    ("expm1", (r(1, 100), r(3)), { .expMinusOne($0) }, { .expMinusOne($0) }),
    ("log", (r(3, 2), r(8)), { .log($0) }, { .log($0) }),
    ("log1p", (r(1, 10), r(5)), { .log(onePlus: $0) }, { .log(onePlus: $0) }),
    ("sqrt", (r(1, 10), r(9)), { .sqrt($0) }, { .sqrt($0) }),
    ("sin", (r(1, 10), r(7, 5)), { .sin($0) }, { .sin($0) }),
    ("cos", (r(1, 10), r(7, 5)), { .cos($0) }, { .cos($0) }),
    ("tan", (r(1, 10), r(7, 5)), { .tan($0) }, { .tan($0) }),
    ("sinh", (r(1, 10), r(3)), { .sinh($0) }, { .sinh($0) }),
    ("cosh", (r(1, 10), r(3)), { .cosh($0) }, { .cosh($0) }),
    ("tanh", (r(1, 10), r(3)), { .tanh($0) }, { .tanh($0) }),
    ("asin", (r(1, 10), r(9, 10)), { .asin($0) }, { .asin($0) }),
    ("acos", (r(1, 10), r(9, 10)), { .acos($0) }, { .acos($0) }),
    ("atan", (r(1, 10), r(5)), { .atan($0) }, { .atan($0) }),
    ("asinh", (r(1, 10), r(5)), { .asinh($0) }, { .asinh($0) }),
    ("acosh", (r(3, 2), r(8)), { .acosh($0) }, { .acosh($0) }),
    ("atanh", (r(1, 10), r(9, 10)), { .atanh($0) }, { .atanh($0) }),
    ("erf", (r(1, 10), r(3)), { .erf($0) }, { .erf($0) }),
    ("erfc", (r(1, 10), r(3)), { .erfc($0) }, { .erfc($0) }),
    ("gamma", (r(1, 10), r(5)), { .gamma($0) }, { .gamma($0) }),
    ("gamma(x < 0)", (r(-29, 10), r(-21, 10)), { .gamma($0) }, { .gamma($0) }),
    ("logGamma", (r(5, 2), r(8)), { .logGamma($0) }, { .logGamma($0) }),
    ("logGamma(x < 0)", (r(-29, 10), r(-28, 10)), { .logGamma($0) }, { .logGamma($0) }),
    ("pow(x, 7)", (r(1, 10), r(3)), { .pow($0, 7) }, { .pow($0, 7) }),
    ("pow(x, -3)", (r(1, 10), r(3)), { .pow($0, -3) }, { .pow($0, -3) }),
    ("root(x, 5)", (r(1, 10), r(3)), { .root($0, 5) }, { .root($0, 5) }),
    ("root(x, 3), x < 0", (r(-5), r(-1, 10)), { .root($0, 3) }, { .root($0, 3) }),
    ("root(x, -2)", (r(1, 10), r(3)), { .root($0, -2) }, { .root($0, -2) }),
    ("root(x, -3)", (r(1, 10), r(3)), { .root($0, -3) }, { .root($0, -3) }),
    ("reciprocal", (r(1, 10), r(3)), { $0.reciprocal! }, { $0.reciprocal! }),
    ("abs", (r(-3), r(-1, 10)), { $0.magnitude }, { $0.magnitude }),
    ("negation", (r(-3), r(3)), { -$0 }, { -$0 }),
    ("signum", (r(1, 10), r(3)), { .signum($0) }, { _ in BigFloat(1) }),
  ]

  typealias Binary = (name: String, ball: @Sendable (Ball, Ball) -> Ball,
    reference: @Sendable (BigFloat, BigFloat) -> BigFloat)

  static let binary: [Binary] = [
    ("+", { $0 + $1 }, { $0 + $1 }), ("-", { $0 - $1 }, { $0 - $1 }),
    ("*", { $0 * $1 }, { $0 * $1 }), ("/", { $0 / $1 }, { $0 / $1 }),
    ("pow", { .pow($0, $1) }, { .pow($0, $1) }),
    ("atan2", { .atan2(y: $0, x: $1) }, { .atan2(y: $0, x: $1) }),
    ("hypot", { .hypot($0, $1) }, { .hypot($0, $1) }),
    ("maxOrNaN", { .maxOrNaN($0, $1) }, { .maxOrNaN($0, $1) }),
    ("minOrNaN", { .minOrNaN($0, $1) }, { .minOrNaN($0, $1) }),
  ]

  /// The ideal radius `Σ |∂f/∂xᵢ| rᵢ + 2⁻ᵖ |f(m)|` times `2^slackBits`.
  static func radiusBound(
    slopes: [(BigFloat, BigFloat)], value: BigFloat, bits: Int, slackBits: Int = slackBits
  ) -> BigFloat {
    let rounding = value.magnitude * BigFloat.pow(BigFloat(2, precision: 64), -bits)
    let slack = BigFloat.pow(BigFloat(2, precision: 64), slackBits)
    return slack * slopes.reduce(rounding) { $0 + $1.0 * $1.1 }
  }

  @Test(arguments: unary.indices)
  func unaryFunctionsEnclose(index: Int) {
    let f = Self.unary[index]
    var generator = SplitMix64(seed: 0xBA11 &+ UInt64(index))
    for _ in 0..<Self.samples {
      let bits = randomPrecision(&generator)
      let x = RandomBall(in: f.domain, bits: bits, &generator)
      let y = f.ball(x.ball)
      let reference = f.reference(x.point).rounded(toPrecision: bits + 64)
      #expect(y.precision == bits, "\(f.name): result precision")
      #expect(y.contains(reference), "\(f.name)(\(x.point)) = \(reference) ∉ \(y) at \(bits) bits")
      let bound = Self.radiusBound(
        slopes: [(slope(f.reference, at: x.midpoint), x.radius)], value: f.reference(x.midpoint),
        bits: bits, slackBits: Self.wideSlackBits[f.name] ?? Self.slackBits)
      #expect(y.radius <= bound, "\(f.name) at \(bits) bits: radius \(y.radius) > \(bound) for \(x.ball)")
    }
  }

  @Test(arguments: binary.indices)
  func binaryOperationsEnclose(index: Int) {
    let f = Self.binary[index]
    var generator = SplitMix64(seed: 0xB1A2 &+ UInt64(index))
    for _ in 0..<Self.samples {
      // Mixed precisions: the result takes the larger.
      let (xBits, yBits) = (randomPrecision(&generator), randomPrecision(&generator))
      let bits = Swift.max(xBits, yBits)
      let x = RandomBall(in: (Self.r(1, 10), Self.r(3)), bits: xBits, &generator)
      let y = RandomBall(in: (Self.r(1, 10), Self.r(3)), bits: yBits, &generator)
      let z = f.ball(x.ball, y.ball)
      let reference = f.reference(x.point, y.point).rounded(toPrecision: bits + 64)
      #expect(z.precision == bits, "\(f.name): result precision")
      #expect(z.contains(reference), "\(x.point) \(f.name) \(y.point) = \(reference) ∉ \(z)")
      let (u, v) = (x.midpoint.rounded(toPrecision: bits + 192), y.midpoint.rounded(toPrecision: bits + 192))
      let bound = Self.radiusBound(
        slopes: [(slope({ f.reference($0, v) }, at: u), x.radius),
                 (slope({ f.reference(u, $0) }, at: v), y.radius)],
        value: f.reference(u, v), bits: bits)
      #expect(z.radius <= bound, "\(f.name) at \(bits) bits: radius \(z.radius) > \(bound)")
    }
  }

  /// `f(x, x)` with both operands the same ball (one storage): Arb allows its output to alias
  /// its inputs, and the result, formed as if the operands were independent, still encloses.
  @Test(arguments: binary.indices)
  func aliasedOperandsEnclose(index: Int) {
    let f = Self.binary[index]
    var generator = SplitMix64(seed: 0xA11A5 &+ UInt64(index))
    for _ in 0..<Self.samples {
      let x = RandomBall(in: (Self.r(1, 10), Self.r(3)), bits: randomPrecision(&generator), &generator)
      let reference = f.reference(x.point, x.point).rounded(toPrecision: x.ball.precision + 64)
      #expect(f.ball(x.ball, x.ball).contains(reference), "\(f.name)(x, x) at \(x.point)")
    }
  }

  /// The in-place forms, with the destination aliasing an operand (`a += a`, `a.addProduct(a, a)`).
  @Test func inPlaceFormsEncloseWithAliasing() {
    var generator = SplitMix64(seed: 0x1AC3)
    for _ in 0..<Self.samples {
      let x = RandomBall(in: (Self.r(1, 10), Self.r(3)), bits: randomPrecision(&generator), &generator)
      let bits = x.ball.precision
      let t = x.point
      let cases: [(String, (inout Ball) -> Void, BigFloat)] = [
        ("a += a", { $0 += $0 }, t + t), ("a -= a", { $0 -= $0 }, t - t),
        ("a *= a", { $0 *= $0 }, t * t), ("a /= a", { $0 /= $0 }, t / t),
        ("a.addProduct(a, a)", { a in a.addProduct(a, a) }, t + t * t),
        ("a.subtractProduct(a, a)", { a in a.subtractProduct(a, a) }, t - t * t),
        ("a.setProduct(a, a)", { a in a.setProduct(a, a) }, t * t),
        ("a.negate()", { $0.negate() }, -t),
      ]
      for (name, operation, reference) in cases {
        var a = x.ball
        operation(&a)
        #expect(a.contains(reference.rounded(toPrecision: bits + 64)), "\(name) at \(t): \(a)")
        #expect(x.ball.contains(t), "\(name) changed the ball it was copied from")
      }
    }
  }
}
