/// The vector-space and algebra operations of `Matrix`, and the Frobenius inner product
/// `⟨A, B⟩ = Σᵢⱼ AᵢⱼBᵢⱼ = tr(AᵀB)` with its norm.
extension Matrix {
  @usableFromInline static func checkSameShape(_ a: Matrix, _ b: Matrix, _ operation: String) {
    precondition(a.rowCount == b.rowCount && a.columnCount == b.columnCount,
      "\(operation) of a \(a.rowCount)×\(a.columnCount) and a \(b.rowCount)×\(b.columnCount) matrix")
  }

  /// The entrywise combination of two matrices of the same shape.
  @inlinable public func combined(with other: Matrix, _ combine: (T, T) throws -> T) rethrows -> Matrix {
    Matrix.checkSameShape(self, other, "entrywise combination")
    return Matrix(rowCount: rowCount, columnCount: columnCount,
      entries: try zip(entries, other.entries).map(combine))
  }

  @inlinable public static func + (a: Matrix, b: Matrix) -> Matrix { a.combined(with: b, +) }
  @inlinable public static func - (a: Matrix, b: Matrix) -> Matrix { a.combined(with: b, -) }
  @inlinable public static prefix func - (a: Matrix) -> Matrix { a.map { -$0 } }
  @inlinable public static func += (a: inout Matrix, b: Matrix) { a = a + b }
  @inlinable public static func -= (a: inout Matrix, b: Matrix) { a = a - b }

  @inlinable public static func * (s: T, a: Matrix) -> Matrix { a.map { s * $0 } }
  @inlinable public static func * (a: Matrix, s: T) -> Matrix { a.map { $0 * s } }
  @inlinable public static func / (a: Matrix, s: T) -> Matrix { a.map { $0 / s } }

  /// The matrix product `(AB)ᵢⱼ = Σₖ AᵢₖBₖⱼ`.
  @inlinable public static func * (a: Matrix, b: Matrix) -> Matrix {
    precondition(a.columnCount == b.rowCount,
      "product of a \(a.rowCount)×\(a.columnCount) and a \(b.rowCount)×\(b.columnCount) matrix")
    return Matrix(rowCount: a.rowCount, columnCount: b.columnCount) { i, j in
      var sum = T.zero
      for k in 0..<a.columnCount { sum.addRoundedProduct(a[i, k], b[k, j]) }
      return sum
    }
  }

  /// The matrix–vector product `(Ax)ᵢ = Σⱼ Aᵢⱼxⱼ`.
  @inlinable public static func * (a: Matrix, x: [T]) -> [T] {
    precondition(a.columnCount == x.count,
      "product of a \(a.rowCount)×\(a.columnCount) matrix and a vector of length \(x.count)")
    // Each row read in place (a row copied out first was a third of a small network's pass),
    // summed as `dot` sums: from zero, one rounded product at a time. One zero for all rows: a
    // `BigFloat` zero reads the task-local precision, ~5 % of a small network's pass per row.
    let zero = T.zero
    return (0..<a.rowCount).map { i in
      var sum = zero
      let row = i * a.columnCount
      for j in 0..<a.columnCount { sum.addRoundedProduct(a.entries[row + j], x[j]) }
      return sum
    }
  }

  /// `Aᵀx` without forming `Aᵀ`: `(Aᵀx)ⱼ = Σᵢ Aᵢⱼxᵢ`, summed in ascending `i` exactly as
  /// `a.transposed * x`, so the two agree to the bit.
  @inlinable public func transposedProduct(_ x: [T]) -> [T] {
    precondition(rowCount == x.count,
      "product of the transpose of a \(rowCount)×\(columnCount) matrix and a vector of length \(x.count)")
    let zero = T.zero
    return (0..<columnCount).map { j in
      var sum = zero
      for i in 0..<rowCount { sum.addRoundedProduct(entries[i * columnCount + j], x[i]) }
      return sum
    }
  }

  /// The Hadamard (entrywise) product `(A ∘ B)ᵢⱼ = AᵢⱼBᵢⱼ`.
  @inlinable public func hadamardProduct(_ other: Matrix) -> Matrix { combined(with: other, *) }

  /// The Frobenius inner product `⟨A, B⟩ = Σᵢⱼ AᵢⱼBᵢⱼ = tr(AᵀB)`.
  @inlinable public func frobeniusInnerProduct(_ other: Matrix) -> T {
    Matrix.checkSameShape(self, other, "Frobenius inner product")
    return entries.dot(other.entries)
  }

  /// `‖A‖_F = √⟨A, A⟩`.
  @inlinable public var frobeniusNorm: T { T.sqrt(frobeniusInnerProduct(self)) }

  /// The largest entry magnitude `maxᵢⱼ |Aᵢⱼ|` (zero for an empty matrix).
  @inlinable public var maximumMagnitude: T { entries.maximumMagnitude }
}
