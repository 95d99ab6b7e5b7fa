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

  /// Sums, differences and negations take the sweep's unit-slope path, with constants on either
  /// side and one node as both operands; every value and slope here is a small integer, so the
  /// derivatives are exact: `f = −(x − 3) + (2 − y) − (x + x) + (y − x)·y + (−y) + (x − x)` has
  /// `∇f = (−3 − y, 2y − x − 2)` and `∇²f = [[0, −1], [−1, 2]]`.
  @Test func unitSlopesGiveExactDerivatives() {
    func f<S: Scalar>(_ v: [S]) -> S {
      let (x, y) = (v[0], v[1])
      return -(x - 3) + (2 - y) - (x + x) + (y - x) * y + (-y) + (x - x)
    }
    let (value, gradient) = Symbolic.gradient(of: { f($0) }, at: [5.0, 7.0])
    #expect(value == f([5.0, 7.0]))
    #expect(gradient == [-10, 7])
    let forward = Symbolic.forwardJacobian(of: { [f($0)] }, at: [5.0, 7.0])
    #expect(forward.entries == [-10, 7])
    let (_, overReverse, hessian) = Symbolic.gradientAndHessian(of: { f($0) }, at: [5.0, 7.0])
    #expect(overReverse == [-10, 7])
    #expect(hessian.entries == [0, -1, -1, 2])
  }

  /// One adjoint buffer serves every output's sweep: the second row must not keep the first's.
  @Test func eachOutputSweepsFromZero() {
    let (_, jacobian) = Symbolic.jacobian(of: { v in [v[0] + v[1], v[0] - v[1], -v[1]] }, at: [2.0, 3.0])
    #expect(jacobian.entries == [1, 1, 1, -1, 0, -1])
  }

  /// `+=` and `−=` (what `dot` and `addRoundedProduct` use) record the unit slopes of `+` and
  /// `−`, not the general chain rule's.
  @Test func compoundAssignmentRecordsUnitSlopes() {
    let tape = Tape<Double>()
    var (x, y) = (tape.variable(2), tape.variable(3))
    x += y
    y -= x
    typealias Entry = Tape<Double>.Entry
    let kinds = tape.entries.suffix(2).map { [$0.firstSlope, $0.secondSlope] }
    #expect(kinds == [[Entry.one, Entry.one], [Entry.one, Entry.minusOne]])
    #expect(tape.slopes.isEmpty, "no general slope stored")
  }
}
