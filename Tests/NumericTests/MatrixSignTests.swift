import Testing
@testable import Numeric

/// `msign` against closed forms on rank-deficient inputs and against the polar factor at full rank.
@Suite struct MatrixSignTests {
  /// `max |Aᵢⱼ − Bᵢⱼ|` with `B` exact.
  func distance(_ a: Matrix<BigFloat>, _ b: [[Rational]]) -> BigFloat {
    (a - rounded(b)).maximumMagnitude
  }

  @Test func rankOneIsTheNormalisedOuterProduct() throws {
    // A = x yᵀ with ‖x‖ = 3, ‖y‖ = 5: msign(A) = x yᵀ / 15, and the transpose for the wide Aᵀ.
    let x = [1, 2, -2], y = [3, 4]
    let a = x.map { xi in y.map { Rational(xi * $0) } }
    let expected = x.map { xi in y.map { Rational(xi * $0, 15) } }
    for bits in precisionLadder {
      try withPrecision(bits) {
        let tall: Matrix<BigFloat> = rounded(a)
        #expect(distance(try tall.matrixSign(), expected) < fullPrecisionBound(bits))
        let wide = try tall.transposed.matrixSign()
        #expect(distance(wide.transposed, expected) < fullPrecisionBound(bits))
      }
    }
  }

  @Test func zeroAndDiagonalMatrices() throws {
    try withPrecision(128) {
      for (m, n) in [(3, 2), (2, 3), (2, 2)] {
        let sign = try Matrix<BigFloat>.zeros(m, n).matrixSign()
        let allZero = sign.entries.allSatisfy(\.isZero)
        #expect(allZero, "msign of the \(m)×\(n) zero matrix")
      }
      // Diag(d) ↦ Diag(sign d), sign 0 = 0, exactly.
      let d: [BigFloat] = [2, 0, -3, 0]
      let sign = try Matrix.diagonal(d).matrixSign()
      #expect(sign == Matrix.diagonal([1, 0, -1, 0]))
      // A rectangular diagonal with a zero: [[0, 0], [0, −5], [0, 0]] ↦ [[0, 0], [0, −1], [0, 0]].
      let rectangular = Matrix<BigFloat>([[0, 0], [0, -5], [0, 0]])
      #expect(try rectangular.matrixSign() == Matrix([[0, 0], [0, -1], [0, 0]]))
    }
    // In Double, 1e-100 is zero relative to σ₁ = 7 unless the tolerance is set to 0.
    let double = Matrix<Double>.diagonal([0, -1e-100, 7])
    #expect(try double.matrixSign() == .diagonal([0, 0, 1]))
    #expect(try double.matrixSign(zeroTolerance: 0) == .diagonal([0, -1, 1]))
  }

  @Test func theZeroToleranceIsExplicit() throws {
    try withPrecision(256) {
      let tiny = BigFloat(Rational(1, BigInt.pow(10, 30)))
      let a = Matrix.diagonal([BigFloat(1), tiny])
      let svd = try a.singularValueDecomposition()
      #expect(svd.rankTolerance == 2 * BigFloat.workingEpsilon)
      #expect(try a.matrixSign() == .diagonal([1, 1]))
      #expect(try a.matrixSign(zeroTolerance: BigFloat(Rational(1, BigInt.pow(10, 20)))) == .diagonal([1, 0]))
    }
  }

  @Test(arguments: [(4, 3), (3, 4), (3, 3)])
  func fullRankAgreesWithThePolarFactor(rows: Int, columns: Int) throws {
    for bits in precisionLadder {
      try withPrecision(bits) {
        let a: Matrix<BigFloat> = randomMatrix(rows, columns, seed: 17)
        let difference = try (a.matrixSign() - a.polarFactor()).maximumMagnitude
        #expect(difference < fullPrecisionBound(bits), "\(rows)×\(columns) at \(bits) bits")
      }
    }
  }

  @Test func rankDeficientProductDropsTheNullSpace() throws {
    // A = B Cᵀ with B, C of two columns has rank 2 in 4×3: Q = msign(A) is a partial isometry
    // of rank 2 (Q Qᵀ Q = Q, tr QᵀQ = 2) with A = Q H, H = QᵀA = (AᵀA)^{1/2} symmetric.
    try withPrecision(256) {
      let b: Matrix<BigFloat> = randomMatrix(4, 2, seed: 3)
      let c: Matrix<BigFloat> = randomMatrix(3, 2, seed: 4)
      let a = b * c.transposed
      let q = try a.matrixSign()
      let bound = fullPrecisionBound(256)
      #expect((q * q.transposed * q - q).maximumMagnitude < bound)
      #expect(((q.transposed * q).trace - 2).magnitude < bound)
      let h = q.transposed * a
      #expect((h - h.transposed).maximumMagnitude < bound)
      #expect((q * h - a).maximumMagnitude < bound)
    }
  }
}
