import Numeric

/// A rate: data `(xᵢ, yᵢ)` follow a power law `y ∝ x^κ` (log-log), a logarithmic law
/// `y ≈ a + κ ln x` (semi-log) or an exponential law `y ∝ e^{κx}` (exponential), with the
/// claimed `κ`.
///
/// The engine fits `ln y` (or `y`) against `ln x` (or `x`) by least squares (``LinearFit``). The check
/// holds when the fitted slope lies in `κ ± tolerance`, or, with `requireInterval`, when the
/// whole 95 % confidence interval of the slope does. A negative control is a wrong exponent,
/// rejected when the same test with that exponent fails. The data, the fit and the claimed
/// line are drawn as an SVG plot beside the report.
public struct RateCheck: Check {
  /// How the data are fitted and plotted.
  public enum Scale: String, Sendable, Hashable {
    /// `ln y` against `ln x`: a power law.
    case logLog = "log-log"
    /// `y` against `ln x`: a logarithmic law.
    case semiLog = "semi-log"
    /// `ln y` against `x`: an exponential law (a decay rate when κ < 0).
    case exponential = "exponential"

    /// Whether the abscissa is fitted and drawn as `ln x`.
    public var logarithmicX: Bool { self != .exponential }
    /// Whether the ordinate is fitted and drawn as `ln y`.
    public var logarithmicY: Bool { self != .semiLog }

    /// The least-squares line through the data on these axes.
    func fit(x: [BigFloat], y: [BigFloat]) -> LinearFit<BigFloat> {
      LinearFit(
        x: logarithmicX ? x.map { BigFloat.log($0) } : x,
        y: logarithmicY ? y.map { BigFloat.log($0) } : y)
    }
  }

  /// A control is a wrong exponent, judged against the same fit.
  public typealias Control = NegativeControl<Rational>

  public var id: String
  public var statement: String
  public var scale: Scale
  public var xLabel: String
  public var yLabel: String
  public var exponent: Rational
  public var tolerance: Rational
  public var requireInterval: Bool
  public var data: () throws -> (x: [BigFloat], y: [BigFloat])
  public var controls: [Control]

  public init(
    id: String, statement: String, scale: Scale = .logLog, xLabel: String = "x",
    yLabel: String = "y", exponent: Rational, tolerance: Rational, requireInterval: Bool = false,
    data: @escaping () throws -> (x: [BigFloat], y: [BigFloat]), controls: [Control]
  ) {
    self.id = id
    self.statement = statement
    self.scale = scale
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.exponent = exponent
    self.tolerance = tolerance
    self.requireInterval = requireInterval
    self.data = data
    self.controls = controls
  }

  public func evaluate(in context: CheckContext) -> CheckResult {
    let threshold = band(around: exponent)
    let data: (x: [BigFloat], y: [BigFloat])
    do {
      data = try self.data()
      try validate(x: data.x, y: data.y)
    } catch {
      return CheckResult(
        notEvaluated: id, kind: .rate, statement: statement, threshold: threshold, error: error)
    }
    let fit = scale.fit(x: data.x, y: data.y)
    let interval = fit.slopeInterval
    let fitted =
      "fitted slope \(DecimalFormat.short(fit.slope)) (95 % interval "
      + "[\(DecimalFormat.short(interval.lowerBound)), "
      + "\(DecimalFormat.short(interval.upperBound))])"
    return ControlledEvaluation<Rational>(
      id: id, kind: .rate, statement: statement, threshold: threshold,
      rejection: { "fails: " + $0.condition! },
      judge: { exponent in
        let holds = accepts(fit, exponent: exponent)
        let band = band(around: exponent)
        return Judgement(
          status: holds ? .holds : .fails, measured: fit.slope,
          why: fitted + (holds ? " meets: " : " does not meet: ") + band, condition: band)
      }
    ).evaluate(exponent, controls: controls, in: context) { _ in
      RatePlot(check: self, x: data.x, y: data.y, fit: fit)
    }
  }

  /// Whether the fit puts the exponent `κ` within `κ ± tolerance` (its interval too, if asked).
  private func accepts(_ fit: LinearFit<BigFloat>, exponent: Rational) -> Bool {
    let precision = fit.slope.precision
    let low = BigFloat(exponent - tolerance, precision: precision)
    let high = BigFloat(exponent + tolerance, precision: precision)
    let band = low...high
    guard band.contains(fit.slope) else { return false }
    return !requireInterval
      || (band.contains(fit.slopeInterval.lowerBound)
        && band.contains(fit.slopeInterval.upperBound))
  }

  private func band(around exponent: Rational) -> String {
    let low = BigFloat(exponent - tolerance, precision: 64)
    let high = BigFloat(exponent + tolerance, precision: 64)
    return (requireInterval ? "slope interval within [" : "slope in [")
      + "\(DecimalFormat.short(low)), \(DecimalFormat.short(high))]"
  }

  private func validate(x: [BigFloat], y: [BigFloat]) throws {
    guard x.count == y.count, x.count >= 3 else {
      throw CheckFailure(
        description:
          "a rate needs at least three (x, y) pairs, got \(x.count) x and \(y.count) y values")
    }
    for i in x.indices {
      _ = try finite(x[i], "x[\(i)]")
      _ = try finite(y[i], "y[\(i)]")
      guard !scale.logarithmicX || x[i] > 0 else {
        throw CheckFailure(description: "x[\(i)] = \(x[i]) is not positive")
      }
      guard !scale.logarithmicY || y[i] > 0 else {
        throw CheckFailure(description: "y[\(i)] = \(y[i]) is not positive")
      }
    }
    guard Set(x).count > 1 else { throw CheckFailure(description: "all x values are equal") }
  }
}

extension NegativeControl where Variant == Rational {
  /// A wrong exponent, which the same fit must reject.
  public init(_ description: String, exponent: Rational) {
    self.init(description: description, variant: exponent)
  }
}
