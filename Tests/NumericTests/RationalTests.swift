import Testing
@testable import Numeric

@Suite struct RationalTests {
  @Test func canonicalForm() {
    #expect(Rational(6, -4).description == "-3/2")
    #expect(Rational(6, -4).numerator == BigInt(-3) && Rational(6, -4).denominator == BigInt(2))
    #expect(Rational(0, -5).description == "0")
    #expect(Rational(10, 5).isInteger)
    #expect(Rational(2, 4) == Rational(1, 2))
    #expect(Rational(2, 4).hashValue == Rational(1, 2).hashValue)
  }

  @Test func exactIdentities() {
    let third = Rational(1, 3)
    #expect(third + Rational(1, 6) == Rational(1, 2))
    #expect(third * 3 == 1)
    #expect(third - third == 0)
    #expect(Rational(3, 4) / Rational(9, 8) == Rational(2, 3))
    #expect(Rational.pow(Rational(-2, 3), 3) == Rational(-8, 27))
    #expect(Rational.pow(Rational(2, 3), -2) == Rational(9, 4))
    #expect(Rational.pow(Rational(5, 7), 0) == 1)
    // Σ_{k=1}^{n} 1/(k(k+1)) = n/(n+1), exactly.
    var sum = Rational(0)
    for k in 1...200 { sum += Rational(1, k * (k + 1)) }
    #expect(sum == Rational(200, 201))
    #expect(Rational(-3, 4).magnitude == Rational(3, 4))
    #expect(Rational(1, 3) < Rational(1, 2) && Rational(-1, 2) < Rational(-1, 3))
  }

  @Test func parsing() throws {
    #expect(try Rational(parsing: "-3/4") == Rational(-3, 4))
    #expect(try Rational(parsing: "7") == 7)
    #expect(try Rational(parsing: "1.25e-3") == Rational(1, 800))
    #expect(try Rational(parsing: "-0.5") == Rational(-1, 2))
    #expect(try Rational(parsing: "2E2") == 200)
    #expect(try Rational(parsing: "123456789012345678901234567890/3").numerator
      == BigInt(parsing: "41152263004115226300411522630"))
  }

  @Test(arguments: ["", "1/0", "abc", "1/", "/2", "1.2.3", "1e", "3/4/5", "1/-0", "+", "1e999999"])
  func malformedRationalsAreRejected(text: String) {
    #expect(throws: NumberFormatError.self) { try Rational(parsing: text) }
  }

  @Test func descriptionRoundTrips() throws {
    var generator = SplitMix64(seed: 9)
    for _ in 0..<100 {
      let value = generator.nextSymmetric(scale: Rational(1000, 7))
      #expect(try Rational(parsing: value.description) == value)
    }
  }

  @Test func conversionToBigFloatIsCorrectlyRounded() {
    let third = Rational(1, 3)
    let x = BigFloat(third, precision: 100)
    let error = Rational(exactly: x)! - third
    // |error| ≤ half an ulp: 2^-(100 + 2) since 1/3 is in [2^-2, 2^-1).
    #expect(error.magnitude <= Rational(1) / Rational(BigInt.pow(2, 102)))
  }

  @Test func bigIntegerArithmetic() throws {
    let a = try BigInt(parsing: "-123456789012345678901234567890")
    let b = BigInt(987654321)
    #expect((a * b) / b == a)
    #expect(a % b == a - (a / b) * b)
    #expect(BigInt.gcd(BigInt(84), BigInt(-36)) == BigInt(12))
    #expect(BigInt.pow(BigInt(2), 100).description == "1267650600228229401496703205376")
    #expect(BigInt(Int.min).description == String(Int.min))
    #expect(BigInt(UInt64.max).description == String(UInt64.max))
    #expect(a.magnitude.signum == 1 && a.signum == -1 && BigInt(0).isZero)
    #expect(throws: NumberFormatError.self) { try BigInt(parsing: "12a") }
  }

  @Test func splitMix64MatchesTheConventionsCheckValues() {
    var generator = SplitMix64(seed: 1)
    #expect(generator.next() == 0x910a_2dec_8902_5cc1)
    #expect(generator.next() == 0xbeeb_8da1_658e_ec67)
    #expect(generator.next() == 0xf893_a2ee_fb32_555e)
  }
}
