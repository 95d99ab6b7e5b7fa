import Foundation
import Numeric

/// The decimal forms of numbers in reports. All are exact functions of the value, so reports
/// are byte-identical across runs and machines.
enum DecimalFormat {
  /// Every digit the value's precision supports, `⌊p · log₁₀ 2⌋` (77 at 256 bits): named values.
  static func full(_ x: BigFloat) -> String {
    x.decimalString(significantDigits: max(1, Int(Double(x.precision) * log10(2.0))))
  }

  /// 17 significant digits, enough to identify a binary64 number: measured values, ladders and
  /// controls in JSON, which are diagnostics rather than results.
  static func json(_ x: BigFloat) -> String { x.decimalString(significantDigits: 17) }

  /// 6 significant digits, for Markdown tables a person reads.
  static func short(_ x: BigFloat) -> String { readable(x, significantDigits: 6) }

  /// `x` to `digits` significant digits, positional (`0.0123`, `17.4`) when its decimal
  /// exponent is in −3...5 and scientific (`1.5e-12`) otherwise.
  static func readable(_ x: BigFloat, significantDigits digits: Int) -> String {
    let scientific = x.decimalString(significantDigits: digits)
    let parts = scientific.split(separator: "e")
    let exponent = parts.count == 2 ? Int(parts[1])! : 0
    guard x.isFinite, !x.isZero, (-3...5).contains(exponent) else { return scientific }
    let sign = x.isNegative ? "-" : ""
    let significand = parts[0].filter(\.isNumber)
    if exponent < 0 {
      return sign + "0." + String(repeating: "0", count: -exponent - 1) + significand
    }
    let padded =
      significand + String(repeating: "0", count: max(0, exponent + 1 - significand.count))
    let fraction = padded.dropFirst(exponent + 1)
    return sign + padded.prefix(exponent + 1) + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// `value` with exactly two decimals, from integer arithmetic (no locale, no libc printf).
  static func fixed(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = hundredths.magnitude
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
