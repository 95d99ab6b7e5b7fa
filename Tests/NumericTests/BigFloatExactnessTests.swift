import Testing
@testable import Numeric

/// The exact forms return a value exactly when MPFR says no bit was lost.
@Suite struct BigFloatExactnessTests {
  @Test func rationalsConvertExactlyOnlyWhenDyadicAndNarrowEnough() {
    #expect(BigFloat(exactly: Rational(1, 4), precision: 2) == BigFloat(Rational(1, 4)))
    #expect(BigFloat(exactly: Rational(-5, 8), precision: 3) == BigFloat(Rational(-5, 8)))
    #expect(BigFloat(exactly: Rational(5, 8), precision: 2) == nil)  // 0.101₂ needs 3 bits
    #expect(BigFloat(exactly: Rational(1, 3), precision: 10_000) == nil)
    #expect(BigFloat(exactly: Rational(1, 10), precision: 256) == nil)
    #expect(BigFloat(exactly: Rational(0), precision: 2)?.isZero == true)
  }

  @Test func roundingToFewerBitsIsExactOnlyWithoutLoss() {
    let x = BigFloat(Rational(3, 8), precision: 200)
    #expect(BigFloat(exactly: x, precision: 2) == x)
    #expect(BigFloat(exactly: x, precision: 2)?.precision == 2)
    #expect(BigFloat(exactly: BigFloat(Rational(1, 3), precision: 200), precision: 199) == nil)
    #expect(BigFloat(exactly: BigFloat.nan(precision: 64), precision: 64) == nil)
  }

  @Test(arguments: [24, 53, 256, 700])
  func operationsAreExactOnlyWithoutRounding(bits: Int) {
    let one = BigFloat(1, precision: bits)
    let tiny = BigFloat.pow(BigFloat(2, precision: bits), -bits)  // half an ulp of 1
    #expect(BigFloat.exactSum(one, tiny, precision: bits) == nil)
    #expect(BigFloat.exactSum(one, tiny, precision: bits + 1) == one + BigFloat(tiny, precision: bits + 1))
    #expect(BigFloat.exactDifference(one, one, precision: 2)?.isZero == true)
    let third = BigFloat(Rational(1, 3), precision: bits)
    #expect(BigFloat.exactProduct(third, third, precision: bits) == nil)
    #expect(BigFloat.exactProduct(third, third, precision: 2 * bits) != nil)
    #expect(BigFloat.exactQuotient(one, BigFloat(3, precision: bits), precision: 10_000) == nil)
    #expect(BigFloat.exactQuotient(third, BigFloat(Rational(1, 4)), precision: bits) == 4 * third)
    #expect(BigFloat.exactQuotient(one, BigFloat(0, precision: bits), precision: bits) == nil)
    #expect(BigFloat.exactQuotient(BigFloat(0, precision: bits), BigFloat(0, precision: bits), precision: bits) == nil)
  }
}
