import Testing
@testable import Numeric

@Suite struct SymmetricEigendecompositionTests {
  /// tridiag(−1, 2, −1) of order n has eigenvalues 2 − 2cos(kπ/(n+1)) = 4 sin²(kπ/(2(n+1))).
  func tridiagonal<T: Scalar>(_ n: Int) -> Matrix<T> {
    Matrix(rowCount: n, columnCount: n) { i, j in i == j ? T(2) : (abs(i - j) == 1 ? T(-1) : T.zero) }
  }

  @Test func tridiagonalSpectrumAcrossPrecisions() throws {
    let n = 8
    var previousError: BigFloat? = nil
    for bits in precisionLadder {
      try withPrecision(bits) {
        let decomposition = try tridiagonal(n).symmetricEigendecomposition() as SymmetricEigendecomposition<BigFloat>
        var error = BigFloat.zero
        for k in 1...n {
          let s = BigFloat.sin(BigFloat(k) * BigFloat.pi / BigFloat(2 * (n + 1)))
          error = Swift.max(error, (decomposition.eigenvalues[k - 1] - 4 * s * s).magnitude)
        }
        #expect(error < fullPrecisionBound(bits), "eigenvalue error \(error) at \(bits) bits")
        if let previousError { #expect(error < previousError) }
        previousError = error
      }
    }
  }

  @Test func reconstructionAndOrthogonalityFallWithPrecision() throws {
    var previous: (BigFloat, BigFloat)? = nil
    for bits in precisionLadder {
      try withPrecision(bits) {
        let b: Matrix<BigFloat> = randomMatrix(6, 6, seed: 7)
        let a = b + b.transposed
        let e = try a.symmetricEigendecomposition()
        let q = e.eigenvectors
        let residual = (q * Matrix.diagonal(e.eigenvalues) * q.transposed - a).frobeniusNorm / a.frobeniusNorm
        let orthogonality = distanceFromIdentity(q.transposed * q)
        #expect(residual < fullPrecisionBound(bits))
        #expect(orthogonality < fullPrecisionBound(bits))
        #expect(zip(e.eigenvalues, e.eigenvalues.dropFirst()).allSatisfy { $0 <= $1 }, "ascending")
        if let (r, o) = previous { #expect(residual < r && orthogonality < o) }
        previous = (residual, orthogonality)
      }
    }
  }

  @Test func repeatedAndZeroEigenvaluesInDouble() throws {
    // H diag(0, 3, 3) H with H an exact rational reflection: a double eigenvalue and a zero one.
    let h = householder([1, 2, 2])
    let a: Matrix<Double> = rounded(product(product(h, [[0, 0, 0], [0, 3, 0], [0, 0, 3]]), h))
    let e = try a.symmetricEigendecomposition()
    for (value, expected) in zip(e.eigenvalues, [0.0, 3, 3]) {
      #expect(Swift.abs(value - expected) < 1e-14)
    }
    #expect(distanceFromIdentity(e.eigenvectors.transposed * e.eigenvectors) < 1e-14)
    // The zero eigenvalue's eigenvector is ±H e₁ = ±(7, −4, −4)/9.
    #expect(Swift.abs(Swift.abs(e.eigenvectors.column(0).dot([7, -4, -4])) - 9) < 1e-13)
  }

  @Test func spectralFunctionsInvertEachOther() throws {
    try withPrecision(256) {
      let b: Matrix<BigFloat> = randomMatrix(5, 5, seed: 3)
      let a = b.transposed * b + Matrix.identity(5)  // positive definite
      let root = try a.symmetricFunction { BigFloat.sqrt($0) }
      #expect((root * root - a).frobeniusNorm < fullPrecisionBound(256))
      let logarithm = try a.symmetricFunction { BigFloat.log($0) }
      let back = try logarithm.symmetricFunction { BigFloat.exp($0) }
      #expect((back - a).frobeniusNorm < fullPrecisionBound(256))
      // det A = exp(tr log A).
      #expect((BigFloat.exp(logarithm.trace) / a.determinant - 1).magnitude < fullPrecisionBound(256))
    }
  }

  @Test func exhaustedSweepsThrow() {
    let b: Matrix<Double> = randomMatrix(6, 6, seed: 2)
    #expect(throws: NumericError.notConverged(algorithm: "Jacobi eigenvalue iteration", iterations: 1)) {
      try SymmetricEigendecomposition(b + b.transposed, maximumSweeps: 1)
    }
  }

  @Test func nonFiniteInputThrows() {
    let a = Matrix<Double>([[1, .nan], [.nan, 1]])
    #expect(throws: NumericError.nonFinite(algorithm: "Jacobi eigenvalue iteration")) {
      try a.symmetricEigendecomposition()
    }
  }
}
