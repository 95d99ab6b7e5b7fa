extension Newton {
  /// A stationary point of a twice-differentiable `f: ℝⁿ → ℝ`: Newton's method on `∇f(x) = 0`,
  /// `x ← x − ∇²f(x)⁻¹ ∇f(x)`, each step solving `∇²f(x) Δx = ∇f(x)` by `LUDecomposition`.
  ///
  /// `derivatives(x)` returns the gradient and the Hessian together, as one forward-over-reverse
  /// sweep computes them (Symbolic's `gradientAndHessian(of:at:)`). Near a stationary point with an
  /// invertible Hessian the error squares at each step, so a few steps reach the working
  /// precision. The point found is a minimum, a maximum or a saddle alike: Newton does not look
  /// at curvature, so classify it afterwards by the Hessian's `Inertia`.
  ///
  /// Stops when `|Δx| ≤ relativeTolerance · |x| + absoluteTolerance` (max norms; default
  /// relative tolerance `16ε`). Throws `NumericError.singularMatrix` for a singular Hessian,
  /// `.nonFinite` for NaN or infinity and `.notConverged` after `maximumIterations` steps.
  public static func stationaryPoint<T: Scalar>(
    _ derivatives: ([T]) throws -> (gradient: [T], hessian: Matrix<T>), from x0: [T],
    relativeTolerance: T? = nil, absoluteTolerance: T = T.zero, maximumIterations: Int = 100
  ) throws -> NewtonIteration<[T]> {
    try iterate(
      from: x0, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance,
      maximumIterations: maximumIterations
    ) { x in
      let (gradient, hessian) = try derivatives(x)
      guard gradient.allSatisfy(\.isFinite) else {
        throw NumericError.nonFinite(algorithm: "Newton (gradient)")
      }
      return try LUDecomposition(hessian).solve(gradient)
    }
  }
}
