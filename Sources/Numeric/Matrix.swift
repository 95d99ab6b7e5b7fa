/// A small dense real matrix with value semantics, stored row-major.
///
/// ClaimCheck's matrices are small (a few rows) but their entries may carry hundreds of bits,
/// so the type favours readable formulas (`A * B`, `A.transposed`, `A.frobeniusNorm`) over
/// blocking or in-place kernels. Every algorithm on it is generic over `Scalar` and runs
/// unchanged in `Double` and `BigFloat`.
public struct Matrix<T: Scalar>: Sendable, Equatable {
  public let rowCount: Int
  public let columnCount: Int
  /// The entries in row-major order: entry `(i, j)` is `entries[i * columnCount + j]`.
  @inlinable public var entries: [T] { storage }
  /// `entries`, writable inside the module and by its inlinable code (so that generic matrix
  /// code specializes in the claims that use it) but not by clients, who could break the shape.
  @usableFromInline var storage: [T]

  /// The `rowCount × columnCount` matrix with the given row-major `entries`.
  @inlinable public init(rowCount: Int, columnCount: Int, entries: [T]) {
    precondition(rowCount >= 0 && columnCount >= 0, "matrix dimensions must be non-negative")
    precondition(entries.count == rowCount * columnCount,
      "a \(rowCount)×\(columnCount) matrix needs \(rowCount * columnCount) entries, got \(entries.count)")
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.storage = entries
  }

  /// The matrix whose `i`-th row is `rows[i]`; all rows must have the same length.
  @inlinable public init(_ rows: [[T]]) {
    let columnCount = rows.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == columnCount }, "matrix rows differ in length")
    self.init(rowCount: rows.count, columnCount: columnCount, entries: rows.flatMap { $0 })
  }

  /// The matrix with entry `(i, j)` equal to `entry(i, j)`.
  @inlinable public init(rowCount: Int, columnCount: Int, entry: (Int, Int) throws -> T) rethrows {
    var entries: [T] = []
    entries.reserveCapacity(rowCount * columnCount)
    for i in 0..<rowCount {
      for j in 0..<columnCount { entries.append(try entry(i, j)) }
    }
    self.init(rowCount: rowCount, columnCount: columnCount, entries: entries)
  }

  /// The `rowCount × columnCount` zero matrix.
  @inlinable public static func zeros(_ rowCount: Int, _ columnCount: Int) -> Matrix {
    Matrix(rowCount: rowCount, columnCount: columnCount,
      entries: Array(repeating: T.zero, count: rowCount * columnCount))
  }

  /// The `n × n` identity.
  @inlinable public static func identity(_ n: Int) -> Matrix {
    diagonal(Array(repeating: T(1), count: n))
  }

  /// The square matrix with `diagonal` on its diagonal and zeros elsewhere.
  @inlinable public static func diagonal(_ diagonal: [T]) -> Matrix {
    var result = zeros(diagonal.count, diagonal.count)
    for (i, d) in diagonal.enumerated() { result[i, i] = d }
    return result
  }

  @inlinable public subscript(i: Int, j: Int) -> T {
    get {
      precondition((0..<rowCount).contains(i) && (0..<columnCount).contains(j), "index out of range")
      return entries[i * columnCount + j]
    }
    set {
      precondition((0..<rowCount).contains(i) && (0..<columnCount).contains(j), "index out of range")
      storage[i * columnCount + j] = newValue
    }
    // In place, so `m[i, j].addRoundedProduct(a, b)` accumulates without a copy of the entry.
    _modify {
      precondition((0..<rowCount).contains(i) && (0..<columnCount).contains(j), "index out of range")
      yield &storage[i * columnCount + j]
    }
  }

  @inlinable public var isSquare: Bool { rowCount == columnCount }

  /// False when any entry is NaN or infinite.
  @inlinable public var isFinite: Bool { entries.allSatisfy(\.isFinite) }

  /// Row `i` as an array.
  @inlinable public func row(_ i: Int) -> [T] {
    Array(entries[(i * columnCount)..<((i + 1) * columnCount)])
  }

  /// Column `j` as an array.
  @inlinable public func column(_ j: Int) -> [T] {
    (0..<rowCount).map { self[$0, j] }
  }

  /// The rows as nested arrays.
  @inlinable public var rows: [[T]] { (0..<rowCount).map(row) }

  /// `Aᵀ`.
  @inlinable public var transposed: Matrix {
    Matrix(rowCount: columnCount, columnCount: rowCount) { i, j in self[j, i] }
  }

  /// `tr A = Σᵢ Aᵢᵢ` of a square matrix.
  @inlinable public var trace: T {
    precondition(isSquare, "trace needs a square matrix")
    return (0..<rowCount).reduce(T.zero) { $0 + self[$1, $1] }
  }

  /// The matrix with `transform` applied to every entry.
  @inlinable public func map(_ transform: (T) throws -> T) rethrows -> Matrix {
    Matrix(rowCount: rowCount, columnCount: columnCount, entries: try entries.map(transform))
  }
}

extension Matrix: CustomStringConvertible {
  public var description: String {
    "[" + rows.map { "[" + $0.map(\.description).joined(separator: ", ") + "]" }
      .joined(separator: ", ") + "]"
  }
}
