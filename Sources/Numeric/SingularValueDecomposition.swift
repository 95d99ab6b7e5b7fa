/// The thin singular value decomposition `A = U Σ Vᵀ` of an `m × n` matrix by one-sided
/// (Hestenes) Jacobi: with `k = min(m, n)`, `U` is `m × k` and `V` is `n × k`, both with
/// orthonormal columns, and `Σ = diag(σ₁ ≥ … ≥ σₖ ≥ 0)`.
///
/// Rotations are applied to the columns of `A` (accumulated in `V`) until every pair is
/// orthogonal to `k·ε` relative to the product of their norms; the column norms are then the
/// singular values, to high relative accuracy and at any precision, without forming `AᵀA`.
/// Columns of `U` belonging to zero singular values are completed to an orthonormal set.
public struct SingularValueDecomposition<T: Scalar>: Sendable {
  public let u: Matrix<T>
  /// `σ₁ ≥ σ₂ ≥ … ≥ σₖ ≥ 0`.
  public let singularValues: [T]
  public let v: Matrix<T>

  /// Decomposes `a` with at most `maximumSweeps` sweeps over all column pairs. Throws
  /// `NumericError.nonFinite` for NaN or infinite input and `.notConverged` if the sweeps run out.
  @inlinable
  public init(_ a: Matrix<T>, maximumSweeps: Int = 60) throws {
    guard a.rowCount >= a.columnCount else {
      let transposed = try SingularValueDecomposition(a.transposed, maximumSweeps: maximumSweeps)
      (u, singularValues, v) = (transposed.v, transposed.singularValues, transposed.u)
      return
    }
    let n = a.columnCount
    var rotatedIdentity: [[T]]? = (0..<n).map { j in (0..<n).map { T($0 == j ? 1 : 0) } }
    let columns = try Self.orthogonalizedColumns(of: a, rotating: &rotatedIdentity, maximumSweeps: maximumSweeps)
    let m = a.rowCount
    let norms = columns.map { T.sqrt($0.dot($0)) }
    let order = (0..<n).sorted { norms[$0] > norms[$1] }
    let vColumns = rotatedIdentity!
    singularValues = order.map { norms[$0] }
    var uColumns: [[T]] = order.map { j in
      norms[j] > T.zero ? columns[j].map { $0 / norms[j] } : []
    }
    for j in 0..<n where uColumns[j].isEmpty {
      uColumns[j] = Self.unitVectorOrthogonal(to: uColumns.filter { !$0.isEmpty }, length: m)
    }
    u = Matrix(rowCount: m, columnCount: n) { i, j in uColumns[j][i] }
    v = Matrix(rowCount: n, columnCount: n) { i, j in vColumns[order[j]][i] }
    guard singularValues.allSatisfy(\.isFinite) && u.isFinite && v.isFinite else {
      throw NumericError.nonFinite(algorithm: Self.algorithm)
    }
  }

  @usableFromInline static var algorithm: String { "one-sided Jacobi SVD" }

  /// The columns of `a` (`m ≥ n`) rotated by cyclic sweeps over all pairs until every pair is
  /// orthogonal to `m·ε` relative to the product of their norms, the same rotations applied
  /// to the columns of `vColumns` unless it is nil; their norms are the singular values.
  @inlinable
  static func orthogonalizedColumns(
    of a: Matrix<T>, rotating vColumns: inout [[T]]?, maximumSweeps: Int
  ) throws -> [[T]] {
    guard a.isFinite else { throw NumericError.nonFinite(algorithm: algorithm) }
    let (m, n) = (a.rowCount, a.columnCount)
    var columns = (0..<n).map { a.column($0) }
    let tolerance = T(m) * T.workingEpsilon
    var converged = false
    for _ in 0..<maximumSweeps where !converged {
      converged = true
      for i in 0..<n {
        for j in (i + 1)..<n {
          let alpha = columns[i].dot(columns[i])
          let beta = columns[j].dot(columns[j])
          let gamma = columns[i].dot(columns[j])
          // Zero columns give 0 ≤ 0 and are left alone.
          if gamma.magnitude <= tolerance * T.sqrt(alpha * beta) { continue }
          converged = false
          let rotation = JacobiRotation(app: alpha, aqq: beta, apq: gamma)
          Self.rotate(&columns, i, j, by: rotation)
          if vColumns != nil { Self.rotate(&vColumns!, i, j, by: rotation) }
        }
      }
    }
    guard converged else {
      throw NumericError.notConverged(algorithm: algorithm, iterations: maximumSweeps)
    }
    return columns
  }

