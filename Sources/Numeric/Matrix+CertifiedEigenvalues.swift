extension Matrix where T == Ball {
  /// A ball around each eigenvalue of every symmetric matrix inside this ball matrix,
  /// ascending; nil when they cannot be separated.
  ///
  /// Method: `(λ̃ᵢ, vᵢ)` are the eigenpairs of the midpoint by Jacobi in `BigFloat`. For a
  /// symmetric `A` and any vector `v ≠ 0`, `A` has an eigenvalue within
  /// `‖Av − λ̃v‖₂ / ‖v‖₂` of `λ̃` (the residual bound, a consequence of the spectral theorem;
  /// Parlett, *The Symmetric Eigenvalue Problem*, Thm 4.5.1), and the residual, computed in
  /// balls, bounds it for every `A` in the ball. When the `n` intervals `λ̃ᵢ ± rᵢ` are pairwise
  /// disjoint, each holds at least one of the `n` eigenvalues, hence exactly one. Accuracy:
  /// `rᵢ` is the matrix's radius plus the rounding of `vᵢ`, so eigenvalues closer than that
  /// (a double eigenvalue, in particular) are not separated.
  public func certifiedSymmetricEigenvalues() -> [Ball]? {
    let n = rowCount
    guard isSquare, isFinite else { return nil }
    let precision = entries.map(\.precision).max() ?? Precision.bits
    let middle = Matrix<BigFloat>(rowCount: n, columnCount: n) { i, j in
      (self[i, j].midpoint + self[j, i].midpoint) / 2
    }
    guard let decomposition = try? middle.symmetricEigendecomposition() else { return nil }
    var enclosures: [Ball] = []
    for k in 0..<n {
      let v = (0..<n).map { Ball(decomposition.eigenvectors[$0, k], precision: precision) }
      let lambda = Ball(decomposition.eigenvalues[k], precision: precision)
      let residual = zip(self * v, v).map { $0 - lambda * $1 }
      // The norm of a ball vector from its entries' upper bounds: squaring a ball around 0
      // would give one reaching below 0, whose square root is indeterminate.
      let radius = Self.norm(residual.map(\.magnitude.upperBound), precision)
        / Ball.sqrt(v.map { $0 * $0 }.reduce(Ball.zero, +))
      guard radius.isFinite else { return nil }
      enclosures.append(
        Ball(midpoint: decomposition.eigenvalues[k], radius: radius.upperBound, precision: precision))
    }
    for (low, high) in zip(enclosures, enclosures.dropFirst())
    where !(low.upperBound < high.lowerBound) {
      return nil
    }
    return enclosures
  }

  /// A ball containing `√(Σ xᵢ²)` for the non-negative `xᵢ`.
  private static func norm(_ x: [BigFloat], _ precision: Int) -> Ball {
    Ball.sqrt(x.map { Ball($0, precision: precision) }.map { $0 * $0 }.reduce(Ball.zero, +))
  }
}
