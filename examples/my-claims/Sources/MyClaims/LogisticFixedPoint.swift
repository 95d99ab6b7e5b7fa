import Numeric
import Verify

/// The logistic map x ↦ r·x·(1 − x) has the fixed point x* = 1 − 1/r, attracting for
/// 1 < r < 3 since its derivative there is 2 − r. One identity (the fixed point is fixed) and
/// one inequality (|2 − r| < 1), each with a negative control.
struct LogisticFixedPoint: Claim {
  let id = "logistic-fixed-point"
  let title = "The logistic map's fixed point 1 − 1/r is attracting for 1 < r < 3"
  let source = Source(title: "May, Simple mathematical models with very complicated dynamics", arxiv: "", location: "Nature 261 (1976)")
  let statement = "For 1 < r < 3, x* = 1 − 1/r satisfies r·x*(1 − x*) = x*, and |f'(x*)| = |2 − r| < 1."

  static let r = Parameter<Rational>.rational(
    "r", default: Rational(5, 2), in: .above(1, upTo: Rational(299, 100)), help: "growth rate")
  let parameters: [any ParameterDeclaration] = [Self.r]

  func measure(_ arguments: Arguments, _ measurements: Measurements) throws {
    let r = arguments[Self.r]
    func residual(_ point: @escaping () -> BigFloat) -> IdentityCheck.Residual {
      { _ in
        let x = point()
        let rr = BigFloat(r)
        return (rr * x * (1 - x) - x).magnitude
      }
    }
    let fixed = { 1 - 1 / BigFloat(r) }
    measurements.record("fixed_point", fixed())
    measurements.add(
      IdentityCheck(
        id: "fixed", statement: "r·x*(1 − x*) = x* for x* = 1 − 1/r", residual: residual(fixed),
        controls: [.init("x* = 1 − 1/(2r) instead", residual: residual { 1 - 1 / (2 * BigFloat(r)) })]))
    measurements.add(
      InequalityCheck(
        id: "attracting", statement: "|f'(x*)| = |2 − r| < 1",
        value: { (2 - BigFloat(r)).magnitude }, .lessThan, bound: { 1 },
        controls: [.init("the slope r·(1 − 2x) at x = 0 instead", value: { BigFloat(r) })]))
  }
}
