import Testing
@testable import Numeric

@Suite struct MatrixTests {
  let a = Matrix<Double>([[1, 2, 3], [4, 5, 6]])
  let b = Matrix<Double>([[7, 8], [9, 10], [11, 12]])

  @Test func shapeSubscriptAndTranspose() {
    #expect(a.rowCount == 2 && a.columnCount == 3)
    #expect(a[1, 2] == 6)
    #expect(a.row(1) == [4, 5, 6])
    #expect(a.column(2) == [3, 6])
    #expect(a.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
    var c = a
    c[0, 1] = -2
    #expect(c[0, 1] == -2 && a[0, 1] == 2, "matrices are values")
  }

  @Test func constructors() {
    #expect(Matrix<Double>.identity(2) == Matrix([[1, 0], [0, 1]]))
    #expect(Matrix<Double>.zeros(1, 2) == Matrix([[0, 0]]))
    #expect(Matrix<Double>.diagonal([2, 3]) == Matrix([[2, 0], [0, 3]]))
    #expect(Matrix<Double>(rowCount: 2, columnCount: 2) { i, j in Double(10 * i + j) }
      == Matrix([[0, 1], [10, 11]]))
  }

  @Test func arithmetic() {
    #expect(a * b == Matrix([[58, 64], [139, 154]]))
    #expect(a * [1, 0, -1] == [-2, -2])
    #expect(a.transposedProduct([1, -1]) == [-3, -3, -3])
    #expect(a + a == 2 * a)
    #expect(a - a == Matrix.zeros(2, 3))
    #expect(-a == a * -1)
    #expect(a / 2 == Matrix([[0.5, 1, 1.5], [2, 2.5, 3]]))
    #expect(a.hadamardProduct(a) == Matrix([[1, 4, 9], [16, 25, 36]]))
    #expect(a.map { $0 - 1 } == Matrix([[0, 1, 2], [3, 4, 5]]))
    #expect((a * b).trace == 212)
    // ⟨A, Bᵀ⟩ = tr(A B) = 212, and ‖A‖_F² = 1 + 4 + … + 36 = 91.
    #expect(a.frobeniusInnerProduct(b.transposed) == 212)
    #expect(a.frobeniusNorm == 91.0.squareRoot())
  }

  @Test func luSolveDeterminantInverseInDouble() throws {
    // Needs a row swap: the (0, 0) entry is zero.
    let m = Matrix<Double>([[0, 2, 1], [1, 1, 1], [2, 1, 3]])
    #expect(Swift.abs(m.determinant - (-3)) < 1e-14)
    let x = try m.solve([6, 6, 15])
    for (xi, expected) in zip(x, [1.0, 1, 4]) { #expect(Swift.abs(xi - expected) < 1e-14) }
    let residual = try m * m.inverse() - Matrix.identity(3)
    #expect(residual.maximumMagnitude < 1e-15)
  }

  @Test func hilbertInverseAt256Bits() throws {
    // The inverse of the n×n Hilbert matrix has the integer entries (0-based)
    // (−1)^{i+j} (i+j+1) C(n+i, n−j−1) C(n+j, n−i−1) C(i+j, i)², and det H₆ = 1/186313420339200000.
    try withPrecision(256) {
      let n = 6
      let h = Matrix<BigFloat>(rowCount: n, columnCount: n) { i, j in
        BigFloat(Rational(BigInt(1), BigInt(i + j + 1)))
      }
      func binomial(_ n: Int, _ k: Int) -> Int {
        k < 0 || k > n ? 0 : (0..<k).reduce(1) { $0 * (n - $1) / ($1 + 1) }
      }
      let inverse = try h.inverse()
      for i in 0..<n {
        for j in 0..<n {
          let sign = (i + j) % 2 == 0 ? 1 : -1
          let exact = sign * (i + j + 1) * binomial(n + i, n - j - 1) * binomial(n + j, n - i - 1)
            * binomial(i + j, i) * binomial(i + j, i)
          #expect(((inverse[i, j] - BigFloat(exact)) / BigFloat(exact)).magnitude < BigFloat(1e-60))
        }
      }
      let det = h.determinant * BigFloat(186_313_420_339_200_000)
      #expect((det - 1).magnitude < BigFloat(1e-60))
    }
  }

  @Test func singularSystemThrows() {
    let exact = Matrix<Double>([[1, 2], [2, 4]])
    #expect(throws: NumericError.singularMatrix) { try exact.solve([1, 1]) }
    #expect(exact.determinant == 0)
    // Singular in exact arithmetic, with a rounding-sized last pivot in floating point.
    let rounded = Matrix<Double>([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    #expect(LUDecomposition(rounded).isSingular)
    #expect(throws: NumericError.singularMatrix) { try rounded.inverse() }
    withPrecision(128) {
      let big = Matrix(rounded.rows.map { $0.map { BigFloat($0) } })
      #expect(throws: NumericError.singularMatrix) { try big.solve([1, 1, 1].map { BigFloat($0) }) }
    }
  }
}
