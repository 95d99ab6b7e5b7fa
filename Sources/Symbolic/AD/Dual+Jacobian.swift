import Numeric

/// `F(x)` and the directional derivative `DF(x)·v` of `F: ℝⁿ → ℝᵐ`, by one forward-mode pass:
/// `F` at the duals `xⱼ + vⱼε` has ε-parts `Σⱼ ∂Fᵢ/∂xⱼ vⱼ`, exact in the differentiation (only
/// `T` rounds), without forming `DF`: the mode for one direction (a scaling derivative); for
/// every direction at once, ``forwardValueAndJacobian(of:at:)``.
@inlinable
public func directionalDerivative<T: Scalar>(
  of f: ([Dual<T>]) -> [Dual<T>], at x: [T], along v: [T]
) -> (value: [T], derivative: [T]) {
  precondition(x.count == v.count, "the direction has the point's dimension")
  let output = f(zip(x, v).map { Dual($0, derivative: $1) })
  return (output.map(\.value), output.map(\.derivative))
}

/// `F(x)` and the Jacobian `DF(x)ᵢⱼ = ∂Fᵢ/∂xⱼ` of `F: ℝⁿ → ℝᵐ` by vector-mode forward AD:
/// one evaluation at `VectorDual` inputs seeded along `e₁ … eₙ`, so the primal and every slope
/// are computed once, where one `Dual` pass per column recomputed them `n` times, and entries
/// that are structurally zero cost nothing. Exact in the differentiation (only `T` rounds): the
/// same products and sums as the `Dual` passes, so the same bits. The mode for few inputs (a
/// planar field, a flow's variational equation); for many inputs and few outputs, reverse mode
/// (`Reverse+Jacobian.swift`) costs one sweep per output instead.
@inlinable
public func forwardValueAndJacobian<T: Scalar>(
  of f: ([VectorDual<T>]) -> [VectorDual<T>], at x: [T]
) -> (value: [T], jacobian: Matrix<T>) {
  let output = f(x.indices.map { VectorDual.variable(x[$0], index: $0, of: x.count) })
  let jacobian = Matrix(rowCount: output.count, columnCount: x.count) { i, j in output[i][tangent: j] }
  return (output.map(\.value), jacobian)
}

/// The Jacobian `DF(x)` by vector-mode forward AD (``forwardValueAndJacobian(of:at:)``).
@inlinable
public func forwardJacobian<T: Scalar>(
  of f: ([VectorDual<T>]) -> [VectorDual<T>], at x: [T]
) -> Matrix<T> {
  forwardValueAndJacobian(of: f, at: x).jacobian
}
