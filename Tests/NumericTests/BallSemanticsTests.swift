import Testing
@testable import Numeric

/// What a ball means: exact conversions, midpoint and radius out as BigFloat, comparisons that
/// are true only when certain, domain errors as indeterminate balls, value semantics.
@Suite struct BallSemanticsTests {
  static let two = BigFloat(2, precision: 64)

  @Test func conversionsAreExactWherePossible() {
    withPrecision(80) {
      #expect(Ball(3).isExact && Ball(3).midpoint == 3 && Ball(3).precision == 80)
      #expect(Ball(0.1).isExact && Ball(0.1).midpoint == BigFloat(0.1, precision: 53))
      // A 1000-bit BigFloat keeps all its bits in an 80-bit ball: only later operations round.
      let third = BigFloat(Rational(1, 3), precision: 1000)
      #expect(Ball(third).isExact && Ball(third).midpoint == third)
      #expect(Ball(third).midpoint.precision == 1000)
      let huge = BigInt.pow(BigInt(2), 300) + BigInt(1)
      #expect(Ball(huge).isExact && BigInt(exactly: Ball(huge).midpoint) == huge)
      #expect(Ball(exactly: UInt64.max)!.midpoint == BigFloat(BigInt(UInt64.max), precision: 64))
      #expect(Ball(Rational(3, 8)).isExact)
      let rounded = Ball(Rational(1, 3))
      #expect(!rounded.isExact && rounded.contains(Rational(1, 3)))
      #expect(rounded.radius <= BigFloat.pow(Self.two, -80))
      #expect(!Ball(Double.nan).isFinite && !Ball(Double.infinity).isFinite)
    }
  }

  @Test func midpointRadiusAndBounds() {
    withPrecision(64) {
      let r = BigFloat.pow(Self.two, -10)
      let ball = Ball(midpoint: 1, radius: r)
      #expect(ball.midpoint == 1 && ball.radius == r)
      #expect(ball.contains(1 + r) && ball.contains(1 - r) && !ball.contains(1 + 2 * r))
      #expect(ball.lowerBound <= 1 - r && ball.upperBound >= 1 + r)
      #expect(!ball.contains(BigFloat.nan()))
      // A radius that is not a 30-bit number is rounded up, never down.
      let third = BigFloat(Rational(1, 3), precision: 200)
      #expect(Ball(midpoint: 0, radius: third).radius >= third)
      let interval = Ball(lower: BigFloat(Rational(1, 3)), upper: 2)
      #expect(interval.contains(BigFloat(Rational(1, 3))) && interval.contains(2 as BigFloat))
      #expect(Ball(midpoint: 0, radius: .infinity(precision: 64)).radius.isInfinite)
    }
  }

  @Test func descriptionUsesArbNotation() {
    withPrecision(64) {
      #expect(Ball(1).description == "1.00000000000000000000")  // 21 digits identify 64 bits
      #expect(Ball.pi.description.hasPrefix("[3.14159265358979") && Ball.pi.description.contains("+/-"))
      #expect(Ball.log(Ball(-1)).description == "nan")
      #expect(Ball.pi.doubleValue == Double.pi)
    }
  }

  @Test func comparisonsAreTrueOnlyWhenCertain() {
    withPrecision(64) {
      let tenth = BigFloat(Rational(1, 10))
      let a = Ball(midpoint: 1, radius: tenth)
      let b = Ball(midpoint: BigFloat(Rational(11, 10)), radius: tenth)
      let far = Ball(midpoint: 2, radius: tenth)
      // Overlapping: no order holds, and `!(a < b)` does not make `a >= b` true.
      #expect(!(a < b) && !(a <= b) && !(a > b) && !(a >= b) && !(a == b))
      #expect(a < far && a <= far && far > a && far >= a && !(far < a))
      // Equality is certain equality: only of exact balls.
      #expect(!(a == a) && Ball(1) == Ball(1) && Ball(1) != Ball(2))
      #expect(a.overlaps(b) && !a.overlaps(far) && a.contains(Ball(1)) && !Ball(1).contains(a))
      #expect(Ball.union(a, far).contains(a) && Ball.union(a, far).contains(far))
      #expect(Ball.intersection(a, b)!.contains(BigFloat(Rational(21, 20))))
      #expect(Ball.intersection(a, far) == nil)
      #expect(Ball(midpoint: 1, radius: 1).containsInInterior(a) && !a.containsInInterior(a))
      let straddling = Ball(midpoint: 0, radius: tenth)
      #expect(a.isCertainlyPositive && a.isCertainlyNonnegative && a.isCertainlyNonzero)
      #expect(!straddling.isCertainlyPositive && !straddling.isCertainlyNegative)
      #expect(!straddling.isCertainlyNonnegative && !straddling.isCertainlyNonzero)
      #expect(straddling.containsZero && (-a).isCertainlyNegative && Ball(0).isCertainlyNonpositive)
    }
  }

