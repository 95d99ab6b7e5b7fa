import Numeric
import Testing

/// `certifiedSymmetricEigenvalues`, in Arb's style: random rational symmetric matrices at
/// random precisions, each eigenvalue computed at p + 64 bits lying in its ball; radii near
/// the rounding level; nil where the eigenvalues are not separated.
@Suite struct CertifiedEigenvaluesTests {
  @Test func randomSymmetricMatricesHaveTheirEigenvaluesInTheBalls() throws {
    var random = SplitMix64(seed: 2026)
    for _ in 0..<20 {
      let n = 1 + Int(random.next() % 5)
      let bits = 64 + Int(random.next() % 400)
      var entries = [Rational](repeating: 0, count: n * n)
      for i in 0..<n {
        for j in i..<n {
          let q = random.nextSymmetric(scale: 3)
          entries[i * n + j] = q
          entries[j * n + i] = q
        }
      }
      let balls = try #require(
        withPrecision(bits) { Matrix<Ball>(rounding: entries, n, n).certifiedSymmetricEigenvalues() },
        "n = \(n), \(bits) bits")
      let reference = try withPrecision(bits + 64) {
        try Matrix<BigFloat>(rounding: entries, n, n).symmetricEigendecomposition().eigenvalues
      }
      for (ball, exact) in zip(balls, reference) {
        #expect(ball.contains(exact), "n = \(n), \(bits) bits: \(exact) not in \(ball)")
        // Jacobi's eigenvectors are accurate to a few hundred units of rounding.
        #expect(ball.radius <= BigFloat(Rational.pow(2, 16 - bits)) * (1 + exact.magnitude))
      }
    }
  }

  @Test func aBallOfMatricesEnclosesEveryMembersEigenvalues() throws {
    try withPrecision(128) {
      let wide = Matrix<Ball>([[Ball(midpoint: 2, radius: BigFloat(Rational(1, 100))), 1], [1, -1]])
      let balls = try #require(wide.certifiedSymmetricEigenvalues())
      // diag(2 ± 1/100, −1) with off-diagonal 1: eigenvalues (1 ± √(9 + 4))/2 move by < 1/100.
      for shift in [Rational(-1, 100), 0, Rational(1, 100)] {
        let member = try Matrix<BigFloat>(rounding: [2 + shift, 1, 1, -1], 2, 2)
          .symmetricEigendecomposition().eigenvalues
        #expect(zip(balls, member).allSatisfy { $0.contains($1) })
      }
    }
  }

  @Test func aDoubleEigenvalueIsNotSeparated() {
    withPrecision(256) {
      #expect(Matrix<Ball>([[1, 0], [0, 1]]).certifiedSymmetricEigenvalues() == nil)
      let nearlyDouble = Matrix<Ball>([[1, 0], [0, Ball(midpoint: 1, radius: 1)]])
      #expect(nearlyDouble.certifiedSymmetricEigenvalues() == nil)
    }
  }
}
