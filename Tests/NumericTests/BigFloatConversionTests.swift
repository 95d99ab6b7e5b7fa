import CMPFR
import Testing
@testable import Numeric

@Suite struct BigFloatConversionTests {
  /// A rational's conversion takes MPFR's division by a limb when both parts are one limb and
  /// the numerator fits the precision: the bits of `mpfr_set_q` on both routes, at random
  /// precisions, signs and sizes (one limb, the limb's largest value, two limbs, a numerator
  /// wider than the precision).
  @Test func rationalsRoundAsMPFRSetQ() {
    var generator = SplitMix64(seed: 41)
    func part() -> BigInt {
      switch generator.next() % 5 {
      case 0: return BigInt(generator.next() % 1000 + 1)
      case 1: return BigInt(UInt64.max)
      case 2: return BigInt(generator.next() | 1) * BigInt(generator.next() | 1)
      default: return BigInt(generator.next() >> (generator.next() % 64) | 1)
      }
    }
    for _ in 0..<2000 {
      let bits = 2 + Int(generator.next() % 600)
      let sign = generator.next() % 2 == 0 ? BigInt(1) : BigInt(-1)
      let numerator = generator.next() % 10 == 0 ? BigInt(0) : sign * part()
      let value = Rational(numerator, part())
      var reference = BigFloat(precision: bits)
      reference.withMutableMPFR { x in value.withMPQ { q in _ = mpfr_set_q(x, q, MPFR_RNDN) } }
      let converted = BigFloat(value, precision: bits)
      #expect(converted == reference && converted.isNegative == reference.isNegative, "\(value) at \(bits) bits")
      #expect(converted.precision == bits)
    }
  }

  @Test(arguments: [24, 53, 256, 512, 600, 2000])
  func decimalRoundTrip(bits: Int) throws {
    var generator = SplitMix64(seed: UInt64(bits))
    for _ in 0..<50 {
      let exponent = Int(generator.next() % 200) - 100
      let value = BigFloat(generator.nextSymmetric(scale: 1), precision: bits)
        * BigFloat.pow(BigFloat(10, precision: bits), exponent)
      let text = value.description
      #expect(try BigFloat(parsing: text, precision: bits) == value, "\(text)")
    }
  }

  @Test func decimalParsingIsCorrectlyRounded() throws {
    // 0.1 at 53 bits is the binary64 nearest 0.1.
    #expect(try BigFloat(parsing: "0.1", precision: 53).doubleValue == 0.1)
    #expect(try BigFloat(parsing: "-1.25e-3", precision: 64) == BigFloat(Rational(-1, 800), precision: 64))
    #expect(try BigFloat(parsing: "inf").isInfinite)
    #expect(try BigFloat(parsing: "nan").isNaN)
  }

  @Test(arguments: ["", " 1", "1 ", "1.2.3", "abc", "1e", "0x", "--1", "1/3", "١"])
  func malformedTextIsRejected(text: String) {
    #expect(throws: NumberFormatError.self) { try BigFloat(parsing: text) }
    #expect(BigFloat(text) == nil)
  }

  @Test func significantDigitsAreCorrectlyRounded() {
    withPrecision(256) {
      let twoThirds = BigFloat(2) / 3
      #expect(twoThirds.decimalString(significantDigits: 5) == "6.6667e-1")
      #expect((-twoThirds * 1000).decimalString(significantDigits: 3) == "-6.67e2")
      #expect(BigFloat(Rational(1, 8)).decimalString(significantDigits: 10) == "1.25e-1")
      #expect(BigFloat(12345).decimalString(significantDigits: 2) == "1.2e4")
    }
  }

  @Test func exactConversions() {
    // Every binary64 is exact at ≥ 53 bits, even when the working precision is lower.
    let d = 0.1
    #expect(BigFloat(d, precision: 24).precision == 53)
    #expect(Rational(exactly: BigFloat(d)) == Rational(exactly: d))
    #expect(BigFloat(Int.max, precision: 64) == BigFloat(BigInt(Int.max), precision: 64))
    #expect(BigInt(exactly: BigFloat(Rational(7, 2))) == nil)
    #expect(BigInt(exactly: BigFloat(-12345)) == BigInt(-12345))
    #expect(Int(BigFloat(-7.5)) == -7)
    #expect(Int(BigFloat(-7.5), rounding: .down) == -8)
    let huge = BigInt.pow(BigInt(10), 40)
    // 10^40 = 2^40 · 5^40 needs 93 significant bits.
    withPrecision(64) { #expect(BigFloat(exactly: huge) == nil) }
    withPrecision(93) { #expect(BigFloat(exactly: huge) != nil) }
    #expect(Rational(1, 3).doubleValue == 1.0 / 3.0)
  }
}
