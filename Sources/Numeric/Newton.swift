/// The iterates of a converged Newton iteration, kept so a caller (or a test) can watch the
/// error square at each step.
public struct NewtonIteration<Point: Sendable>: Sendable {
  /// The last iterate, which met the tolerance.
  public let root: Point
  /// `x₀, x₁, …, root`.
  public let iterates: [Point]

  @inlinable init(root: Point, iterates: [Point]) {
    self.root = root
    self.iterates = iterates
  }
}

/// Newton's method `x ← x − f′(x)⁻¹ f(x)` in one and several variables, with a user-supplied
/// derivative or Jacobian, and a bracketed one-dimensional form that falls back to bisection.
///
/// Near a simple root the number of correct digits doubles per step, so a few steps reach any
/// working precision. The iteration stops when the step satisfies
/// `|Δx| ≤ relativeTolerance · |x| + absoluteTolerance` (max norms for vectors); the default
/// relative tolerance is `16ε` and a root at zero needs a positive absolute tolerance.
public enum Newton {
  /// Solves `f(x) = 0` from `x0`. Throws `NumericError.nonFinite` if `f` or `f′` yields NaN or
  /// infinity (including a zero derivative) and `.notConverged` after `maximumIterations` steps.
  @inlinable
  public static func solve<T: Scalar>(
    _ f: (T) throws -> T, derivative: (T) throws -> T, from x0: T,
    relativeTolerance: T? = nil, absoluteTolerance: T = T.zero, maximumIterations: Int = 100
  ) throws -> NewtonIteration<T> {
    try solve(
      valueAndDerivative: { x in (try f(x), try derivative(x)) }, from: x0,
      relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
      maximumIterations: maximumIterations)
  }

  /// The same iteration with `f(x)` and `f′(x)` from one call, for functions whose derivative
  /// reuses the value's work (`σ′ = σ(1 − σ)`: one exponential per step instead of two).
  @inlinable
  public static func solve<T: Scalar>(
    valueAndDerivative: (T) throws -> (value: T, derivative: T), from x0: T,
    relativeTolerance: T? = nil, absoluteTolerance: T = T.zero, maximumIterations: Int = 100
  ) throws -> NewtonIteration<T> {
    try solve(
      newtonStep: { x in
        let (value, slope) = try valueAndDerivative(x)
        return value / slope
      },
      from: x0, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
      maximumIterations: maximumIterations)
  }

  /// The same iteration with the Newton step `f(x)/f′(x)` from one call, for functions whose
  /// quotient simplifies: written over a common denominator it can take one division where
  /// `f` and `f′` take several, and lose no bits to a cancellation inside `f′` (the logistic
  /// risk's `σ(1 − σ)` near σ = 1). A NaN or infinite step ends the iteration as a NaN or
  /// infinite `f` or `f′` does.
  @inlinable
  public static func solve<T: Scalar>(
    newtonStep: (T) throws -> T, from x0: T,
    relativeTolerance: T? = nil, absoluteTolerance: T = T.zero, maximumIterations: Int = 100
  ) throws -> NewtonIteration<T> {
    let relativeTolerance = relativeTolerance ?? 16 * T.workingEpsilon
    // Room for the few steps from a good start, so the array does not regrow three times.
    var iterates: [T] = []
    iterates.reserveCapacity(8)
    iterates.append(x0)
    var x = x0
    for _ in 0..<maximumIterations {
      let step = try newtonStep(x)
      x -= step
      guard x.isFinite else { throw NumericError.nonFinite(algorithm: "Newton") }
      iterates.append(x)
      if step.magnitude <= relativeTolerance * x.magnitude + absoluteTolerance {
        return NewtonIteration(root: x, iterates: iterates)
      }
    }
    throw NumericError.notConverged(algorithm: "Newton", iterations: maximumIterations)
  }

