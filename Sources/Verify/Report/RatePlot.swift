import Numeric

/// The picture of a rate check: the data, the least-squares line and the claimed slope through
/// the data's centroid, on the axes of the check's scale.
///
/// Coordinates are `u = log₁₀ x` (or `x`) and `v = log₁₀ y` (or `y`), computed in MPFR and
/// rounded to binary64, so the SVG text is identical on every machine.
public struct RatePlot: Sendable {
  public var title: String
  public var scale: RateCheck.Scale
  public var xLabel: String
  public var yLabel: String
  public var points: [Point]
  public var fitted: (start: Point, end: Point)
  public var claimed: (start: Point, end: Point)
  /// The lines through the fit's centroid at the two ends of the slope's 95 % interval: the
  /// band the data allow for the slope.
  public var band: (low: (start: Point, end: Point), high: (start: Point, end: Point))
  /// The claimed slope, for the legend.
  public var claimedSlope: String
  public var fittedSlope: String

  public struct Point: Sendable {
    public var u: Double
    public var v: Double
  }

  init(check: RateCheck, x: [BigFloat], y: [BigFloat], fit: LinearFit<BigFloat>) {
    let ln10 = BigFloat.log(BigFloat(10, precision: fit.slope.precision))
    let scale = check.scale
    // The fit works in ln x and ln y on logarithmic axes; the plot in log₁₀ x and log₁₀ y.
    let abscissae = scale.logarithmicX ? x.map { BigFloat.log($0) } : x
    let (low, high) = (abscissae.min()!, abscissae.max()!)
    let meanX = abscissae.reduce(BigFloat.zero, +) / BigFloat(abscissae.count)
    let meanY = fit.intercept + fit.slope * meanX
    let kappa = BigFloat(check.exponent, precision: fit.slope.precision)
    func point(_ fitX: BigFloat, _ fitY: BigFloat) -> Point {
      Point(
        u: (scale.logarithmicX ? fitX / ln10 : fitX).doubleValue,
        v: (scale.logarithmicY ? fitY / ln10 : fitY).doubleValue)
    }
    title = check.id
    self.scale = scale
    xLabel = check.xLabel
    yLabel = check.yLabel
    points = zip(abscissae, y).map { u, y in point(u, scale.logarithmicY ? BigFloat.log(y) : y) }
    fitted = (
      point(low, fit.intercept + fit.slope * low), point(high, fit.intercept + fit.slope * high)
    )
    claimed = (
      point(low, meanY + kappa * (low - meanX)), point(high, meanY + kappa * (high - meanX))
    )
    let line = { (slope: BigFloat) in
      (point(low, meanY + slope * (low - meanX)), point(high, meanY + slope * (high - meanX)))
    }
    band = (line(fit.slopeInterval.lowerBound), line(fit.slopeInterval.upperBound))
    claimedSlope = DecimalFormat.short(kappa)
    fittedSlope = DecimalFormat.short(fit.slope)
  }
}
