import Testing

@testable import Numeric

@Suite struct InertiaTests {
  /// `Q diag(λ) Qᵀ` for the exact rational Householder reflection `Q = I − 2uuᵀ/(uᵀu)`,
  /// `u = (1, 2, −1, 3, 1)`: a dense symmetric matrix with the eigenvalues `λ`.
  func conjugated(_ eigenvalues: [Rational]) -> Matrix<BigFloat> {
    let q = householder([1, 2, -1, 3, 1])
    let d = eigenvalues.indices.map { i in
      eigenvalues.indices.map { $0 == i ? eigenvalues[i] : Rational(0) }
    }
    return rounded(product(product(q, d), q))
  }

  @Test func countsFollowTheZeroTolerance() throws {
    try withPrecision(256) {
      let tiny = Rational.pow(Rational(10), -40)
      let a = conjugated([-2, 0, 3, tiny, Rational(1, 7)])
      let coarse = try Inertia(symmetric: a, zeroTolerance: BigFloat.pow(2, -100))
      #expect(coarse == Inertia(positive: 2, negative: 1, zero: 2))
      // 10⁻⁴⁰ is a genuine eigenvalue at 256 bits: a tolerance below it counts it positive,
      // while the exact zero stays within rounding (≈ 2⁻²⁵⁰) of 0.
      let fine = try Inertia(symmetric: a, zeroTolerance: BigFloat.pow(2, -200))
      #expect(fine == Inertia(positive: 3, negative: 1, zero: 1))
    }
  }

  @Test func nonFiniteEntriesThrow() {
    let a = Matrix([[1.0, .nan], [.nan, 1.0]])
    #expect(throws: NumericError.self) { try Inertia(symmetric: a, zeroTolerance: 1e-8) }
  }
}