  /// Domain errors give Arb's indeterminate ball `[NaN ± ∞]`: not finite, NaN midpoint.
  @Test func domainErrorsAreIndeterminate() {
    withPrecision(64) {
      let half = BigFloat(Rational(1, 2))
      let straddling = Ball(midpoint: 0, radius: half)
      let cases: [(String, Ball)] = [
        ("log(-1)", .log(-1)), ("log(0)", .log(0)), ("log([0 ± 1/2])", .log(straddling)),
        ("sqrt(-1)", .sqrt(-1)), ("sqrt([0 ± 1/2])", .sqrt(straddling)), ("asin(2)", .asin(2)),
        ("acos(-2)", .acos(-2)), ("atanh(1)", .atanh(1)), ("acosh(1/2)", .acosh(Ball(half))),
        ("1/0", 1 / Ball(0)), ("1/[0 ± 1/2]", 1 / straddling), ("gamma(-2)", .gamma(-2)),
        ("logGamma(-2)", .logGamma(-2)), ("logGamma(0)", .logGamma(0)),
        ("pow(-2, 1/2)", .pow(-2, Ball(half))), ("root(-8, 2)", .root(-8, 2)),
        ("log(nan)", .log(Ball(Double.nan))), ("maxOrNaN(nan, 1)", .maxOrNaN(Ball(Double.nan), 1)),
        ("minOrNaN(1, log(-1))", .minOrNaN(1, .log(-1))),
      ]
      for (name, value) in cases {
        #expect(!value.isFinite && value.midpoint.isNaN, "\(name) = \(value)")
      }
      #expect(straddling.reciprocal == nil && Ball(0).reciprocal == nil)
      #expect(Ball(Double.infinity).reciprocal == nil && Ball(4).reciprocal == Ball(Rational(1, 4)))
    }
  }

  /// At the edges of the domains, exact answers stay exact and straddling balls enclose.
  @Test func edgesOfTheDomains() {
    withPrecision(64) {
      #expect(Ball.sqrt(0) == 0 && Ball.log(1) == 0 && Ball.pow(-2, 3 as Ball) == -8)
      #expect(Ball.pow(-2, -3) == Ball(Rational(-1, 8)) && Ball.pow(Ball(0), 0) == 1)
      #expect(Ball.root(-8, 3).contains(-2 as BigFloat))
      let unit = Ball(midpoint: 0, radius: 1)
      for point in [-1, 0, 1] as [BigFloat] {
        #expect(Ball.root(unit, 3).contains(point), "cbrt([0 ± 1]) ∌ \(point)")
        #expect(Ball.signum(unit).contains(point), "sign([0 ± 1]) ∌ \(point)")
      }
      #expect(Ball.signum(-3) == -1 && Ball.signum(0) == 0 && Ball.signum(Ball(midpoint: 2, radius: 1)) == 1)
      let max = Ball.maxOrNaN(unit, Ball(Rational(1, 2)))
      #expect(max.contains(1 as BigFloat) && max.contains(BigFloat(Rational(1, 2))) && !max.contains(0 as BigFloat))
      let min = Ball.minOrNaN(unit, Ball(Rational(1, 2)))
      #expect(min.contains(-1 as BigFloat) && min.contains(BigFloat(Rational(1, 2))))
      #expect(unit.magnitude.contains(1 as BigFloat) && unit.magnitude.contains(0 as BigFloat))
    }
  }

  @Test func copiesAreIndependent() {
    withPrecision(128) {
      let a = Ball(Rational(1, 3))
      var b = a
      #expect(a.withArb { $0 } == b.withArb { $0 }, "a copy shares storage until it is mutated")
      b += 1
      #expect(a.withArb { $0 } != b.withArb { $0 })
      #expect(a.contains(Rational(1, 3)) && b.contains(Rational(4, 3)) && !a.contains(Rational(4, 3)))
      var c = a
      c.negate()
      c.addProduct(a, a)
      #expect(a.contains(Rational(1, 3)) && c.contains(Rational(-2, 9)))
      // In-place operations take the larger precision, as the operators do.
      var narrow = Ball(1, precision: 64)
      narrow += Ball(Rational(1, 3), precision: 300)
      #expect(narrow.precision == 300 && narrow.radius <= BigFloat.pow(Self.two, -296))
      #expect(Ball(narrow, precision: 70).precision == 70 && Ball(narrow, precision: 70).radius == narrow.radius)
      // A temporary operand's storage is reused for the result (left and right operand), at
      // the larger precision, leaving the named operand alone.
      let third = Ball(Rational(1, 3), precision: 300)
      let sum = Ball(1, precision: 64) * Ball(3, precision: 64) + third
      #expect(sum.precision == 300 && sum.contains(Rational(10, 3)) && third.contains(Rational(1, 3)))
      let difference = third - Ball(2, precision: 64) * third
      #expect(difference.precision == 300 && difference.contains(Rational(-1, 3)))
      #expect(difference.radius <= BigFloat.pow(Self.two, -296) && third.contains(Rational(1, 3)))
    }
  }

  /// Formulas written once over `Scalar` run on balls and enclose their exact values.
  @Test func genericCodeEncloses() throws {
    try withPrecision(100) {
      #expect(Ball.workingEpsilon == Ball(BigFloat.pow(Self.two, -99)))
      let a: [[Rational]] = [[4, -2, 1], [-2, 4, -2], [1, -2, 4]]
      let b: [Rational] = [11, -16, 17]
      let x: [Rational] = [1, -2, 3]  // a·x = b, exactly
      let balls = Matrix(a.map { $0.map { Ball($0) } })
      let solution = try LUDecomposition(balls).solve(b.map { Ball($0) })
      for (computed, exact) in zip(solution, x) {
        #expect(computed.contains(exact), "LU solve: \(computed) ∌ \(exact)")
      }
      let scaled = balls * Matrix(a.map { $0.map { Ball($0 / 7) } })
      for i in 0..<3 {
        for j in 0..<3 {
          let exact = (0..<3).reduce(Rational(0)) { $0 + a[i][$1] * a[$1][j] / 7 }
          #expect(scaled[i, j].contains(exact))
        }
      }
      #expect(balls.frobeniusNorm.contains(BigFloat.sqrt(BigFloat(66, precision: 200)).rounded(toPrecision: 164)))
    }
  }
}
