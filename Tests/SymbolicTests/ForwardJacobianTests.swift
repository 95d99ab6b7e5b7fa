import Numeric
import Symbolic
import Testing

/// Forward-mode Jacobians against derivatives by hand, and the directional derivative against
/// the Jacobian times the direction.
@Suite struct ForwardJacobianTests {
  typealias T = BigFloat

  static func field<U: Scalar>(_ x: [U]) -> [U] { [x[0] * x[0] * x[1], U.sin(x[0]) + U.exp(x[1]), x[1]] }

  @Test func jacobianMatchesTheDerivativesByHand() {
    withPrecision(128) {
      let (x, y) = (T(Rational(1, 3)), T(Rational(-2, 5)))
      let j = forwardJacobian(of: { Self.field($0) }, at: [x, y])
      #expect(j.rowCount == 3 && j.columnCount == 2)
      let byHand: [T] = [2 * x * y, x * x, T.cos(x), T.exp(y), 0, 1]
      for (entry, expected) in zip(j.entries, byHand) {
        #expect((entry - expected).magnitude <= T(Rational.pow(2, -120)))
      }
    }
  }

  @Test func directionalDerivativeIsTheJacobianTimesTheDirection() {
    withPrecision(128) {
      let point = [T(Rational(3, 4)), T(Rational(1, 8))]
      let direction = [T(Rational(-1, 2)), T(2)]
      let (value, derivative) = directionalDerivative(of: { Self.field($0) }, at: point, along: direction)
      #expect(value == Self.field(point))
      let product = forwardJacobian(of: { Self.field($0) }, at: point) * direction
      for (a, b) in zip(derivative, product) { #expect((a - b).magnitude <= T(Rational.pow(2, -120))) }
    }
  }
}
