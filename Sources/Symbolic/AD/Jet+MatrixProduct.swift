import Numeric

extension Jet: MatrixProductScalar {
  /// `AB` of matrices of jets, recorded as one tape operation when either holds a tape's jets.
  ///
  /// `*` records, for each of the `r·c` entries, `m` Cauchy products and `m` sums, each with
  /// its own coefficient series: a 32 × 32 product is 65 536 operations whose series the tape
  /// then reads and writes order by order (C1b's profile showed that loop waiting on loads). One
  /// operation (`JetMatrixProduct`) keeps only the `r·c` outputs and computes coefficient `k`
  /// of each, `Σₗ Σⱼ Aᵢₗ,ⱼ Bₗⱼ,ₖ₋ⱼ`, by the coefficients' own route to the matrix product
  /// where they have one (``JetMatrixProduct``); the values are `multiplied(by:)` too.
  @inlinable public static func matrixProduct(_ a: Matrix<Jet>, _ b: Matrix<Jet>) -> Matrix<Jet> {
    precondition(a.columnCount == b.rowCount,
      "product of a \(a.rowCount)×\(a.columnCount) and a \(b.rowCount)×\(b.columnCount) matrix")
    let recording = a.entries.lazy.compactMap(\.recording).first
      ?? b.entries.lazy.compactMap(\.recording).first
    guard let tape = recording?.tape, a.columnCount > 0 else { return a * b }
    let values =
      Matrix(rowCount: a.rowCount, columnCount: a.columnCount, entries: a.entries.map(\.value))
      .multiplied(by: Matrix(rowCount: b.rowCount, columnCount: b.columnCount, entries: b.entries.map(\.value)))
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

  /// Appends coefficient `k ≥ 1` of every output, which follow at `first…`.
  ///
  /// For coefficients with a route to the matrix product (`BigFloat`: each entry correctly
  /// rounded), coefficient `k` of all outputs is one product of the factors' series laid side
  /// by side, `[A₀ A₁ … Aₖ] · [Bₖ; Bₖ₋₁; …; B₀]`, with absent coefficients zero. Otherwise it
  /// is summed with `*`'s bits: `*` sums each entry from a zero constant, whose coefficient `k`
  /// is absent, so its first term is taken as it is and each later one added with one rounding.
  @inlinable func computeCoefficient<T: Scalar>(
    _ k: Int, outputs first: Int, of series: inout [[T]]
  ) {
    guard T.self is any MatrixProductScalar.Type else {
      return sumCoefficient(k, outputs: first, of: &series)
    }
    let width = innerCount * (k + 1)
    let zero = T.zero
    var a: [T] = []
    a.reserveCapacity(rowCount * width)
    for entry in left {
      let s = series[entry]
      for j in 0...k { a.append(j < s.count ? s[j] : zero) }
    }
    var b: [T] = []
    b.reserveCapacity(width * columnCount)
    for l in 0..<innerCount {
      for j in 0...k {
        for c in 0..<columnCount {
          let s = series[right[l * columnCount + c]]
          b.append(k - j < s.count ? s[k - j] : zero)
        }
      }
    }
    let product = Matrix(rowCount: rowCount, columnCount: width, entries: a)
      .multiplied(by: Matrix(rowCount: width, columnCount: columnCount, entries: b))
    for (e, coefficient) in product.entries.enumerated() { series[first + e].append(coefficient) }
  }

  @inlinable func sumCoefficient<T: Scalar>(_ k: Int, outputs first: Int, of series: inout [[T]]) {
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
