import Numeric
import Verify

/// Test-only claims with known outcomes; they are not in the public registry.
enum TestClaims {
  static let catalogue = Catalogue([Sound(), FalseIdentity(), UnrejectedControl(), NotANumber()])
  static let source = Source(
    title: "ClaimCheck test claims", arxiv: "0000.00000", location: "tests")
}

/// True statements of every check kind, each with a control that its machinery rejects.
struct Sound: Claim {
  let id = "sound"
  let title = "True statements of every kind"
  let source = TestClaims.source
  let statement = "sin²x + cos²x = 1; √2 ≤ 3/2; x² grows with exponent 2; ..."
  enum Law: String, CaseIterable, Sendable { case power, log }

  static let x = Parameter<Rational>.rational(
    "x", default: Rational(1, 3), in: Rational(-4)...Rational(4), help: "the point")
  static let points = Parameter<Int>.integer(
    "points", default: 5, in: 3...12, help: "points of the rate fit")
  static let law = Parameter<Law>.choice("law", default: .power, help: "the rate law")
  static let widths = Parameter<[Int]>.integerList(
    "widths", default: [3, 4], entries: 1...9, count: 1...4, help: "widths, summing to at most 12")
  static let weights = Parameter<[Rational]>.rationalList(
    "weights", default: [Rational(1, 2), Rational(1, 2)], entries: .above(0, upTo: 1),
    count: 1...3, help: "weights in (0, 1]")

  let parameters: [any ParameterDeclaration] = [
    Self.x, Self.points, Self.law, Self.widths, Self.weights,
  ]
  let defaultSeed: UInt64 = 7

  struct Instance: Sendable {
    var x: Rational
    var points: Int
    var law: Law
    var widthSum: Int
    var weightSum: Rational
  }

  func instance(_ arguments: Arguments) throws(UsageError) -> Instance {
    let widthSum = arguments[Self.widths].reduce(0, +)
    guard widthSum <= 12 else {
      throw UsageError("widths sum to \(widthSum), more than 12")
    }
    return Instance(
      x: arguments[Self.x], points: arguments[Self.points], law: arguments[Self.law],
      widthSum: widthSum, weightSum: arguments[Self.weights].reduce(Rational(0), +))
  }

  func measure(_ instance: Instance, _ measurements: Measurements) throws {
    let x = instance.x
    var generator = measurements.generator()
    let random = BigFloat(generator.nextUniform())
    measurements.record("random", random)
    measurements.record("x", x)
    measurements.record("width-sum", instance.widthSum)
    measurements.record("weight-sum", instance.weightSum)
    let pythagoras = { (bits: Int) -> BigFloat in
      let x = BigFloat(x)
      return (BigFloat.sin(x) * BigFloat.sin(x) + BigFloat.cos(x) * BigFloat.cos(x) - 1).magnitude
    }
    let n = instance.points
    let logLaw = instance.law == .log
    measurements.add([
      IdentityCheck(
        id: "pythagoras", statement: "sin²x + cos²x = 1", residual: pythagoras,
        controls: [
          .init("sin²x − cos²x = 1") { _ in
            let x = BigFloat(x)
            return (BigFloat.sin(x) * BigFloat.sin(x) - BigFloat.cos(x) * BigFloat.cos(x) - 1)
          }
        ]),
      InequalityCheck(
        id: "root-two", statement: "√2 ≤ 3/2", value: { BigFloat.sqrt(2) }, .lessThanOrEqual,
        bound: { BigFloat(Rational(3, 2)) },
        enclosure: { (Ball.sqrt(2), Ball(Rational(3, 2))) },
        controls: [
          .init("√2 ≤ 1.4", value: { BigFloat.sqrt(2) }, bound: { BigFloat(Rational(7, 5)) })
        ]),
      RateCheck(
        id: "growth", statement: "y = 3x² (or y = 2 ln x + 1)", scale: logLaw ? .semiLog : .logLog,
        exponent: 2, tolerance: Rational(1, 100), requireInterval: true,
        data: {
          let xs = (1...n).map { BigFloat($0 * $0) }
          let ys = xs.map { logLaw ? 2 * BigFloat.log($0) + 1 : 3 * $0 * $0 }
          return (xs, ys)
        },
        controls: [.init("exponent 1", exponent: 1)]),
      CounterexampleCheck(
        id: "tanh-series", statement: "tanh x ≠ x − x³/3 at x = 1",
        effect: { (BigFloat.tanh(1) - (1 - BigFloat(Rational(1, 3)))).magnitude },
        controls: [
          .init("at x = 1/1000, where the series is accurate") {
            let x = BigFloat(Rational(1, 1000))
            return (BigFloat.tanh(x) - (x - x * x * x / 3)).magnitude
          }
        ]),
      CriticalPointCheck(
        id: "saddle", statement: "(√2, 1/3) is a saddle of (x² − 2)² − (y − 1/3)²",
        inertia: Inertia(positive: 1, negative: 1, zero: 0),
        gradientNorm: { bits in
          let (px, py) = (BigFloat.sqrt(2), BigFloat(Rational(1, 3)))
          // Evaluate the gradient with more bits than the point, so it sees the point's rounding.
          return withPrecision(2 * bits) {
            let gx = 4 * px * (px * px - 2)
            let gy = -2 * (py - BigFloat(Rational(1, 3)))
            return BigFloat.sqrt(gx * gx + gy * gy)
          }
        },
        eigenvalues: { [16, -2] },
        certification: Self.saddle(at: [BigFloat.sqrt(2), BigFloat(Rational(1, 3))]),
        controls: [
          .init(
            "claimed a minimum", gradientNorm: { _ in 0 }, eigenvalues: { [16, -2] },
            inertia: Inertia(positive: 2, negative: 0, zero: 0)),
          .init(
            "the point (1, 1/3)", gradientNorm: { _ in 4 }, eigenvalues: { [4, -2] },
            certification: Self.saddle(at: [1, BigFloat(Rational(1, 3))])),
        ]),
      ExactCheck(
        id: "harmonic", statement: "1 + 1/2 + 1/3 = 11/6 exactly",
        decide: { .equal(Rational(1) + Rational(1, 2) + Rational(1, 3), Rational(11, 6), "H_3") },
        controls: [
          .init("1 + 1/2 + 1/3 = 1.8333") {
            .equal(Rational(1) + Rational(1, 2) + Rational(1, 3), Rational(18333, 10000), "H_3")
          }
        ]),
    ])
  }
}

