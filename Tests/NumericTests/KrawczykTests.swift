import Numeric
import Testing

/// The Krawczyk operator and certified inertia on problems with known answers.
@Suite struct KrawczykTests {
  /// `f(x, y) = (x² − 2, x·y − 1)`: the zero `(√2, 1/√2)`; `J = [[2x, 0], [y, x]]`.
  static func value(_ p: [Ball]) -> [Ball] { [p[0] * p[0] - 2, p[0] * p[1] - 1] }
  static func jacobian(_ p: [Ball]) -> Matrix<Ball> { Matrix([[2 * p[0], 0], [p[1], p[0]]]) }

  @Test(arguments: [64, 256, 1000])
  func aBoxAroundTheZeroHoldsExactlyOne(bits: Int) throws {
    withPrecision(bits) {
      let center = [BigFloat.sqrt(2), 1 / BigFloat.sqrt(2)]
      let outcome = Krawczyk.test(
        center: center, radius: BigFloat(Rational.pow(2, -20)), value: Self.value,
        jacobian: Self.jacobian)
      guard case .uniqueZero(let image) = outcome else {
        Issue.record("expected a unique zero, got \(outcome)")
        return
      }
      // The image encloses the true zero; it contracts quadratically, to about radius².
      #expect(image[0].contains(BigFloat.sqrt(BigFloat(2, precision: bits + 64))))
      #expect(image[0].radius.exponent! <= -37)
    }
  }

  @Test func aBoxAwayFromTheZeroHoldsNone() {
    withPrecision(128) {
      let outcome = Krawczyk.test(
        center: [1, 1], radius: BigFloat(Rational(1, 100)), value: Self.value,
        jacobian: Self.jacobian)
      guard case .noZero = outcome else {
        Issue.record("expected no zero, got \(outcome)")
        return
      }
    }
  }

  @Test func aBoxWithTwoZerosIsUndecided() {
    // x² − 2 = 0 at ±√2: the box [−2, 2] holds both, so no uniqueness can be shown.
    withPrecision(128) {
      let outcome = Krawczyk.test(
        center: [0], radius: 2, value: { [$0[0] * $0[0] - 2] }, jacobian: { Matrix([[2 * $0[0]]]) })
      if case .uniqueZero = outcome { Issue.record("two zeros certified as one") }
    }
  }

  @Test func inertiaIsCertifiedUnlessAnEigenvalueIsTooCloseToZero() throws {
    try withPrecision(256) {
      let rotation = Matrix<Ball>([[3, 1, 0], [1, -2, Ball(Rational(1, 3))], [0, Ball(Rational(1, 3)), 1]])
      let (inertia, eigenvalues) = try #require(Inertia.certified(rotation))
      #expect(inertia == Inertia(positive: 2, negative: 1, zero: 0))
      #expect(eigenvalues.allSatisfy { $0.radius.exponent! < -200 })
      // A singular matrix has a zero eigenvalue, whose sign no enclosure decides.
      #expect(Inertia.certified(Matrix<Ball>([[1, 1], [1, 1]])) == nil)
      // Nor does a ball matrix wide enough to contain a matrix of another inertia.
      let wide = Matrix<Ball>([[Ball(midpoint: 1, radius: 2), 0], [0, -1]])
      #expect(Inertia.certified(wide) == nil)
    }
  }
}
