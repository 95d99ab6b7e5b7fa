import CMPFR
import Testing
@testable import Numeric

@Suite struct BigFloatSemanticsTests {
  /// Both representations: inline (≤ 512 bits) and heap (> 512 bits).
  static let precisions = [64, 512, 513, 2048]

  @Test(arguments: precisions)
  func aliasedInPlaceOperations(bits: Int) {
    withPrecision(bits) {
      let a = BigFloat(Rational(7, 3))
      var x = a
      x *= x
      #expect(x == a * a)
      x = a
      x += x
      #expect(x == a * 2)
      x = a
      x -= x
      #expect(x.isZero)
      x = a
      x /= x
      #expect(x == 1)
      x = a
      x.addProduct(x, x)
      #expect(x == (BigFloat(a, precision: 4 * bits) * a + a).rounded(toPrecision: bits))
      x = a
      x.addRoundedProduct(x, x)
      #expect(x == a + a * a)
    }
  }

  @Test(arguments: precisions)
  func mutatingACopyLeavesTheOriginal(bits: Int) {
    withPrecision(bits) {
      let original = BigFloat(Rational(1, 7))
      var copy = original
      copy += 1
      copy.negate()
      copy.setProduct(copy, copy)
      copy.withMutableMPFR { _ = mpfr_set_si($0, 42, MPFR_RNDN) }
      #expect(copy == 42)
      #expect(original == BigFloat(Rational(1, 7)))
      #expect(original.precision == bits)
    }
  }

  @Test func mixedPrecisionTakesTheLarger() {
    let narrow = BigFloat(1, precision: 64)
    let wide = BigFloat(3, precision: 700)
    #expect((narrow / wide).precision == 700)
    #expect((wide - narrow).precision == 700)
    var x = narrow
    x /= wide
    #expect(x.precision == 700)
    #expect(x == BigFloat(Rational(1, 3), precision: 700))
    #expect(BigFloat.exp(narrow).precision == 64)
  }

  @Test func specialValuesAreObservable() {
    withPrecision(128) {
      let zero = BigFloat.zero
      let one = BigFloat(1)
      let infinity = one / zero
      let nan = zero / zero
      #expect(infinity.isInfinite && !infinity.isFinite && !infinity.isNaN)
      #expect(nan.isNaN && !nan.isFinite)
      #expect(nan != nan)
      #expect(!(nan < one) && !(nan > one) && !(nan <= nan))
      #expect((-one / zero).isNegative)
      #expect(BigFloat.log(-one).isNaN)
      #expect(BigFloat.sqrt(-one).isNaN)
      #expect(zero == -zero)
      #expect(zero.hashValue == (-zero).hashValue)
      #expect(zero.reciprocal == nil && infinity.reciprocal == nil)
      #expect(BigFloat.maximum(one, nan).isNaN && BigFloat.minimum(nan, one).isNaN)
      #expect(nan.description == "nan" && infinity.description == "inf")
      #expect(Int(nan) == nil && Int(infinity) == nil)
      #expect(Double(exactly: infinity.doubleValue) == .infinity)
    }
  }

  @Test func zeroUsesMPFRsOwnEncoding() {
    var header = __mpfr_struct()
    var limb: mp_limb_t = 0
    mpfr_custom_init_set(&header, Int32(MPFR_ZERO_KIND.rawValue), 0, 1, &limb)
    #expect(header._mpfr_exp == BigFloat.zeroExponent)
    #expect(BigFloat(precision: 64).isZero && BigFloat(precision: 600).isZero)
  }

  @Test func equalValuesOfDifferentPrecisionsHashAlike() {
    let a = BigFloat(Rational(3, 8), precision: 53)
    let b = BigFloat(Rational(3, 8), precision: 1000)
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(Set([a, b, BigFloat(Rational(3, 8), precision: 200)]).count == 1)
    #expect(a.hashValue != BigFloat(Rational(5, 8), precision: 53).hashValue)
  }

  @Test func comparisonsAcrossPrecisions() {
    let third = BigFloat(Rational(1, 3), precision: 600)
    let coarse = BigFloat(Rational(1, 3), precision: 24)
    #expect(coarse != third)
    #expect((coarse < third) != (coarse > third))
    #expect(BigFloat.minimum(coarse, third) <= BigFloat.maximum(coarse, third))
  }
}