extension Sound {
  /// The box `point ± 2⁻⁴⁰` for `f = (x² − 2)² − (y − 1/3)²`: `∇f = (4x(x² − 2), −2(y − 1/3))`,
  /// `∇²f = diag(12x² − 8, −2)`.
  static func saddle(at point: [BigFloat]) -> CriticalPointCheck.Certification {
    CriticalPointCheck.Certification(
      point: point, radius: Rational.pow(2, -40),
      gradient: { p in [4 * p[0] * (p[0] * p[0] - 2), -2 * (p[1] - Ball(Rational(1, 3)))] },
      hessian: { p in Matrix([[12 * p[0] * p[0] - 8, 0], [0, -2]]) })
  }
}

/// `tanh x = x − x³/3`, false: its residual does not vanish.
struct FalseIdentity: Claim {
  let id = "false-identity"
  let title = "A false series identity"
  let source = TestClaims.source
  let statement = "tanh x = x − x³/3 at x = 1/2"

  func measure(_ instance: Arguments, _ measurements: Measurements) {
    measurements.add([
      IdentityCheck(
        id: "tanh-cubic", statement: statement,
        residual: { _ in
          let x = BigFloat(Rational(1, 2))
          return (BigFloat.tanh(x) - (x - x * x * x / 3)).magnitude
        },
        controls: [
          .init("tanh x = x") { _ in
            BigFloat.tanh(BigFloat(Rational(1, 2))) - BigFloat(Rational(1, 2))
          }
        ]),
      IdentityCheck(
        id: "near-miss", statement: "1 + 10⁻¹⁰⁰ = 1",
        residual: { _ in (1 + BigFloat(Rational.pow(10, -100))) - 1 },
        controls: [.init("2 = 1") { _ in 1 }]),
    ])
  }
}

/// A true identity whose "wrong variant" is also true, so the control cannot be rejected.
struct UnrejectedControl: Claim {
  let id = "unrejected-control"
  let title = "A control that is not wrong"
  let source = TestClaims.source
  let statement = "exp(2x) = exp(x)² at x = 3/7"

  func measure(_ instance: Arguments, _ measurements: Measurements) {
    let x = { BigFloat(Rational(3, 7)) }
    measurements.add([
      IdentityCheck(
        id: "exp-square", statement: statement,
        residual: { _ in
          (BigFloat.exp(2 * x()) - BigFloat.exp(x()) * BigFloat.exp(x())).magnitude
            / BigFloat.exp(2 * x())
        },
        controls: [
          .init("exp(2x) = exp(x + x)") { _ in BigFloat.exp(2 * x()) - BigFloat.exp(x() + x()) }
        ])
    ])
  }
}

/// A check whose residual is NaN at every rung.
struct NotANumber: Claim {
  let id = "not-a-number"
  let title = "A residual that is NaN"
  let source = TestClaims.source
  let statement = "log(−1) = 0"

  func measure(_ instance: Arguments, _ measurements: Measurements) {
    measurements.add([
      IdentityCheck(
        id: "log-negative", statement: statement, residual: { _ in BigFloat.log(-1) },
        controls: [.init("log(−1) = 1") { _ in 1 }])
    ])
  }
}
