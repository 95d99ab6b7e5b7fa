@testable import Numeric

/// The precision ladder the identity checks use, and the accuracy each rung must reach.
let precisionLadder = [64, 128, 256, 512]

/// `2^−(p − 20)`: full working precision `p` up to twenty bits lost to rounding.
func fullPrecisionBound(_ bits: Int) -> BigFloat { BigFloat.pow(BigFloat(2), 20 - bits) }

/// A matrix drawn row-major from SplitMix64 with entries uniform on [−scale, scale).
func randomMatrix<T: Scalar>(_ rows: Int, _ columns: Int, seed: UInt64, scale: Rational = 1)
  -> Matrix<T>
{
  var generator = SplitMix64(seed: seed)
  return Matrix(rowCount: rows, columnCount: columns,
    entries: generator.symmetricEntries(rows * columns, scale: scale))
}

/// The exact rational Householder reflection `I − 2vvᵀ/(vᵀv)`.
func householder(_ v: [Int]) -> [[Rational]] {
  let norm2 = v.reduce(0) { $0 + $1 * $1 }
  return v.indices.map { i in
    v.indices.map { j in Rational(i == j ? 1 : 0) - Rational(2 * v[i] * v[j], norm2) }
  }
}

/// The exact product of rational matrices.
func product(_ a: [[Rational]], _ b: [[Rational]]) -> [[Rational]] {
  a.map { row in
    b[0].indices.map { j in row.indices.reduce(Rational(0)) { $0 + row[$1] * b[$1][j] } }
  }
}

/// A rational matrix rounded entrywise to `T`.
func rounded<T: Scalar>(_ a: [[Rational]]) -> Matrix<T> { Matrix(a.map { $0.map { T($0) } }) }

/// `‖X − I‖_F` for a square `X`.
func distanceFromIdentity<T: Scalar>(_ x: Matrix<T>) -> T {
  (x - Matrix.identity(x.rowCount)).frobeniusNorm
}
