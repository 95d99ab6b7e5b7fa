import Numeric

/// One check across a sweep: the measured value of each instance in sweep order, with the
/// threshold it had to meet drawn through them, so a reader sees how close the worst instance
/// came. Quantities that must vanish (residuals, gradient norms, discrepancies) are drawn as
/// magnitudes on a logarithmic axis, where exact zeros cannot be drawn and are counted instead.
struct SweepPlot {
  var title: String
  var kind: String
  /// `(instance index, log₁₀|value| or value)`.
  var points: [(u: Double, v: Double)]
  /// The threshold per instance, where the check's condition is a number.
  var thresholds: [(u: Double, v: Double)]
  var logarithmic: Bool
  var zeros: Int

  init(summary: SweepSummary, check id: String, kind: String) {
    title = "\(summary.claim) sweep: \(id)"
    self.kind = kind
    let entries = summary.rows.compactMap { row in row.checks.first { $0.id == id }.map { (row, $0) } }
    let values = entries.map { row, check in
      (Double(row.index), check.measured.flatMap { DecimalAgreement.decimal($0)?.value }, check.threshold)
    }
    logarithmic = ["identity", "critical-point", "exact"].contains(kind)
    let log = logarithmic
    func coordinate(_ value: Rational) -> Double? {
      let x = BigFloat(value, precision: 64)
      guard log else { return x.doubleValue }
      return x.isZero ? nil : BigFloat.log10(x.magnitude).doubleValue
    }
    points = values.compactMap { u, value, _ in value.flatMap(coordinate).map { (u, $0) } }
    zeros = log ? values.filter { $0.1?.isZero == true }.count : 0
    thresholds = values.compactMap { u, _, threshold in
      Self.bound(threshold).flatMap(coordinate).map { (u, $0) }
    }
  }

  /// The number in a condition such as `<= 2^-492`, `>= 1/1000` or `< 1.5e-3`; nil when the
  /// condition is not a single number (an inertia, a slope band).
  static func bound(_ condition: String) -> Rational? {
    let words = condition.split(separator: " ")
    guard words.count == 2, ["<=", ">=", "<", ">"].contains(words[0]) else { return nil }
    if words[1].hasPrefix("2^"), let e = Int(words[1].dropFirst(2)) {
      return Rational.pow(Rational(2), e)
    }
    return DecimalAgreement.decimal(String(words[1]))?.value
  }

  var svg: String {
    let canvas = PlotCanvas(
      u: (points + thresholds).map(\.u), v: (points + thresholds).map(\.v),
      logarithmicX: false, logarithmicY: logarithmic)
    let f = PlotCanvas.fixed
    var svg = canvas.background(title: title)
    svg += """
      <circle cx="\(f(PlotCanvas.left + 13))" cy="38" r="4" fill="#333333" fill-opacity="0.7"/>
      <text x="\(f(PlotCanvas.left + 32))" y="38" dominant-baseline="middle">\
      measured (\(points.count) instances\(zeros > 0 ? ", \(zeros) exactly 0 not drawn" : ""))</text>
      <line x1="\(f(PlotCanvas.left + 300))" y1="38" x2="\(f(PlotCanvas.left + 326))" y2="38" \
      stroke="#d62728" stroke-width="2" stroke-dasharray="7 4"/>
      <text x="\(f(PlotCanvas.left + 332))" y="38" dominant-baseline="middle">threshold</text>

      """
    svg += canvas.frame(
      xLabel: "instance (sweep order)", yLabel: logarithmic ? "|measured|" : "measured")
    let radius = PlotCanvas.markerRadius(count: points.count)
    for point in points {
      svg += "<circle cx=\"\(canvas.x(point.u))\" cy=\"\(canvas.y(point.v))\" r=\"\(radius)\" fill=\"#333333\" fill-opacity=\"0.7\"/>\n"
    }
    if !thresholds.isEmpty {
      let path = thresholds.map { "\(canvas.x($0.u)),\(canvas.y($0.v))" }.joined(separator: " ")
      svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>\n"
    }
    return svg + "</svg>\n"
  }
}

extension SweepSummary {
  /// One figure per check whose values can be drawn, named `<claim>-sweep-<check>.svg`.
  public var figures: [(name: String, text: String)] {
    aggregates.compactMap { aggregate in
      let plot = SweepPlot(summary: self, check: aggregate.id, kind: aggregate.kind)
      guard !plot.points.isEmpty else { return nil }
      return ("\(claim)-sweep-\(aggregate.id).svg", plot.svg)
    }
  }
}
