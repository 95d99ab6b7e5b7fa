import Numeric

/// A rate: data `(xᵢ, yᵢ)` follow a power law `y ∝ x^κ` (log-log), a logarithmic law
/// `y ≈ a + κ ln x` (semi-log) or an exponential law `y ∝ e^{κx}` (exponential), with the
/// claimed `κ`.
///
/// The engine fits `ln y` (or `y`) against `ln x` (or `x`) by least squares (``LinearFit``). The check
/// holds when the fitted slope lies in `κ ± tolerance` (or, for a one-sided claim such as "decays
/// at least like `x^κ`", when it is at most `κ`), or, with `requireInterval`, when the whole 95 %
/// confidence interval of the slope does. A negative control is a wrong exponent, or the data of
/// a wrong variant (a run without the mechanism), rejected when the same test fails on it. The
/// data, the fit and the claimed line are drawn as an SVG plot beside the report.
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

  /// What the fitted slope must satisfy, given the exponent `κ`.
  public enum Criterion: Sendable, Hashable {
    /// `κ − tolerance ≤ slope ≤ κ + tolerance`: the claimed power law.
    case band(tolerance: Rational)
    /// `slope ≤ κ`: a decay at least as fast as `x^κ`, when only that is claimed.
    case atMost
  }

  /// What one statement is judged on: an exponent (nil: the check's) and data (nil: the
  /// check's), fitted and tested the same way.
  public struct Variant {
    public var exponent: Rational?
    public var data: (() throws -> (x: [BigFloat], y: [BigFloat]))?
  }

  /// A control is a wrong exponent, or a wrong variant's data, judged by the same fit and test.
  public typealias Control = NegativeControl<Variant>

  public var id: String
  public var statement: String
  public var scale: Scale
  public var xLabel: String
  public var yLabel: String
  public var exponent: Rational
  public var criterion: Criterion
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
    self.criterion = .band(tolerance: tolerance)
    self.requireInterval = requireInterval
    self.data = data
    self.controls = controls
  }

  /// A one-sided rate: the fitted slope (its interval, with `requireInterval`) is at most `κ`.
  public init(
    id: String, statement: String, scale: Scale = .logLog, xLabel: String = "x",
    yLabel: String = "y", slopeAtMost exponent: Rational, requireInterval: Bool = false,
    data: @escaping () throws -> (x: [BigFloat], y: [BigFloat]), controls: [Control]
  ) {
    self.init(
      id: id, statement: statement, scale: scale, xLabel: xLabel, yLabel: yLabel,
      exponent: exponent, tolerance: 0, requireInterval: requireInterval, data: data,
      controls: controls)
    criterion = .atMost
  }

  public func evaluate(in context: CheckContext) -> CheckResult {
    let threshold = band(around: exponent)
    let data: (x: [BigFloat], y: [BigFloat])
    do {
      data = try validated(self.data())
    } catch {
      return CheckResult(
        notEvaluated: id, kind: .rate, statement: statement, threshold: threshold, error: error)
    }
    let fit = scale.fit(x: data.x, y: data.y)
    return ControlledEvaluation<Variant>(
      id: id, kind: .rate, statement: statement, threshold: threshold,
      rejection: { "fails: " + $0.condition! },
      judge: { variant in
        let exponent = variant.exponent ?? self.exponent
        let fit = try variant.data.map { try validated($0()) }.map { scale.fit(x: $0.x, y: $0.y) } ?? fit
        let holds = accepts(fit, exponent: exponent)
        let band = band(around: exponent) + (variant.data == nil ? "" : " on the variant's data")
        return Judgement(
          status: holds ? .holds : .fails, measured: fit.slope,
          why: Self.describe(fit) + (holds ? " meets: " : " does not meet: ") + band,
          condition: band)
      }
    ).evaluate(Variant(exponent: nil, data: nil), controls: controls, in: context) { _ in
      RatePlot(check: self, x: data.x, y: data.y, fit: fit)
    }
  }

  private static func describe(_ fit: LinearFit<BigFloat>) -> String {
    let interval = fit.slopeInterval
    return "fitted slope \(DecimalFormat.short(fit.slope)) (95 % interval "
      + "[\(DecimalFormat.short(interval.lowerBound)), "
      + "\(DecimalFormat.short(interval.upperBound))])"
  }

  /// Whether the fit meets the criterion for the exponent `κ` (its interval too, if asked).
  private func accepts(_ fit: LinearFit<BigFloat>, exponent: Rational) -> Bool {
    let precision = fit.slope.precision
    let high: BigFloat
    let low: BigFloat?
    switch criterion {
    case .band(let tolerance):
      (low, high) = (
        BigFloat(exponent - tolerance, precision: precision),
        BigFloat(exponent + tolerance, precision: precision)
      )
    case .atMost:
      (low, high) = (nil, BigFloat(exponent, precision: precision))
    }
    let meets = { (slope: BigFloat) in slope <= high && low.map { slope >= $0 } ?? true }
    guard meets(fit.slope) else { return false }
    return !requireInterval
      || (meets(fit.slopeInterval.lowerBound) && meets(fit.slopeInterval.upperBound))
  }

  private func band(around exponent: Rational) -> String {
    switch criterion {
    case .band(let tolerance):
      let low = BigFloat(exponent - tolerance, precision: 64)
      let high = BigFloat(exponent + tolerance, precision: 64)
      return (requireInterval ? "slope interval within [" : "slope in [")
        + "\(DecimalFormat.short(low)), \(DecimalFormat.short(high))]"
    case .atMost:
      let high = DecimalFormat.short(BigFloat(exponent, precision: 64))
      return (requireInterval ? "slope interval <= " : "slope <= ") + high
    }
  }

  /// The data, or a `CheckFailure` naming what makes them unusable for a fit.
  private func validated(
    _ data: (x: [BigFloat], y: [BigFloat])
  ) throws -> (x: [BigFloat], y: [BigFloat]) {
    let (x, y) = data
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
    return data
  }
}

extension NegativeControl where Variant == RateCheck.Variant {
  /// A wrong exponent, which the same fit must reject.
  public init(_ description: String, exponent: Rational) {
    self.init(description: description, variant: .init(exponent: exponent, data: nil))
  }

  /// The data of a wrong variant (a run without the mechanism the claim is about), which the
  /// same fit and test, with the check's exponent, must reject.
  public init(
    _ description: String, data: @escaping () throws -> (x: [BigFloat], y: [BigFloat])
  ) {
    self.init(description: description, variant: .init(exponent: nil, data: data))
  }
}
