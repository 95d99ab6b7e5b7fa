import Numeric

/// The ticks of one plot axis at values a reader can read: on a logarithmic axis the powers of
/// ten, with 2 and 5 of each decade when fewer than three decades show; on a linear axis
/// multiples of 1, 2 or 5 times a power of ten, four to seven of them.
///
/// Axis coordinates are `log₁₀` of the value on a logarithmic axis, the value otherwise.
struct PlotAxis {
  var range: ClosedRange<Double>
  var logarithmic: Bool

  /// The tick positions inside `range`, in axis coordinates.
  var ticks: [Double] {
    logarithmic ? logarithmicTicks : linearTicks
  }

  private var linearTicks: [Double] {
    let span = range.upperBound - range.lowerBound
    let raw = span / 7
    let decade = Self.exp10((Self.log10(raw)).rounded(.down))
    let step = [1.0, 2, 5, 10].map { $0 * decade }.first { $0 >= raw } ?? 10 * decade
    let first = (range.lowerBound / step).rounded(.up)
    let last = (range.upperBound / step).rounded(.down)
    guard first <= last else { return [] }
    // `+ 0` turns the −0 that rounding up a small negative gives into 0 (a "-0" label).
    return stride(from: first, through: last, by: 1).map { $0 * step + 0 }
  }

  private var logarithmicTicks: [Double] {
    let decades = Int((range.lowerBound).rounded(.down))...Int((range.upperBound).rounded(.up))
    // With few decades in view, 2 and 5 of each decade too; with many, every k-th power.
    let mantissas: [Double] = range.upperBound - range.lowerBound <= 3 ? [1, 2, 5] : [1]
    let every = max(1, decades.count / 6)
    var ticks: [Double] = []
    for e in decades where e % every == 0 {
      for m in mantissas {
        let t = Double(e) + Self.log10(m)
        if range.contains(t) { ticks.append(t) }
      }
    }
    return ticks
  }

  /// The value at tick `t` in plain words: `1e-5`, `2e-5`, `100`, `0.5`, `1.5`.
  func label(_ t: Double) -> String {
    if logarithmic {
      let exponent = Int(t.rounded(.down))
      let mantissa = Int(Self.exp10(t - Double(exponent)).rounded())
      if (-2...3).contains(exponent) {
        return DecimalFormat.readable(
          BigFloat(Double(mantissa), precision: 53) * BigFloat.exp10(BigFloat(exponent)),
          significantDigits: 1)
      }
      return "\(mantissa)e\(exponent)"
    }
    return DecimalFormat.readable(BigFloat(t, precision: 53), significantDigits: 3)
  }
}

extension PlotAxis {
  // MPFR's correctly rounded functions rather than libm's, so the SVG bytes are the same on
  // every machine.
  static func log10(_ x: Double) -> Double { BigFloat.log10(BigFloat(x, precision: 53)).doubleValue }
  static func exp10(_ x: Double) -> Double { BigFloat.exp10(BigFloat(x, precision: 53)).doubleValue }
}
