import Numeric

/// Renders a ``RatePlot`` as a self-contained SVG document. Hand-written text with coordinates
/// rounded to hundredths of a pixel, so the same plot gives the same bytes everywhere.
enum SVGWriter {
  static let width = 560.0
  static let height = 380.0
  static let (left, right, top, bottom) = (80.0, 20.0, 40.0, 60.0)

  static func render(_ plot: RatePlot) -> String {
    let all =
      plot.points + [plot.fitted.start, plot.fitted.end, plot.claimed.start, plot.claimed.end]
    let uRange = padded(all.map(\.u))
    let vRange = padded(all.map(\.v))
    func x(_ u: Double) -> String {
      fixed(left + (u - uRange.lowerBound) / span(uRange) * (width - left - right))
    }
    func y(_ v: Double) -> String {
      fixed(height - bottom - (v - vRange.lowerBound) / span(vRange) * (height - top - bottom))
    }
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(fixed(width))" height="\(fixed(height))" \
      viewBox="0 0 \(fixed(width)) \(fixed(height))" font-family="sans-serif" font-size="12">
      <title>\(escape(plot.title))</title>
      <rect x="0" y="0" width="\(fixed(width))" height="\(fixed(height))" fill="white"/>
      <rect x="\(fixed(left))" y="\(fixed(top))" width="\(fixed(width - left - right))" \
      height="\(fixed(height - top - bottom))" fill="none" stroke="black"/>
      <text x="\(fixed(width / 2))" y="20" text-anchor="middle">\(escape(plot.title))</text>

      """
    for tick in ticks(uRange) {
      svg += """
        <line x1="\(x(tick))" y1="\(fixed(height - bottom))" x2="\(x(tick))" \
        y2="\(fixed(height - bottom + 5))" stroke="black"/>
        <text x="\(x(tick))" y="\(fixed(height - bottom + 18))" text-anchor="middle">\
        \(label(tick, logarithmic: plot.scale.logarithmicX))</text>

        """
    }
    for tick in ticks(vRange) {
      svg += """
        <line x1="\(fixed(left - 5))" y1="\(y(tick))" x2="\(fixed(left))" y2="\(y(tick))" \
        stroke="black"/>
        <text x="\(fixed(left - 8))" y="\(y(tick))" text-anchor="end" dominant-baseline="middle">\
        \(label(tick, logarithmic: plot.scale.logarithmicY))</text>

        """
    }
    svg += """
      <text x="\(fixed((left + width - right) / 2))" y="\(fixed(height - 15))" \
      text-anchor="middle">\(escape(plot.xLabel))\(plot.scale.logarithmicX ? " (log scale)" : "")</text>
      <text x="15" y="\(fixed((top + height - bottom) / 2))" text-anchor="middle" \
      transform="rotate(-90 15 \(fixed((top + height - bottom) / 2)))">\(escape(plot.yLabel))\
      \(plot.scale.logarithmicY ? " (log scale)" : "")</text>
      <line x1="\(x(plot.fitted.start.u))" y1="\(y(plot.fitted.start.v))" \
      x2="\(x(plot.fitted.end.u))" y2="\(y(plot.fitted.end.v))" stroke="#1f77b4" stroke-width="2"/>
      <line x1="\(x(plot.claimed.start.u))" y1="\(y(plot.claimed.start.v))" \
      x2="\(x(plot.claimed.end.u))" y2="\(y(plot.claimed.end.v))" stroke="#d62728" \
      stroke-width="1.5" stroke-dasharray="6 4"/>

      """
    for point in plot.points {
      svg += "<circle cx=\"\(x(point.u))\" cy=\"\(y(point.v))\" r=\"4\" fill=\"black\"/>\n"
    }
    svg += """
      <text x="\(fixed(left + 10))" y="\(fixed(top + 18))" fill="#1f77b4">\
      fitted slope \(plot.fittedSlope)</text>
      <text x="\(fixed(left + 10))" y="\(fixed(top + 34))" fill="#d62728">\
      claimed slope \(plot.claimedSlope) (dashed)</text>
      </svg>

      """
    return svg
  }

  /// Coordinates with two decimals.
  private static func fixed(_ value: Double) -> String { DecimalFormat.fixed(value) }

  /// The range of `values`, widened by 8 % on each side (and to width 1 if it is a point).
  private static func padded(_ values: [Double]) -> ClosedRange<Double> {
    let (low, high) = (values.min()!, values.max()!)
    let margin = high > low ? (high - low) * 0.08 : 0.5
    return (low - margin)...(high + margin)
  }

  private static func span(_ range: ClosedRange<Double>) -> Double {
    range.upperBound - range.lowerBound
  }

  /// Five evenly spaced ticks inside `range`.
  private static func ticks(_ range: ClosedRange<Double>) -> [Double] {
    let step = span(range) / 6
    return (1...5).map { range.lowerBound + Double($0) * step }
  }

  /// The value at a tick: `10^t` on a logarithmic axis, `t` otherwise; 3 significant digits.
  private static func label(_ t: Double, logarithmic: Bool) -> String {
    let value = BigFloat(t, precision: 53)
    return DecimalFormat.readable(
      logarithmic ? BigFloat.exp10(value) : value, significantDigits: 3)
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
