extension Inertia {
  /// The inertia shared by every symmetric matrix inside the ball matrix `h`, when it can be
  /// certified, with a ball around each eigenvalue; nil when it cannot (an eigenvalue too close
  /// to 0 to tell its sign, which includes every truly zero eigenvalue).
  ///
  /// Method: `V` diagonalizes `h`'s midpoint to the working precision (``diagonalizingBasis(_:)``);
  /// by Sylvester's law of inertia `VᵀHV` has the inertia of `H` for any nonsingular `V`, and
  /// `VᵀHV` is nearly diagonal, so its Gershgorin discs `aᵢᵢ ± Σⱼ≠ᵢ |aᵢⱼ|` (in balls) are small.
  /// When no disc contains 0, the discs on each side of 0 form a union disjoint from the other
  /// side's, so each side holds exactly as many eigenvalues as discs (Gershgorin's theorem for
  /// unions of discs). `V` is certified nonsingular the same way, from the discs of `VᵀV`
  /// around 1. Accuracy: the discs are as wide as `h`'s radius plus the rounding of `V`, so at
  /// 256 bits an eigenvalue of size 1e−60 still has a certain sign.
  public static func certified(_ h: Matrix<Ball>) -> (inertia: Inertia, eigenvalues: [Ball])? {
    let n = h.rowCount
    guard h.isSquare, h.isFinite else { return nil }
    let precision = h.entries.map(\.precision).max() ?? Precision.bits
    let middle = Matrix<BigFloat>(rowCount: n, columnCount: n) { i, j in
      (h[i, j].midpoint + h[j, i].midpoint) / 2
    }
    guard let basis = try? diagonalizingBasis(middle) else { return nil }
    let v = Matrix<Ball>(rowCount: n, columnCount: n) { i, j in Ball(basis[i, j], precision: precision) }
    let gram = v.transposed * v
    guard discs(gram).allSatisfy(\.isCertainlyPositive) else { return nil }
    let eigenvalues = discs(v.transposed * h * v)
    guard eigenvalues.allSatisfy(\.isCertainlyNonzero) else { return nil }
    let positive = eigenvalues.filter(\.isCertainlyPositive).count
    return (Inertia(positive: positive, negative: n - positive, zero: 0), eigenvalues)
  }

  /// A `V` with `VᵀMV` diagonal to the working precision, nearly orthogonal: binary64
  /// eigenvectors `V₀` of `M` (cheap), then Jacobi on `V₀ᵀMV₀` at the working precision, which
  /// is diagonal to about `n·2⁻⁵³‖M‖` already and so takes a few sweeps where `M` itself takes
  /// 6–10; `V = V₀Q`. Jacobi on `M` itself where `M` leaves binary64's range. `V` only has to be
  /// nonsingular (Sylvester), which ``certified(_:)`` certifies.
  static func diagonalizingBasis(_ m: Matrix<BigFloat>) throws -> Matrix<BigFloat> {
    let n = m.rowCount
    let rough = Matrix<Double>(rowCount: n, columnCount: n) { m[$0, $1].doubleValue }
    guard rough.isFinite, let v0 = try? rough.symmetricEigendecomposition().eigenvectors else {
      return try m.symmetricEigendecomposition().eigenvectors
    }
    // Every binary64 value is exact in BigFloat.
    let start = Matrix<BigFloat>(rowCount: n, columnCount: n) { BigFloat(v0[$0, $1]) }
    return try start * (start.transposed * m * start).symmetricEigendecomposition().eigenvectors
  }

  /// The Gershgorin discs of a square ball matrix, as balls `aᵢᵢ ± Σⱼ≠ᵢ |aᵢⱼ|`.
  private static func discs(_ a: Matrix<Ball>) -> [Ball] {
    (0..<a.rowCount).map { i in
      var radius = Ball.zero
      for j in 0..<a.columnCount where j != i { radius += a[i, j].magnitude }
      return a[i, i] + Ball(midpoint: 0, radius: radius.upperBound, precision: a[i, i].precision)
    }
  }
}
