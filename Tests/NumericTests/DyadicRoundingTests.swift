import Testing
@testable import Numeric

/// Rounding to the grid `2^e ℤ`, for `Rational` and `BigFloat`, against hand-worked values.
@Suite struct DyadicRoundingTests {
  static let rules: [FloatingPointRoundingRule] = [
    .toNearestOrEven, .toNearestOrAwayFromZero, .down, .up, .towardZero, .awayFromZero,
  ]

  /// `(x, e, expected result for each rule of `rules`)`, all exact.
  static let cases: [(Rational, Int, [Rational])] = [
    // Ties: 3/4 = 1.5 · 2⁻¹ (even neighbour 2), 1/4 = 0.5 · 2⁻¹ (even neighbour 0).
    (Rational(3, 4), -1, [1, 1, Rational(1, 2), 1, Rational(1, 2), 1]),
    (Rational(1, 4), -1, [0, Rational(1, 2), 0, Rational(1, 2), 0, Rational(1, 2)]),
    (Rational(-3, 4), -1, [-1, -1, -1, Rational(-1, 2), Rational(-1, 2), -1]),
    (Rational(-1, 4), -1, [0, Rational(-1, 2), Rational(-1, 2), 0, 0, Rational(-1, 2)]),
    // Ties on a coarse grid: 6 = 1.5 · 4, 10 = 2.5 · 4.
    (6, 2, [8, 8, 4, 8, 4, 8]),
    (10, 2, [8, 12, 8, 12, 8, 12]),
    // Off ties: 1/3 · 2⁶⁰ = 384307168202282325.33…, −2/3 · 2⁶⁰ = −768614336404564650.67….
    (Rational(1, 3), -60, [Rational(384307168202282325, 1 << 60), Rational(384307168202282325, 1 << 60),
      Rational(384307168202282325, 1 << 60), Rational(384307168202282326, 1 << 60),
      Rational(384307168202282325, 1 << 60), Rational(384307168202282326, 1 << 60)]),
    (Rational(-2, 3), -60, [Rational(-768614336404564651, 1 << 60), Rational(-768614336404564651, 1 << 60),
      Rational(-768614336404564651, 1 << 60), Rational(-768614336404564650, 1 << 60),
      Rational(-768614336404564650, 1 << 60), Rational(-768614336404564651, 1 << 60)]),
    // Already on the grid: unchanged by every rule.
    (Rational(3, 8), -3, Array(repeating: Rational(3, 8), count: 6)),
    (Rational(-3, 8), -5, Array(repeating: Rational(-3, 8), count: 6)),
    (0, -60, Array(repeating: 0, count: 6)),
    (-12, 2, Array(repeating: -12, count: 6)),
  ]

  @Test func rationalRoundingMatchesHandWorkedValues() {
    for (x, e, expected) in Self.cases {
      for (rule, value) in zip(Self.rules, expected) {
        #expect(x.rounded(rule, toMultipleOfPowerOfTwo: e) == value, "\(x) to 2^\(e)ℤ by \(rule)")
      }
    }
  }

  @Test func bigFloatRoundingMatchesHandWorkedValues() {
    // Every case's input is a dyadic or rounded to 256 bits, far from a grid midpoint.
    for (x, e, expected) in Self.cases {
      let input = BigFloat(x, precision: 256)
      for (rule, value) in zip(Self.rules, expected) {
        let result = input.rounded(rule, toMultipleOfPowerOfTwo: e)
        #expect(result.precision == 256)
        #expect(Rational(exactly: result) == value, "\(x) to 2^\(e)ℤ by \(rule)")
      }
    }
  }

  @Test func bothTypesAgreeOnRandomValuesAndTheResultIsOnTheGrid() {
    var generator = SplitMix64(seed: 5)
    for _ in 0..<200 {
      let x = generator.nextSymmetric(scale: 1000) * generator.nextUniform()
      let exact = BigFloat(x, precision: 300)
      let dyadic = Rational(exactly: exact)!
      for e in [-60, -7, 0, 3] {
        for rule in Self.rules {
          let grid = dyadic.rounded(rule, toMultipleOfPowerOfTwo: e)
          #expect(Rational(exactly: exact.rounded(rule, toMultipleOfPowerOfTwo: e)) == grid)
          #expect((grid / Rational.pow(2, e)).isInteger)
          #expect((grid - dyadic).magnitude < Rational.pow(2, e))
        }
        let nearest = dyadic.rounded(toMultipleOfPowerOfTwo: e)
        #expect((nearest - dyadic).magnitude <= Rational.pow(2, e - 1))
      }
    }
  }

  @Test func coarseValuesAndSpecialValues() {
    // 2¹⁰⁰ + 1 at 128 bits, to 4ℤ: the nearest multiple is 2¹⁰⁰; a 16-bit value is already on 2⁻⁶⁰ℤ.
    let big = BigFloat(BigInt.pow(2, 100) + 1, precision: 128)
    #expect(Rational(exactly: big.rounded(toMultipleOfPowerOfTwo: 2)) == Rational(BigInt.pow(2, 100)))
    let coarse = BigFloat(Rational(12345), precision: 16)
    #expect(coarse.rounded(toMultipleOfPowerOfTwo: -60) == coarse)
    #expect(BigFloat(precision: 64).rounded(toMultipleOfPowerOfTwo: -60).isZero)
    let nan = BigFloat.sqrt(BigFloat(-1, precision: 64))
    #expect(nan.rounded(toMultipleOfPowerOfTwo: -60).isNaN)
  }
}
