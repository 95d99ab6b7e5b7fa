import Numeric
import Testing

@testable import Verify

@Suite struct DecimalFormatTests {
  @Test(arguments: [
    ("0.0123", "0.0123"), ("17.4", "17.4"), ("-1.785894", "-1.78589"), ("1e-12", "1e-12"),
    ("2", "2"), ("100000", "100000"), ("1234567", "1.23457e6"), ("0.001", "0.001"),
    ("0.0009", "9e-4"), ("-0", "-0"), ("nan", "nan"), ("120", "120"),
  ])
  func shortFormIsPositionalForModerateExponents(text: String, expected: String) throws {
    #expect(DecimalFormat.short(try BigFloat(parsing: text, precision: 64)) == expected)
  }

  @Test func fixedHasTwoDecimals() {
    #expect(DecimalFormat.fixed(-0.004) == "0.00")
    #expect(DecimalFormat.fixed(-1.5) == "-1.50")
    #expect(DecimalFormat.fixed(273.333) == "273.33")
  }

  @Test func fullFormHasEveryDigitThePrecisionSupports() {
    let third = BigFloat(Rational(1, 3), precision: 256)
    #expect(DecimalFormat.full(third) == "3." + String(repeating: "3", count: 76) + "e-1")
  }
}
