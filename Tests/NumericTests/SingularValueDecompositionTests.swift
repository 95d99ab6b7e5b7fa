import Testing
@testable import Numeric

@Suite struct SingularValueDecompositionTests {
  func check<T: Scalar>(_ a: Matrix<T>, _ svd: SingularValueDecomposition<T>)
    -> (residual: T, uOrthogonality: T, vOrthogonality: T)
  {
    let reconstruction = svd.u * Matrix.diagonal(svd.singularValues) * svd.v.transposed
    return ((reconstruction - a).frobeniusNorm / a.frobeniusNorm,
      distanceFromIdentity(svd.u.transposed * svd.u),
      distanceFromIdentity(svd.v.transposed * svd.v))
  }

  @Test(arguments: [(5, 3), (3, 5), (4, 4)])
  func residualsFallWithPrecision(rows: Int, columns: Int) throws {
    var previous: BigFloat? = nil
    for bits in precisionLadder {
      try withPrecision(bits) {
        let a: Matrix<BigFloat> = randomMatrix(rows, columns, seed: 11)
        let svd = try a.singularValueDecomposition()
        #expect(svd.u.rowCount == rows && svd.v.rowCount == columns)
        #expect(svd.singularValues.count == Swift.min(rows, columns))
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        let (residual, uError, vError) = check(a, svd)
        let worst = Swift.max(residual, uError, vError)
        #expect(worst < fullPrecisionBound(bits), "\(rows)×\(columns) at \(bits) bits: \(worst)")
        if let previous { #expect(worst < previous) }
        previous = worst
      }
    }
  }

  @Test func doubleDecompositionAndItsFailureModes() throws {
    let a: Matrix<Double> = randomMatrix(5, 4, seed: 13)
    let (residual, uError, vError) = check(a, try a.singularValueDecomposition())
    #expect(Swift.max(residual, uError, vError) < 1e-14)
    #expect(throws: NumericError.notConverged(algorithm: "one-sided Jacobi SVD", iterations: 1)) {
      try SingularValueDecomposition(a, maximumSweeps: 1)
    }
    var bad = a
    bad[2, 1] = .infinity
    #expect(throws: NumericError.nonFinite(algorithm: "one-sided Jacobi SVD")) {
      try bad.singularValueDecomposition()
    }
  }

  @Test func singularValuesAreEigenvaluesOfTheGram() throws {
    // σᵢ² are the eigenvalues of AᵀA: two independent algorithms must agree.
    try withPrecision(256) {
      let a: Matrix<BigFloat> = randomMatrix(6, 4, seed: 5)
      let sigma = try a.singularValueDecomposition().singularValues
      let lambda = try (a.transposed * a).symmetricEigendecomposition().eigenvalues
      for (s, l) in zip(sigma, lambda.reversed()) {
        #expect((s * s - l).magnitude < fullPrecisionBound(256))
      }
    }
  }

  @Test(arguments: [(5, 3), (3, 5), (4, 4)])
  func valuesAloneAreTheDecompositionsBits(rows: Int, columns: Int) throws {
    // The same rotations without the vectors: equal bits, at random precisions.
    var generator = SplitMix64(seed: UInt64(rows * 10 + columns))
    for _ in 0..<6 {
      let bits = 32 + Int(generator.next() % 600)
      try withPrecision(bits) {
        let a: Matrix<BigFloat> = randomMatrix(rows, columns, seed: generator.next() % 1000)
        let values = try a.singularValues()
        let decomposition = try a.singularValueDecomposition().singularValues
        #expect(values.count == decomposition.count)
        #expect(zip(values, decomposition).allSatisfy { $0 == $1 && $0.precision == $1.precision }, "\(rows)×\(columns) at \(bits) bits")
      }
    }
    var bad: Matrix<Double> = randomMatrix(rows, columns, seed: 3)
    #expect(throws: NumericError.notConverged(algorithm: "one-sided Jacobi SVD", iterations: 1)) {
      try bad.singularValues(maximumSweeps: 1)
    }
    bad[1, 2] = .nan
    #expect(throws: NumericError.nonFinite(algorithm: "one-sided Jacobi SVD")) { try bad.singularValues() }
  }

  @Test func repeatedAndZeroSingularValues() throws {
    // A = H₁ diag(3, 3, 0, 0) H₂ with exact rational reflections: σ = (3, 3, 0, 0).
    let d: [[Rational]] = [[3, 0, 0, 0], [0, 3, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
    let exact = product(product(householder([1, 2, 2, 4]), d), householder([2, -1, 0, 2]))
    for bits in [53] + precisionLadder {
      try withPrecision(bits) {
        let a: Matrix<BigFloat> = rounded(exact)
        let svd = try a.singularValueDecomposition()
        for (s, expected) in zip(svd.singularValues, [3, 3, 0, 0]) {
          #expect((s - BigFloat(expected)).magnitude < 3 * fullPrecisionBound(bits))
        }
        let (residual, uError, vError) = check(a, svd)
        #expect(Swift.max(residual, uError, vError) < fullPrecisionBound(bits))
      }
    }
    // An exactly zero matrix: U and V must still be orthonormal.
    let zero = try Matrix<Double>.zeros(3, 2).singularValueDecomposition()
    #expect(zero.singularValues == [0, 0])
    #expect(distanceFromIdentity(zero.u.transposed * zero.u) < 1e-15)
  }

  @Test func polarFactorIsOrthogonalWithPositiveDefiniteRemainder() throws {
    for bits in [128, 256] {
      try withPrecision(bits) {
        let a: Matrix<BigFloat> = randomMatrix(4, 4, seed: 21)
        let q = try a.polarFactor()
        #expect(distanceFromIdentity(q.transposed * q) < fullPrecisionBound(bits))
        // A = Q H with H = QᵀA symmetric positive definite characterises the polar factor.
        let h = q.transposed * a
        #expect((h - h.transposed).frobeniusNorm < fullPrecisionBound(bits))
        #expect(try h.symmetricEigendecomposition().eigenvalues.allSatisfy { $0 > 0 })
      }
    }
  }

  @Test(arguments: [(4, 3), (2, 4)])
  func regularizedGramInverseSquareRoot(rows: Int, columns: Int) throws {
    try withPrecision(256) {
      let a: Matrix<BigFloat> = randomMatrix(rows, columns, seed: 9)
      let epsilon = BigFloat(Rational(1, 1000))
      let r = try a.regularizedGramInverseSquareRoot(epsilon: epsilon)
      let gram = a.transposed * a + epsilon * Matrix.identity(columns)
      // R (AᵀA + εI) R = I with R symmetric positive definite pins down the inverse square root;
      // the product amplifies rounding by the Gram's condition number, about 1/ε = 1000.
      #expect(distanceFromIdentity(r * gram * r) < fullPrecisionBound(256) * 1000)
      #expect((r - r.transposed).frobeniusNorm < fullPrecisionBound(256))
      #expect(try r.symmetricEigendecomposition().eigenvalues.allSatisfy { $0 > 0 })
    }
  }
}
