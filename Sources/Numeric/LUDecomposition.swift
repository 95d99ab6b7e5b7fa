/// The factorisation `PA = LU` of a square matrix by Gaussian elimination with partial
/// pivoting: `P` a row permutation, `L` unit lower triangular, `U` upper triangular.
///
/// A pivot no larger than `n · ε · maxᵢⱼ|Aᵢⱼ|` (ε the working epsilon) is treated as zero: such
/// a matrix is singular to the working precision, `solve` throws `NumericError.singularMatrix`
/// and `determinant` is the (tiny or zero) product of the computed pivots.
public struct LUDecomposition<T: Scalar>: Sendable {
  /// `L` strictly below the diagonal (its unit diagonal implied) and `U` on and above it.
  public let factors: Matrix<T>
  /// Row `i` of `PA` is row `permutation[i]` of `A`.
  public let permutation: [Int]
  /// True when some pivot is zero to the working precision.
  public let isSingular: Bool
  private let permutationSign: Int

  public init(_ a: Matrix<T>) {
    precondition(a.isSquare, "LU decomposition needs a square matrix")
    let n = a.rowCount
    let negligible = T(n) * T.workingEpsilon * a.maximumMagnitude
    var lu = a
    var permutation = Array(0..<n)
    var sign = 1
    var isSingular = false
    for k in 0..<n {
      // Partial pivoting: the largest candidate bounds every multiplier by 1 in magnitude.
      var pivotRow = k
      for i in (k + 1)..<n where lu[i, k].magnitude > lu[pivotRow, k].magnitude {
        pivotRow = i
      }
      if pivotRow != k {
        for j in 0..<n { (lu[k, j], lu[pivotRow, j]) = (lu[pivotRow, j], lu[k, j]) }
        permutation.swapAt(k, pivotRow)
        sign = -sign
      }
      let pivot = lu[k, k]
      // `!(|p| > negligible)` also catches a NaN pivot.
      guard pivot.magnitude > negligible else {
        isSingular = true
        continue
      }
      for i in (k + 1)..<n {
        let multiplier = lu[i, k] / pivot
        lu[i, k] = multiplier
        for j in (k + 1)..<n { lu[i, j] -= multiplier * lu[k, j] }
      }
    }
    factors = lu
    self.permutation = permutation
    self.isSingular = isSingular
    permutationSign = sign
  }

  /// `det A = sign(P) · Πᵢ Uᵢᵢ`.
  public var determinant: T {
    (0..<factors.rowCount).reduce(T(permutationSign)) { $0 * factors[$1, $1] }
  }

  /// The solution `x` of `Ax = b`, by forward substitution in `L` and back substitution in `U`.
  public func solve(_ b: [T]) throws -> [T] {
    let n = factors.rowCount
    precondition(b.count == n, "right-hand side has length \(b.count), expected \(n)")
    guard !isSingular else { throw NumericError.singularMatrix }
    var x = permutation.map { b[$0] }
    for i in 0..<n {
      for j in 0..<i { x[i] -= factors[i, j] * x[j] }
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in (i + 1)..<n { x[i] -= factors[i, j] * x[j] }
      x[i] /= factors[i, i]
    }
    guard x.allSatisfy(\.isFinite) else { throw NumericError.nonFinite(algorithm: "LU solve") }
    return x
  }

  /// The solution `X` of `AX = B`, column by column.
  public func solve(_ b: Matrix<T>) throws -> Matrix<T> {
    let columns = try (0..<b.columnCount).map { try solve(b.column($0)) }
    return Matrix(rowCount: b.rowCount, columnCount: b.columnCount) { i, j in columns[j][i] }
  }
}

extension Matrix {
  /// The solution `x` of `Ax = b`; throws `NumericError.singularMatrix` for a singular `A`.
  public func solve(_ b: [T]) throws -> [T] { try LUDecomposition(self).solve(b) }

  /// The solution `X` of `AX = B`; throws `NumericError.singularMatrix` for a singular `A`.
  public func solve(_ b: Matrix) throws -> Matrix { try LUDecomposition(self).solve(b) }

  /// `det A` through the LU factorisation.
  public var determinant: T { LUDecomposition(self).determinant }

  /// `A⁻¹`; throws `NumericError.singularMatrix` for a singular `A`.
  public func inverse() throws -> Matrix { try solve(Matrix.identity(rowCount)) }
}
