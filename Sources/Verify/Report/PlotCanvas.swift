/// The frame every ClaimCheck figure shares: a white page with a title, a legend band above
/// the plot area (so no legend covers data), grid lines and ticks at readable values
/// (``PlotAxis``), and axis labels. Coordinates are rounded to hundredths of a pixel so a
/// figure has the same bytes everywhere.
struct PlotCanvas {
  static let width = 640.0
  static let height = 420.0
  static let (left, right, top, bottom) = (80.0, 20.0, 76.0, 60.0)

  var xAxis: PlotAxis
  var yAxis: PlotAxis

  /// The axes padded 8 % beyond the data on each side.
  init(u: [Double], v: [Double], logarithmicX: Bool, logarithmicY: Bool) {
    xAxis = PlotAxis(range: Self.padded(u), logarithmic: logarithmicX)
    yAxis = PlotAxis(range: Self.padded(v), logarithmic: logarithmicY)
  }

  func x(_ u: Double) -> String {
    Self.fixed(Self.left + (u - xAxis.range.lowerBound) / Self.span(xAxis.range)
      * (Self.width - Self.left - Self.right))
  }

  func y(_ v: Double) -> String {
    Self.fixed(Self.height - Self.bottom - (v - yAxis.range.lowerBound) / Self.span(yAxis.range)
      * (Self.height - Self.top - Self.bottom))
  }

  /// The page, the title, the grid and the ticks: what goes under the data.
  func background(title: String) -> String {
    let (left, right, top, bottom, width, height) = (
      Self.left, Self.right, Self.top, Self.bottom, Self.width, Self.height
    )
    let f = Self.fixed
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" \
      viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="12">
      <title>\(SVGWriter.escape(title))</title>
      <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="white"/>
      <text x="\(f(width / 2))" y="20" text-anchor="middle" font-size="14">\(SVGWriter.escape(title))</text>

      """
    for tick in xAxis.ticks {
      svg += """
        <line x1="\(x(tick))" y1="\(f(top))" x2="\(x(tick))" y2="\(f(height - bottom))" \
        stroke="#e4e4e4"/>
        <line x1="\(x(tick))" y1="\(f(height - bottom))" x2="\(x(tick))" \
        y2="\(f(height - bottom + 5))" stroke="black"/>
        <text x="\(x(tick))" y="\(f(height - bottom + 18))" text-anchor="middle">\
        \(xAxis.label(tick))</text>

        """
    }
    for tick in yAxis.ticks {
      svg += """
        <line x1="\(f(left))" y1="\(y(tick))" x2="\(f(width - right))" y2="\(y(tick))" \
        stroke="#e4e4e4"/>
        <line x1="\(f(left - 5))" y1="\(y(tick))" x2="\(f(left))" y2="\(y(tick))" \
        stroke="black"/>
        <text x="\(f(left - 8))" y="\(y(tick))" text-anchor="end" dominant-baseline="middle">\
        \(yAxis.label(tick))</text>

        """
    }
    return svg
  }

  /// The plot area's border and the axis labels.
  func frame(xLabel: String, yLabel: String) -> String {
    let (left, right, top, bottom, width, height) = (
      Self.left, Self.right, Self.top, Self.bottom, Self.width, Self.height
    )
    let f = Self.fixed
    let middle = f((top + height - bottom) / 2)
    return """
      <rect x="\(f(left))" y="\(f(top))" width="\(f(width - left - right))" \
      height="\(f(height - top - bottom))" fill="none" stroke="black"/>
      <text x="\(f((left + width - right) / 2))" y="\(f(height - 15))" \
      text-anchor="middle">\(SVGWriter.escape(xLabel))\(xAxis.logarithmic ? " (log scale)" : "")</text>
      <text x="15" y="\(middle)" text-anchor="middle" transform="rotate(-90 15 \(middle))">\
      \(SVGWriter.escape(yLabel))\(yAxis.logarithmic ? " (log scale)" : "")</text>

      """
  }

  /// Large markers for a handful of points, small ones for hundreds, so they never hide a
  /// line: `r = 14/√n` pixels within [1.5, 4].
  static func markerRadius(count: Int) -> String {
    fixed(min(4, max(1.5, 14 / Double(count).squareRoot())))
  }

  /// Coordinates with two decimals.
  static func fixed(_ value: Double) -> String { DecimalFormat.fixed(value) }

  private static func padded(_ values: [Double]) -> ClosedRange<Double> {
    let (low, high) = (values.min() ?? 0, values.max() ?? 1)
    let margin = high > low ? (high - low) * 0.08 : 0.5
    return (low - margin)...(high + margin)
  }

  private static func span(_ range: ClosedRange<Double>) -> Double {
    range.upperBound - range.lowerBound
  }
}
