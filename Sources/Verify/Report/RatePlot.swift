import Numeric

/// The picture of a rate check: the data, the least-squares line and the claimed slope through
/// the data's centroid, on log-log (or semi-log) axes.
///
/// Coordinates are `u = log₁₀ x` and `v = log₁₀ y` (or `v = y` on semi-log axes), computed in
/// MPFR and rounded to binary64, so the SVG text is identical on every machine.
public struct RatePlot: Sendable {
  public var title: String
  public var scale: RateCheck.Scale
  public var xLabel: String
  public var yLabel: String
  public var points: [Point]
  public var fitted: (start: Point, end: Point)
  public var claimed: (start: Point, end: Point)
  /// The claimed slope, for the legend.
  public var claimedSlope: String
  public var fittedSlope: String

  public struct Point: Sendable {
    public var u: Double
    public var v: Double
  }

  init(check: RateCheck, x: [BigFloat], y: [BigFloat], fit: LinearFit<BigFloat>) {
    let ln10 = BigFloat.log(BigFloat(10, precision: fit.slope.precision))
    // The fit's ordinate is ln y (log-log) or y (semi-log); the plot's is log₁₀ y or y.
    let ordinate = { (fitted: BigFloat) in check.scale == .logLog ? fitted / ln10 : fitted }
    let lnX = x.map { BigFloat.log($0) }
    let (low, high) = (lnX.min()!, lnX.max()!)
    let meanX = lnX.reduce(BigFloat.zero, +) / BigFloat(lnX.count)
    let meanY = fit.intercept + fit.slope * meanX
    let kappa = BigFloat(check.exponent, precision: fit.slope.precision)
    func point(_ lnx: BigFloat, _ fitted: BigFloat) -> Point {
      Point(u: (lnx / ln10).doubleValue, v: ordinate(fitted).doubleValue)
    }
    title = check.id
    scale = check.scale
    xLabel = check.xLabel
    yLabel = check.yLabel
    points = zip(lnX, y).map { lnx, y in
      point(lnx, check.scale == .logLog ? BigFloat.log(y) : y)
    }
    fitted = (
      point(low, fit.intercept + fit.slope * low), point(high, fit.intercept + fit.slope * high)
    )
    claimed = (
      point(low, meanY + kappa * (low - meanX)), point(high, meanY + kappa * (high - meanX))
    )
    claimedSlope = DecimalFormat.short(kappa)
    fittedSlope = DecimalFormat.short(fit.slope)
  }
}
