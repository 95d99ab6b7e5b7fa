import Numeric

/// The one syntax of numbers on the command line (`--set`, lists included), so that what is
/// accepted is the same for every parameter and is what `verify list` documents:
///
/// - an integer: `0`, `7`, `-12`: an optional `-`, no `+`, no leading zeros;
/// - a rational: an integer, a fraction `p/q` with integers `p` and `q ≥ 1` (`-3/4`), or a
///   decimal with an optional exponent (`0.25`, `-1.5e-3`, `1e-7`), read exactly: `0.1` is
///   `1/10`, not the binary64 number nearest to it.
public enum NumberSyntax {
  /// The accepted forms in words, for help and error messages.
  public static let integerForms = "an integer such as 7 or -12"
  public static let rationalForms = "a rational such as 3, -3/4, 0.25 or 1e-7"

  /// Decimal exponents beyond this are refused: `1e-100000` is not a parameter anyone means,
  /// and its exact rational would be enormous.
  static let exponentLimit = 9_999

  /// `text` as an integer, or nil when it is not one in the documented form or overflows `Int`.
  public static func integer(_ text: Substring) -> Int? {
    guard isInteger(text) else { return nil }
    return Int(text)
  }

  /// `text` as an exact rational, or nil when it is not one in the documented form.
  public static func rational(_ text: Substring) -> Rational? {
    if let slash = text.firstIndex(of: "/") {
      let numerator = text[..<slash]
      let denominator = text[text.index(after: slash)...]
      guard isInteger(numerator), isDigits(denominator), denominator.first != "0" || denominator == "0",
        let p = BigInt(String(numerator)), let q = BigInt(String(denominator)), !q.isZero
      else { return nil }
      return Rational(p, q)
    }
    var mantissa = text
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      var digits = text[text.index(after: e)...]
      let negative = digits.first == "-"
      if negative { digits = digits.dropFirst() }
      guard isDigits(digits), let value = Int(digits), value <= exponentLimit else { return nil }
      exponent = negative ? -value : value
      mantissa = text[..<e]
    }
    let negative = mantissa.first == "-"
    let unsigned = negative ? mantissa.dropFirst() : mantissa
    let (whole, fraction): (Substring, Substring)
    if let point = unsigned.firstIndex(of: ".") {
      (whole, fraction) = (unsigned[..<point], unsigned[unsigned.index(after: point)...])
      guard !fraction.isEmpty, isDigits(fraction) else { return nil }
    } else {
      (whole, fraction) = (unsigned, "")
    }
    guard isDigits(whole), whole.first != "0" || whole == "0",
      let significand = BigInt(String(whole + fraction))
    else { return nil }
    let value = Rational(negative ? -significand : significand)
    return value * Rational.pow(Rational(10), exponent - fraction.count)
  }

  private static func isDigits(_ text: Substring) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
  }

  private static func isInteger(_ text: Substring) -> Bool {
    let digits = text.first == "-" ? text.dropFirst() : text
    return isDigits(digits) && (digits.first != "0" || digits == "0")
  }
}
