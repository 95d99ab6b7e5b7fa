import Numeric

/// Small symmetric matrices of exact rationals (at most 3 × 3 here): the determinant and the
/// inverse by Gauss–Jordan elimination in GMP rationals, so every conditional mean and
/// variance of a mixture is exact.
struct ExactSymmetric: Sendable, Hashable {
  /// Row-major entries, `n × n`, symmetric.
  let rows: [[Rational]]

  var size: Int { rows.count }

  /// Whether every leading principal minor is positive (Sylvester's criterion): positive
  /// definite, decided exactly.
  var isPositiveDefinite: Bool {
    (1...size).allSatisfy { k in
      ExactSymmetric(rows: rows.prefix(k).map { Array($0.prefix(k)) }).determinant > 0
    }
  }

  /// The determinant, by elimination with exact pivots.
  var determinant: Rational {
    var a = rows
    var product = Rational(1)
    for column in 0..<size {
      guard let pivot = (column..<size).first(where: { a[$0][column] != 0 }) else { return 0 }
      if pivot != column {
        a.swapAt(pivot, column)
        product = -product
      }
      product *= a[column][column]
      for row in (column + 1)..<size {
        let factor = a[row][column] / a[column][column]
        for k in column..<size { a[row][k] -= factor * a[column][k] }
      }
    }
    return product
  }

  /// The inverse of a positive definite matrix (its pivots are positive, so none is zero).
  var inverse: ExactSymmetric {
    var a = rows
    var b = (0..<size).map { i in (0..<size).map { Rational($0 == i ? 1 : 0) } }
    for column in 0..<size {
      let pivot = a[column][column]
      precondition(pivot != 0, "a positive definite matrix has non-zero pivots")
      for k in 0..<size {
        a[column][k] /= pivot
        b[column][k] /= pivot
      }
      for row in 0..<size where row != column {
        let factor = a[row][column]
        for k in 0..<size {
          a[row][k] -= factor * a[column][k]
          b[row][k] -= factor * b[column][k]
        }
      }
    }
    return ExactSymmetric(rows: b)
  }

  /// `uᵀ A v`.
  func form(_ u: [Rational], _ v: [Rational]) -> Rational {
    var sum = Rational(0)
    for i in 0..<size { for j in 0..<size { sum += u[i] * rows[i][j] * v[j] } }
    return sum
  }

  /// `A v`.
  func times(_ v: [Rational]) -> [Rational] {
    rows.map { row in zip(row, v).reduce(Rational(0)) { $0 + $1.0 * $1.1 } }
  }
}