  /// Solves `F(x) = 0` for `F: ℝⁿ → ℝⁿ` from `x0`, each step solving `J(x) Δx = F(x)` by LU.
  /// Throws `NumericError.singularMatrix` for a singular Jacobian, `.nonFinite` and
  /// `.notConverged` as the scalar form.
  public static func solve<T: Scalar>(
    _ f: ([T]) throws -> [T], jacobian: ([T]) throws -> Matrix<T>, from x0: [T],
    relativeTolerance: T? = nil, absoluteTolerance: T = T.zero, maximumIterations: Int = 100
  ) throws -> NewtonIteration<[T]> {
    try iterate(
      from: x0, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
      maximumIterations: maximumIterations
    ) { x in try jacobian(x).solve(f(x)) }
  }

  /// `x ← x − step(x)` from `x0` until the step meets the tolerance: the loop shared by the
  /// several-variable forms, which differ in how they compute the Newton step.
  static func iterate<T: Scalar>(
    from x0: [T], relativeTolerance: T?, absoluteTolerance: T, maximumIterations: Int,
    step newtonStep: ([T]) throws -> [T]
  ) throws -> NewtonIteration<[T]> {
    let relativeTolerance = relativeTolerance ?? 16 * T.workingEpsilon
    var iterates = [x0]
    var x = x0
    for _ in 0..<maximumIterations {
      let step = try newtonStep(x)
      x = x.adding(step, scaledBy: -1)
      guard x.allSatisfy(\.isFinite) else { throw NumericError.nonFinite(algorithm: "Newton") }
      iterates.append(x)
      if step.maximumMagnitude <= relativeTolerance * x.maximumMagnitude + absoluteTolerance {
        return NewtonIteration(root: x, iterates: iterates)
      }
    }
    throw NumericError.notConverged(algorithm: "Newton", iterations: maximumIterations)
  }

  /// Solves `f(x) = 0` in `bracket`, whose ends must give `f` opposite signs: a Newton step is
  /// taken when it stays inside the current bracket and at least halves the previous step,
  /// otherwise a bisection step. Converges like Newton near the root, never leaves the bracket.
  public static func solve<T: Scalar>(
    _ f: (T) throws -> T, derivative: (T) throws -> T, bracketing bracket: ClosedRange<T>,
    relativeTolerance: T? = nil, absoluteTolerance: T = T.zero, maximumIterations: Int = 2000
  ) throws -> T {
    let relativeTolerance = relativeTolerance ?? 16 * T.workingEpsilon
    let (fLower, fUpper) = try (f(bracket.lowerBound), f(bracket.upperBound))
    if fLower == T.zero { return bracket.lowerBound }
    if fUpper == T.zero { return bracket.upperBound }
    guard (fLower < T.zero) != (fUpper < T.zero) else { throw NumericError.notBracketed }
    // Orient so that f(negativeEnd) < 0 < f(positiveEnd).
    var (negativeEnd, positiveEnd) =
      fLower < T.zero ? (bracket.lowerBound, bracket.upperBound) : (bracket.upperBound, bracket.lowerBound)
    var x = (negativeEnd + positiveEnd) / 2
    var previousStep = (positiveEnd - negativeEnd).magnitude
    for _ in 0..<maximumIterations {
      let (fx, dfx) = try (f(x), derivative(x))
      guard fx.isFinite && dfx.isFinite else { throw NumericError.nonFinite(algorithm: "Newton") }
      if fx == T.zero { return x }
      if fx < T.zero { negativeEnd = x } else { positiveEnd = x }
      let newton = x - fx / dfx
      let (low, high) = (Swift.min(negativeEnd, positiveEnd), Swift.max(negativeEnd, positiveEnd))
      let next: T
      if newton.isFinite && newton > low && newton < high
        && 2 * (newton - x).magnitude <= previousStep
      {
        next = newton
      } else {
        next = (negativeEnd + positiveEnd) / 2
      }
      let step = (next - x).magnitude
      previousStep = step
      x = next
      if step <= relativeTolerance * x.magnitude + absoluteTolerance
        || (high - low) <= relativeTolerance * x.magnitude + absoluteTolerance
      {
        return x
      }
    }
    throw NumericError.notConverged(algorithm: "bracketed Newton", iterations: maximumIterations)
  }
}
