import Numeric

/// `F(x)` and the directional derivative `DF(x)·v` of `F: ℝⁿ → ℝᵐ`, by one forward-mode pass:
/// `F` at the duals `xⱼ + vⱼε` has ε-parts `Σⱼ ∂Fᵢ/∂xⱼ vⱼ`, exact in the differentiation (only
/// `T` rounds). With `T = Jet<…>` this is the tangent of a flow, the right-hand side of the
/// variational equation `M′ = DF(x) M` column by column, without forming `DF`.
@inlinable
public func directionalDerivative<T: Scalar>(
  of f: ([Dual<T>]) -> [Dual<T>], at x: [T], along v: [T]
) -> (value: [T], derivative: [T]) {
  precondition(x.count == v.count, "the direction has the point's dimension")
  let output = f(zip(x, v).map { Dual($0, derivative: $1) })
  return (output.map(\.value), output.map(\.derivative))
}

/// The Jacobian `DF(x)ᵢⱼ = ∂Fᵢ/∂xⱼ` of `F: ℝⁿ → ℝᵐ` by forward mode: column `j` is the ε-part
/// of `F` at `x + eⱼε`, so `n` evaluations of `F`, each exact in its differentiation: the
/// mode for few inputs (a planar field, a particle's position). For many inputs and few
/// outputs, reverse mode (`Reverse+Jacobian.swift`) costs one sweep per output instead.
@inlinable
public func forwardJacobian<T: Scalar>(of f: ([Dual<T>]) -> [Dual<T>], at x: [T]) -> Matrix<T> {
  let columns = x.indices.map { j in
    directionalDerivative(of: f, at: x, along: x.indices.map { $0 == j ? 1 : 0 }).derivative
  }
  let rows = columns.first?.count ?? 0
  return Matrix(rowCount: rows, columnCount: x.count) { i, j in columns[j][i] }
}
