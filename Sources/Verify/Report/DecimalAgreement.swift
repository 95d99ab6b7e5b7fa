import Numeric

/// Whether two reported values say the same thing to the digits each claims.
///
/// A value written with digits (`1.2345e-3`) stands for every real within half a unit of its
/// last digit; two such values agree when those intervals meet, i.e.
/// `|a − b| < ulp(a)/2 + ulp(b)/2`. So a value recomputed at a higher precision agrees with
/// its committed shorter form, and a value that moved in a digit it claims does not. Exact
/// rationals (`p/q`) and integers agree only when equal; anything else (`B`, `true`, `nan`)
/// only when the texts are equal.
enum DecimalAgreement {
  static func agree(_ a: String, _ b: String) -> Bool {
    guard a != b else { return true }
    guard let x = decimal(a), let y = decimal(b) else { return false }
    return (x.value - y.value).magnitude < x.halfUnit + y.halfUnit
  }

  /// The value of `text` and half a unit in its last digit (0 for integers and `p/q`, which
  /// are exact), or nil when it is not a number.
  static func decimal(_ text: String) -> (value: Rational, halfUnit: Rational)? {
    if text.contains("/") {
      return NumberSyntax.rational(Substring(text)).map { ($0, Rational(0)) }
    }
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let value = Int(text[text.index(after: e)...]) else { return nil }
      exponent = value
      mantissa = text[..<e]
    }
    guard let value = NumberSyntax.rational(mantissa) else { return nil }
    let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 }
    guard let decimals else { return (value * Rational.pow(10, exponent), Rational(0)) }
    return (
      value * Rational.pow(10, exponent), Rational(1, 2) * Rational.pow(10, exponent - decimals)
    )
  }
}
