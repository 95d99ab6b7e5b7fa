import Numeric

/// Renders a ``RatePlot`` as a self-contained SVG document. Hand-written text with coordinates
/// rounded to hundredths of a pixel, so the same plot gives the same bytes everywhere.
enum SVGWriter {
  static func render(_ plot: RatePlot) -> String {
    let lines = [plot.fitted, plot.claimed, plot.band.low, plot.band.high]
    let all = plot.points + lines.flatMap { [$0.start, $0.end] }
    let canvas = PlotCanvas(
      u: all.map(\.u), v: all.map(\.v), logarithmicX: plot.scale.logarithmicX,
      logarithmicY: plot.scale.logarithmicY)
    let (x, y) = (canvas.x, canvas.y)
    func segment(_ line: (start: RatePlot.Point, end: RatePlot.Point)) -> String {
      "x1=\"\(x(line.start.u))\" y1=\"\(y(line.start.v))\" x2=\"\(x(line.end.u))\" y2=\"\(y(line.end.v))\""
    }
    let (low, high) = plot.band
    var svg = canvas.background(title: plot.title) + legend(plot)
      + canvas.frame(xLabel: plot.xLabel, yLabel: plot.yLabel)
    svg += """
      <polygon points="\(x(low.start.u)),\(y(low.start.v)) \(x(low.end.u)),\(y(low.end.v)) \
      \(x(high.end.u)),\(y(high.end.v)) \(x(high.start.u)),\(y(high.start.v))" \
      fill="#1f77b4" fill-opacity="0.18" stroke="none"/>

      """
    let radius = PlotCanvas.markerRadius(count: plot.points.count)
    for point in plot.points {
      svg += "<circle cx=\"\(x(point.u))\" cy=\"\(y(point.v))\" r=\"\(radius)\" fill=\"#333333\" fill-opacity=\"0.7\"/>\n"
    }
    // The lines last, so neither the markers nor the band hide them; the claim on top.
    svg += """
      <line \(segment(plot.fitted)) stroke="#1f77b4" stroke-width="2"/>
      <line \(segment(plot.claimed)) stroke="#d62728" stroke-width="2" stroke-dasharray="7 4"/>
      </svg>

      """
    return svg
  }

  /// Data and claim in one row, the fit with its band in the next, above the plot area.
  private static func legend(_ plot: RatePlot) -> String {
    let (first, second, left, f) = (38.0, 56.0, PlotCanvas.left, PlotCanvas.fixed)
    return """
      <circle cx="\(f(left + 13))" cy="\(f(first))" r="4" fill="#333333" fill-opacity="0.7"/>
      <text x="\(f(left + 32))" y="\(f(first))" dominant-baseline="middle">\
      data (\(plot.points.count) points)</text>
      <line x1="\(f(left + 260))" y1="\(f(first))" x2="\(f(left + 286))" \
      y2="\(f(first))" stroke="#d62728" stroke-width="2" stroke-dasharray="7 4"/>
      <text x="\(f(left + 292))" y="\(f(first))" dominant-baseline="middle">\
      claimed slope \(plot.claimedSlope)</text>
      <rect x="\(f(left))" y="\(f(second - 7))" width="26" height="14" fill="#1f77b4" \
      fill-opacity="0.18"/>
      <line x1="\(f(left))" y1="\(f(second))" x2="\(f(left + 26))" y2="\(f(second))" \
      stroke="#1f77b4" stroke-width="2"/>
      <text x="\(f(left + 32))" y="\(f(second))" dominant-baseline="middle">\
      fitted slope \(plot.fittedSlope), its 95 % interval shaded</text>

      """
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
