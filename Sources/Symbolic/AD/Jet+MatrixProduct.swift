import Numeric

/// A scalar type with its own route to the matrix product, which generic code takes instead of
/// `*` (`Matrix.multiplied(by:)`).
public protocol MatrixProductScalar: Scalar {
  /// `AB`, rounded exactly as `A * B`.
  static func matrixProduct(_ a: Matrix<Self>, _ b: Matrix<Self>) -> Matrix<Self>
}

extension Jet: MatrixProductScalar {
  /// `AB` of matrices of jets, recorded as one tape operation when either holds a tape's jets.
  ///
  /// `*` records, for each of the `r·c` entries, `m` Cauchy products and `m` sums, each with
  /// its own coefficient series: a 32 × 32 product is 65 536 operations whose series the tape
  /// then reads and writes order by order (C1b's profile showed that loop waiting on loads). One
  /// operation (`JetMatrixProduct`) keeps only the `r·c` outputs and computes coefficient `k`
  /// of each as `Σₗ Σⱼ Aᵢₗ,ⱼ Bₗⱼ,ₖ₋ⱼ` with the same recurrences summed in the same order, so
  /// every coefficient has the bits `*` gives it.
  @inlinable public static func matrixProduct(_ a: Matrix<Jet>, _ b: Matrix<Jet>) -> Matrix<Jet> {
    precondition(a.columnCount == b.rowCount,
      "product of a \(a.rowCount)×\(a.columnCount) and a \(b.rowCount)×\(b.columnCount) matrix")
    let recording = a.entries.lazy.compactMap(\.recording).first
      ?? b.entries.lazy.compactMap(\.recording).first
    guard let tape = recording?.tape, a.columnCount > 0 else { return a * b }
    let values =
      Matrix(rowCount: a.rowCount, columnCount: a.columnCount, entries: a.entries.map(\.value))
      * Matrix(rowCount: b.rowCount, columnCount: b.columnCount, entries: b.entries.map(\.value))
    tape.matrixProducts.append(
      JetMatrixProduct(
        rowCount: a.rowCount, innerCount: a.columnCount, columnCount: b.columnCount,
        left: a.entries.map { tape.index(of: $0) }, right: b.entries.map { tape.index(of: $0) }))
    _ = tape.append(.matrixProduct(tape.matrixProducts.count - 1), [])
    let outputs = values.entries.map { tape.jet(tape.append(.output, [$0])) }
    return Matrix(rowCount: a.rowCount, columnCount: b.columnCount, entries: outputs)
  }
}

/// A matrix product recorded on a `JetTape`: the tape operations of the factors' entries
/// (row-major) and the recurrence for each coefficient of the `rowCount × columnCount` outputs.
@usableFromInline struct JetMatrixProduct: Sendable {
  @usableFromInline let rowCount: Int
  @usableFromInline let innerCount: Int
  @usableFromInline let columnCount: Int
  @usableFromInline let left: [Int]
  @usableFromInline let right: [Int]

  @inlinable init(rowCount: Int, innerCount: Int, columnCount: Int, left: [Int], right: [Int]) {
    (self.rowCount, self.innerCount, self.columnCount) = (rowCount, innerCount, columnCount)
    (self.left, self.right) = (left, right)
  }

  /// Appends coefficient `k ≥ 1` of every output, which follow at `first…`. `*` sums each
  /// entry from a zero constant, whose coefficient `k` is absent, so its first term is taken
  /// as it is and each later one added with one rounding.
  @inlinable func computeCoefficient<T: Scalar>(
    _ k: Int, outputs first: Int, of series: inout [[T]]
  ) {
    typealias R = TaylorRecurrence<T>
    for i in 0..<rowCount {
      let row = i * innerCount
      for c in 0..<columnCount {
        var sum = R.product(series[left[row]], series[right[c]], k)
        for l in 1..<innerCount {
          sum = sum + R.product(series[left[row + l]], series[right[l * columnCount + c]], k)
        }
        series[first + i * columnCount + c].append(sum)
      }
    }
  }
}

extension Matrix {
  /// `self · b`, with the same bits as `*`, by the scalar type's own route where it has one
  /// (jets on a tape: one operation for the whole product).
  public func multiplied(by b: Matrix) -> Matrix {
    guard let route = T.self as? any MatrixProductScalar.Type else { return self * b }
    func through<S: MatrixProductScalar>(_: S.Type) -> Matrix {
      S.matrixProduct(self as! Matrix<S>, b as! Matrix<S>) as! Matrix
    }
    return through(route)
  }
}
