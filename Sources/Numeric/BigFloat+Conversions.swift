import CGMP
import CMPFR

extension BigFloat {
  /// `value` rounded to `precision` bits (default: the working precision).
  @inlinable
  public init(_ value: Int, precision: Int = Precision.bits) {
    self.init(precision: precision)
    withMutableMPFR { _ = mpfr_set_si($0, value, MPFR_RNDN) }
  }

  /// `value` exactly: the precision is at least 53 bits so that no binary64 value is rounded.
  @inlinable
  public init(_ value: Double, precision: Int = Precision.bits) {
    self.init(precision: Swift.max(precision, 53))
    withMutableMPFR { _ = mpfr_set_d($0, value, MPFR_RNDN) }
  }

  /// `value` correctly rounded to `precision` bits.
  ///
  /// A numerator and a denominator of one limb each, the numerator no wider than `precision`
  /// (the rationals claims write and draw), take MPFR's division by a limb: the numerator's
  /// magnitude set exactly, `mpfr_div_ui` rounding once, the sign applied after (rounding to
  /// nearest is symmetric). One correct rounding of the same quotient, so the bits of
  /// `mpfr_set_q`, which divides two integers as multi-limb numbers: 42 against 112 ns at 256
  /// bits here, 32 of them in chow-rule's `bench claims` kernel.
  public init(_ value: Rational, precision: Int = Precision.bits) {
    self.init(precision: precision)
    withMutableMPFR { x in
      value.withMPQ { q in
        let (numerator, denominator) = (q.pointee._mp_num, q.pointee._mp_den)
        let magnitude = numerator._mp_size.magnitude == 1 ? numerator._mp_d[0] : 0
        guard denominator._mp_size == 1, numerator._mp_size == 0 || magnitude != 0,
          mp_limb_t.bitWidth - magnitude.leadingZeroBitCount <= precision
        else {
          _ = mpfr_set_q(x, q, MPFR_RNDN)
          return
        }
        mpfr_set_ui(x, UInt(magnitude), MPFR_RNDN)
        mpfr_div_ui(x, x, UInt(denominator._mp_d[0]), MPFR_RNDN)
        if numerator._mp_size < 0 { mpfr_neg(x, x, MPFR_RNDN) }
      }
    }
  }

  /// `value` correctly rounded to `precision` bits.
  public init(_ value: BigInt, precision: Int = Precision.bits) {
    self.init(precision: precision)
    withMutableMPFR { x in value.withMPZ { z in _ = mpfr_set_z(x, z, MPFR_RNDN) } }
  }

  /// `value` if it is exactly representable with `precision` bits, else nil.
  public init?(exactly value: BigInt, precision: Int = Precision.bits) {
    self.init(value, precision: precision)
    guard BigInt(exactly: self) == value else { return nil }
  }

  /// `value` rounded to `precision` bits.
  @inlinable
  public init(_ value: BigFloat, precision: Int) {
    self = value.rounded(toPrecision: precision)
  }

  /// Parses a decimal (or `0x` hexadecimal) floating-point literal such as `-1.25e-3`,
  /// correctly rounded to `precision` bits. Also accepts `inf`, `-inf` and `nan`.
  ///
  /// - Throws: `NumberFormatError` when the text is empty, has surrounding spaces, or has
  ///   characters after the number.
  public init(parsing text: String, precision: Int = Precision.bits) throws {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
      !first.properties.isWhitespace, !last.properties.isWhitespace
    else { throw NumberFormatError(text: text, expected: "a decimal number such as -1.25e-3") }
    self.init(precision: precision)
    let consumedAll = withMutableMPFR { x in
      text.withCString { start in
        var end: UnsafeMutablePointer<CChar>? = nil
        _ = mpfr_strtofr(x, start, &end, 0, MPFR_RNDN)
        return end.map { $0 == UnsafeMutablePointer(mutating: start) + text.utf8.count } ?? false
      }
    }
    guard consumedAll else {
      throw NumberFormatError(text: text, expected: "a decimal number such as -1.25e-3")
    }
  }

  /// The nearest binary64 value (±∞ beyond its range, NaN for NaN).
  @inlinable public var doubleValue: Double { withMPFR { mpfr_get_d($0, MPFR_RNDN) } }

  /// The value rounded to `digits` significant decimal digits, as `d.ddd…e±x`
  /// (`0`, `-0`, `nan`, `inf`, `-inf` for the special values).
  public func decimalString(significantDigits digits: Int) -> String {
    precondition(digits >= 1, "need at least one significant digit")
    if isNaN { return "nan" }
    if isInfinite { return isNegative ? "-inf" : "inf" }
    if isZero { return isNegative ? "-0" : "0" }
    var exponent: mpfr_exp_t = 0
    let raw = withMPFR { mpfr_get_str(nil, &exponent, 10, digits, $0, MPFR_RNDN)! }
    defer { mpfr_free_str(raw) }
    var mantissa = String(cString: raw)
    let sign = mantissa.hasPrefix("-") ? "-" : ""
    if !sign.isEmpty { mantissa.removeFirst() }
    let head = mantissa.prefix(1)
    var tail = mantissa.dropFirst()
    while tail.last == "0" { tail.removeLast() }
    let scale = Int(exponent) - 1
    return sign + head + (tail.isEmpty ? "" : "." + tail) + (scale == 0 ? "" : "e\(scale)")
  }

  /// The number of significant decimal digits that identify any `precision`-bit value.
  @inlinable
  public static func roundTripDigits(precision: Int) -> Int {
    Int(mpfr_get_str_ndigits(10, mpfr_prec_t(precision)))
  }
}

extension BigFloat: CustomStringConvertible, LosslessStringConvertible {
  /// Enough decimal digits that parsing at this precision gives back exactly this value.
  public var description: String {
    decimalString(significantDigits: BigFloat.roundTripDigits(precision: precision))
  }

  /// Parses `description` at the working precision; nil for malformed text.
  public init?(_ description: String) {
    try? self.init(parsing: description)
  }
}

extension BigFloat: CustomDebugStringConvertible {
  public var debugDescription: String { "BigFloat(\(description), precision: \(precision))" }
}

extension BigFloat: ExpressibleByIntegerLiteral {
  @inlinable
  public init(integerLiteral value: Int) {
    self.init(value)
  }
}

extension Int {
  /// `value` rounded to an integer by `rounding`; nil for NaN, ±∞ or values out of range.
  public init?(_ value: BigFloat, rounding: FloatingPointRoundingRule = .towardZero) {
    guard value.isFinite else { return nil }
    let fits = value.withMPFR { mpfr_fits_slong_p($0, rounding.mpfr) != 0 }
    guard fits else { return nil }
    self = value.withMPFR { mpfr_get_si($0, rounding.mpfr) }
  }
}

/// Text that is not a number of the expected form.
public struct NumberFormatError: Error, CustomStringConvertible, Equatable {
  /// The text that failed to parse.
  public let text: String
  /// What the parser expected instead.
  public let expected: String

  public init(text: String, expected: String) {
    self.text = text
    self.expected = expected
  }

  public var description: String { "'\(text)' is not \(expected)" }
}
