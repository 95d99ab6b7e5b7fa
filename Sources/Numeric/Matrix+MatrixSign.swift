/// The matrix sign `msign(A)` (Muon's orthogonalised update), the polar factor restricted to the
/// range of `A`.
extension Matrix {
  /// `msign(A) = Σ_{k: σₖ > τ} uₖ vₖᵀ` for the thin SVD `A = U Σ Vᵀ`: the singular values above
  /// the tolerance `τ` are mapped to 1, the others to 0.
  ///
  /// Unlike ``polarFactor()``, which maps every singular value to 1 and so depends on how the
  /// SVD completes the singular vectors of a rank-deficient `A`, `msign` is unique: `msign(0) = 0`,
  /// `msign(Diag(d)) = Diag(sign d)` with `sign 0 = 0`, and `msign(x yᵀ) = x yᵀ / (‖x‖ ‖y‖)`.
  /// For a full-rank `A` it equals the polar factor.
  ///
  /// - Parameter zeroTolerance: `τ`, the largest singular value counted as zero. The default,
  ///   ``SingularValueDecomposition/rankTolerance``, is `max(m, n) · σ₁ · ε` (ε the working
  ///   epsilon): the one-sided Jacobi SVD finds every singular value to an absolute error of a
  ///   few `ε σ₁`, so a singular value that is zero in exact arithmetic comes out below it,
  ///   while any singular value above about `max(m, n) ε σ₁` counts. Pass `0` to keep every
  ///   non-zero computed singular value, or a larger `τ` for a coarser numerical rank.
  /// - Accuracy: for singular values well separated from `τ`, entrywise to a small multiple of
  ///   `ε / (σₖ gap)` like the polar factor; `0` exactly for the zero matrix.
  @inlinable
  public func matrixSign(zeroTolerance: T? = nil) throws -> Matrix {
    let svd = try SingularValueDecomposition(self)
    let tolerance = zeroTolerance ?? svd.rankTolerance
    return svd.applying { $0 > tolerance ? T(1) : T.zero }
  }
}

extension SingularValueDecomposition {
  /// `max(m, n) · σ₁ · ε`: singular values at or below it are zero to working accuracy (the
  /// numerical-rank threshold of LAPACK and NumPy's `matrix_rank`); zero for the zero matrix.
  @inlinable
  public var rankTolerance: T {
    let largest = singularValues.first ?? T.zero
    return T(Swift.max(u.rowCount, v.rowCount)) * largest * T.workingEpsilon
  }
}