  /// Columns `i ≠ j` rotated in place (through the buffer: two elements of one array cannot
  /// both be passed `inout`).
  @inlinable
  static func rotate(_ columns: inout [[T]], _ i: Int, _ j: Int, by rotation: JacobiRotation<T>) {
    columns.withUnsafeMutableBufferPointer { c in
      for r in c[i].indices { rotation.rotate(&c[i][r], &c[j][r]) }
    }
  }

  /// A unit vector orthogonal to the orthonormal `basis` (fewer than `length` vectors): the
  /// coordinate vector with the largest component outside their span, orthogonalised twice
  /// (Gram–Schmidt loses orthogonality once; twice is enough).
  @usableFromInline
  static func unitVectorOrthogonal(to basis: [[T]], length: Int) -> [T] {
    func orthogonalised(_ x: [T]) -> [T] {
      var x = x
      for _ in 0..<2 {
        for b in basis { x = x.adding(b, scaledBy: -b.dot(x)) }
      }
      return x
    }
    let candidates = (0..<length).map { k in orthogonalised((0..<length).map { T($0 == k ? 1 : 0) }) }
    let best = candidates.max { $0.dot($0) < $1.dot($1) }!
    let norm = T.sqrt(best.dot(best))
    return best.map { $0 / norm }
  }

  /// `U f(Σ) Vᵀ`, a function of the singular values with the singular vectors kept.
  @inlinable
  public func applying(_ f: (T) throws -> T) rethrows -> Matrix<T> {
    let values = try singularValues.map(f)
    return Matrix(rowCount: u.rowCount, columnCount: v.rowCount) { i, j in
      var sum = T.zero
      for k in 0..<values.count { sum += u[i, k] * values[k] * v[j, k] }
      return sum
    }
  }
}

extension Matrix {
  /// The thin singular value decomposition `A = U Σ Vᵀ`.
  @inlinable
  public func singularValueDecomposition() throws -> SingularValueDecomposition<T> {
    try SingularValueDecomposition(self)
  }

  /// `σ₁ ≥ … ≥ σₖ` alone: the decomposition's rotations without `V` and `U` (for a square
  /// matrix half the rotations' work), so the same bits as its `singularValues`.
  @inlinable
  public func singularValues(maximumSweeps: Int = 60) throws -> [T] {
    let a = rowCount >= columnCount ? self : transposed
    var noVectors: [[T]]? = nil
    let columns = try SingularValueDecomposition.orthogonalizedColumns(
      of: a, rotating: &noVectors, maximumSweeps: maximumSweeps)
    let values = columns.map { T.sqrt($0.dot($0)) }.sorted(by: >)
    guard values.allSatisfy(\.isFinite) else {
      throw NumericError.nonFinite(algorithm: SingularValueDecomposition<T>.algorithm)
    }
    return values
  }

  /// The orthogonal polar factor `U Vᵀ` of `A = (U Vᵀ)(V Σ Vᵀ)`: the nearest matrix with
  /// orthonormal columns (rows, if `A` is wide). Unique when `A` has full rank.
  public func polarFactor() throws -> Matrix {
    try SingularValueDecomposition(self).applying { _ in T(1) }
  }

  /// `(AᵀA + εI)^{−1/2}` for `ε > 0`, through the SVD (so `AᵀA` is never formed):
  /// `V diag((σᵢ² + ε)^{−1/2}) Vᵀ`, plus `ε^{−1/2}(I − VVᵀ)` on the null space of a wide `A`.
  public func regularizedGramInverseSquareRoot(epsilon: T) throws -> Matrix {
    precondition(epsilon > T.zero, "the regularisation ε must be positive")
    let svd = try SingularValueDecomposition(self)
    let v = svd.v
    let n = columnCount
    let scale = svd.singularValues.map { 1 / T.sqrt($0 * $0 + epsilon) }
    // A wide A has n − k directions with AᵀA = 0 missing from V; there the function is ε^{−1/2}.
    let nullSpaceValue = v.columnCount < n ? 1 / T.sqrt(epsilon) : T.zero
    return Matrix(rowCount: n, columnCount: n) { i, j in
      var sum = i == j ? nullSpaceValue : T.zero
      for k in 0..<v.columnCount { sum += v[i, k] * (scale[k] - nullSpaceValue) * v[j, k] }
      return sum
    }
  }
}
