import Numeric
import Testing

@testable import Symbolic

@Suite struct ReverseJacobianTests {
  /// `f(x, y) = (x²y, sin x + y)`: `J = [[2xy, x²], [cos x, 1]]`.
  @Test func reverseModeJacobianMatchesTheClosedForm() {
    let (x, y) = (0.7, -1.3)
    let (value, jacobian) = Symbolic.jacobian(of: { v in [v[0] * v[0] * v[1], .sin(v[0]) + v[1]] }, at: [x, y])
    #expect(value == [x * x * y, Double.sin(x) + y])
    let expected = [2 * x * y, x * x, Double.cos(x), 1]
    for (entry, reference) in zip(jacobian.entries, expected) {
      #expect((entry - reference).magnitude <= 1e-15)
    }
    #expect(jacobian.rowCount == 2 && jacobian.columnCount == 2)
  }
}
