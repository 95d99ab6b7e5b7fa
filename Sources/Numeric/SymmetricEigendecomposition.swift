/// The eigen-decomposition `A = Q Λ Qᵀ` of a real symmetric matrix by the cyclic Jacobi method:
/// `Λ` diagonal with the eigenvalues in ascending order, `Q` orthogonal with the matching unit
/// eigenvectors as columns.
///
/// Jacobi rotations converge quadratically and to full working precision at any precision,
/// which is why the module uses them for eigenvectors; eigenvalues alone go through the cheaper
/// ``SymmetricTridiagonal`` (``Matrix/symmetricEigenvalues(maximumQLSweeps:)``). The input is symmetrised as `(A + Aᵀ)/2`,
/// so a Hessian with rounding-level asymmetry is accepted. An off-diagonal entry is dropped only
/// once it no longer changes either diagonal entry it couples (`|aₚₚ| + 100|aₚq| == |aₚₚ|`),
/// so the stopping rule follows the data and the precision of `T`.
public struct SymmetricEigendecomposition<T: Scalar>: Sendable {
  /// The eigenvalues, ascending.
  public let eigenvalues: [T]
  /// Column `j` is a unit eigenvector for `eigenvalues[j]`.
  public let eigenvectors: Matrix<T>

  /// Decomposes the symmetric part of `a`, with at most `maximumSweeps` sweeps over all pairs.
  /// Throws `NumericError.nonFinite` for NaN or infinite input and `.notConverged` if the
  /// sweeps run out.
  @inlinable
  public init(_ a: Matrix<T>, maximumSweeps: Int = 60) throws {
    var q = Matrix<T>.identity(a.rowCount)
    let w = try Self.diagonalize(a, maximumSweeps: maximumSweeps, accumulatingInto: &q)
    let n = a.rowCount
    let order = (0..<n).sorted { w[$0, $0] < w[$1, $1] }
    eigenvalues = order.map { w[$0, $0] }
    eigenvectors = Matrix(rowCount: n, columnCount: n) { i, j in q[i, order[j]] }
    guard eigenvalues.allSatisfy(\.isFinite) && eigenvectors.isFinite else {
      throw NumericError.nonFinite(algorithm: Self.algorithm)
    }
  }

  @usableFromInline static var algorithm: String { "Jacobi eigenvalue iteration" }

  /// The symmetric part of `a` rotated to diagonal form, the rotations accumulated into `q`.
  @inlinable
  static func diagonalize(
    _ a: Matrix<T>, maximumSweeps: Int, accumulatingInto q: inout Matrix<T>
  ) throws -> Matrix<T> {
    precondition(a.isSquare, "a symmetric eigen-decomposition needs a square matrix")
    guard a.isFinite else { throw NumericError.nonFinite(algorithm: algorithm) }
    let n = a.rowCount
    var w = (a + a.transposed) / 2
    var converged = false
    for _ in 0..<maximumSweeps where !converged {
      converged = true
      for p in 0..<n {
        for r in (p + 1)..<n {
          converged = !annihilate(p, r, in: &w, accumulatingInto: &q) && converged
        }
      }
    }
    guard converged else {
      throw NumericError.notConverged(algorithm: algorithm, iterations: maximumSweeps)
    }
    return w
  }

  /// Zeroes `w[p, r]` by a rotation in the (p, r) plane, or drops it when negligible; returns
  /// whether a rotation was needed.
  @inlinable
  static func annihilate(
    _ p: Int, _ r: Int, in w: inout Matrix<T>, accumulatingInto q: inout Matrix<T>
  ) -> Bool {
    let apr = w[p, r]
    let negligible = 100 * apr.magnitude
    if w[p, p].magnitude + negligible == w[p, p].magnitude
      && w[r, r].magnitude + negligible == w[r, r].magnitude
    {
      w[p, r] = T.zero
      w[r, p] = T.zero
      return false
    }
    let rotation = JacobiRotation(app: w[p, p], aqq: w[r, r], apq: apr)
    w[p, p] -= rotation.t * apr
    w[r, r] += rotation.t * apr
    w[p, r] = T.zero
    w[r, p] = T.zero
    for k in 0..<w.rowCount where k != p && k != r {
      (w[k, p], w[k, r]) = rotation.rotated(w[k, p], w[k, r])
      (w[p, k], w[r, k]) = (w[k, p], w[k, r])
    }
    for k in 0..<q.rowCount { (q[k, p], q[k, r]) = rotation.rotated(q[k, p], q[k, r]) }
    return true
  }

  /// The spectral function `f(A) = Q f(Λ) Qᵀ`.
  @inlinable
  public func applying(_ f: (T) throws -> T) rethrows -> Matrix<T> {
    let values = try eigenvalues.map(f)
    let n = eigenvalues.count
    return Matrix(rowCount: n, columnCount: n) { i, j in
      var sum = T.zero
      for k in 0..<n { sum += eigenvectors[i, k] * values[k] * eigenvectors[j, k] }
      return sum
    }
  }
}

extension Matrix {
  /// The eigen-decomposition of the symmetric part of this square matrix.
  @inlinable
  public func symmetricEigendecomposition() throws -> SymmetricEigendecomposition<T> {
    try SymmetricEigendecomposition(self)
  }

  /// The eigenvalues of the symmetric part of this square matrix, ascending: by tridiagonal
  /// reduction and QL (``SymmetricTridiagonal``), several times faster than the Jacobi sweeps
  /// of ``symmetricEigendecomposition()`` and as accurate in absolute terms. Where QL runs out
  /// of its `maximumQLSweeps` per eigenvalue, Jacobi's eigenvalues instead: slower, and
  /// convergent on every symmetric matrix.
  @inlinable
  public func symmetricEigenvalues(maximumQLSweeps: Int = 30) throws -> [T] {
    do {
      return try SymmetricTridiagonal(reducing: self)
        .eigenvalues(maximumSweepsPerEigenvalue: maximumQLSweeps)
    } catch NumericError.notConverged {
      return try SymmetricEigendecomposition(self).eigenvalues
    }
  }

  /// `f(A) = Q f(Λ) Qᵀ` for the symmetric part `A` of this matrix (e.g. `T.sqrt`, `T.exp`).
  @inlinable
  public func symmetricFunction(_ f: (T) throws -> T) throws -> Matrix {
    try SymmetricEigendecomposition(self).applying(f)
  }
}
