/// An ordinary least-squares line `y ≈ intercept + slope · x`, with the slope's standard error
/// and its two-sided 95 % confidence interval (Student t with n − 2 degrees of freedom).
///
/// Rate claims fit `ln y` against `ln x` (`logLog`) and ask whether the fitted exponent, or its
/// interval, lies in the claimed band.
public struct LinearFit<T: Scalar>: Sendable {
  public let slope: T
  public let intercept: T
  /// `√(RSS / (n − 2) / Σ(xᵢ − x̄)²)`; zero for two points.
  public let slopeStandardError: T
  /// `slope ∓ t₀.₉₇₅,ₙ₋₂ · slopeStandardError` (the slope itself for two points).
  public let slopeInterval: ClosedRange<T>
  /// The residual sum of squares `Σ(yᵢ − intercept − slope · xᵢ)²`.
  public let residualSumOfSquares: T
  public let count: Int

  /// Fits `y` against `x` (at least two points with distinct `x`).
  public init(x: [T], y: [T]) {
    precondition(x.count == y.count, "fit needs as many x as y values")
    precondition(x.count >= 2, "fit needs at least two points")
    let n = T(x.count)
    let meanX = x.reduce(T.zero, +) / n
    let meanY = y.reduce(T.zero, +) / n
    var sxx = T.zero
    var sxy = T.zero
    for (xi, yi) in zip(x, y) {
      sxx += (xi - meanX) * (xi - meanX)
      sxy += (xi - meanX) * (yi - meanY)
    }
    precondition(sxx > T.zero, "fit needs at least two distinct x values")
    slope = sxy / sxx
    intercept = meanY - slope * meanX
    var rss = T.zero
    for (xi, yi) in zip(x, y) {
      let residual = yi - intercept - slope * xi
      rss += residual * residual
    }
    residualSumOfSquares = rss
    count = x.count
    if x.count > 2 {
      slopeStandardError = T.sqrt(rss / T(x.count - 2) / sxx)
      let halfWidth = T(StudentT.quantile975(degreesOfFreedom: x.count - 2)) * slopeStandardError
      slopeInterval = (slope - halfWidth)...(slope + halfWidth)
    } else {
      slopeStandardError = T.zero
      slopeInterval = slope...slope
    }
  }

  /// Fits `ln y` against `ln x`: the slope is the exponent of a power law `y ∝ x^slope`.
  /// Every value must be positive.
  public static func logLog(x: [T], y: [T]) -> LinearFit<T> {
    precondition(x.allSatisfy { $0 > T.zero } && y.allSatisfy { $0 > T.zero },
      "log-log fit needs positive values")
    return LinearFit(x: x.map { T.log($0) }, y: y.map { T.log($0) })
  }

  /// Fits `y` against `ln x` (logarithmic laws such as `τ ≈ ln(1/ε)/K`).
  public static func semiLog(x: [T], y: [T]) -> LinearFit<T> {
    precondition(x.allSatisfy { $0 > T.zero }, "semi-log fit needs positive x values")
    return LinearFit(x: x.map { T.log($0) }, y: y)
  }

  /// True when the fitted slope lies in `band`.
  public func slopeLies(in band: ClosedRange<T>) -> Bool { band.contains(slope) }
}

/// Student's t distribution with an integer number of degrees of freedom.
public enum StudentT {
  /// `P(|T| ≤ t)` for `ν` degrees of freedom, by the finite sums of Abramowitz & Stegun 26.7.3–4
  /// in `θ = atan(t/√ν)`.
  public static func centralProbability(_ t: Double, degreesOfFreedom nu: Int) -> Double {
    precondition(nu >= 1, "degrees of freedom must be positive")
    let theta = Double.atan(t / Double(nu).squareRoot())
    let (s, c) = (Double.sin(theta), Double.cos(theta))
    var term = 1.0
    var sum = 1.0
    if nu % 2 == 0 {
      for k in stride(from: 2, through: nu - 2, by: 2) {
        term *= Double(k - 1) / Double(k) * c * c
        sum += term
      }
      return s * sum
    }
    guard nu > 1 else { return 2 * theta / .pi }
    sum = c
    term = c
    for k in stride(from: 3, through: nu - 2, by: 2) {
      term *= Double(k - 1) / Double(k) * c * c
      sum += term
    }
    return 2 / .pi * (theta + s * sum)
  }

  /// The 97.5 % quantile (the half-width factor of a two-sided 95 % interval), by bisection.
  public static func quantile975(degreesOfFreedom nu: Int) -> Double {
    var (low, high) = (0.0, 1.0e4)
    for _ in 0..<200 {
      let mid = (low + high) / 2
      if centralProbability(mid, degreesOfFreedom: nu) < 0.95 { low = mid } else { high = mid }
    }
    return (low + high) / 2
  }
}
