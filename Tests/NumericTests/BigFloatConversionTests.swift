import Testing
@testable import Numeric

@Suite struct BigFloatConversionTests {
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
