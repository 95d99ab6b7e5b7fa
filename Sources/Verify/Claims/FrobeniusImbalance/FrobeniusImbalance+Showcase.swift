import Numeric

extension FrobeniusImbalance {
  /// The precision showcase of C6: tanh on I2 at ε = 1e−8, layer 1, where `dΔ_1/dt ≈ 1e−41`
  /// while `S_1 ≈ 3e−25` and `z ≈ 1e−8`. Both sides cancel catastrophically: the left side
  /// `−2S_2 + 2S_1` loses ~16 digits to the near-equality of `S_1` and `S_2`, the right side
  /// loses ~16 digits inside `φ(z) = zσ′(z) − σ(z) = O(z³)`. Binary64 keeps none of them.
  struct Showcase {
    static let epsilon = Rational(1, 100_000_000)

    /// `(lhs, rhs)` of dΔ_1/dt computed in `T` (at the current precision for `BigFloat`).
    static func sides<T: Scalar>(as type: T.Type) -> (lhs: T, rhs: T) {
      let identity = FrobeniusImbalance.saddleIdentity(.tanh, epsilon: epsilon, as: T.self)
      return (identity.lhs(1), identity.rhs(1))
    }

    /// Both sides by one route, rounded into BigFloat: binary64 for `bits == 53`, else MPFR.
    static func route(bits: Int) -> (lhs: BigFloat, rhs: BigFloat) {
      if bits == 53 {
        let (lhs, rhs) = sides(as: Double.self)
        return (BigFloat(lhs, precision: 53), BigFloat(rhs, precision: 53))
      }
      return withPrecision(bits) { sides(as: BigFloat.self) }
    }

    /// The C1 residual `ρ = |LHS − RHS| / max(|S_1|, |S_2|)` in binary64. It is tiny even
    /// though both sides are wrong: normalising by S (right for I1) hides the cancellation
    /// here, which is why the showcase compares the value itself, relative to its size.
    static func doubleResidual() -> Double {
      let identity = FrobeniusImbalance.saddleIdentity(.tanh, epsilon: epsilon, as: Double.self)
      return identity.residual(1, against: identity.rhs(1))
    }

    /// `S_1` at `bits`, for the report.
    static func s1(bits: Int) -> BigFloat {
      withPrecision(bits) {
        FrobeniusImbalance.saddleIdentity(.tanh, epsilon: epsilon, as: BigFloat.self).s(1)
      }
    }
  }

  /// Records the showcase's values by every route: binary64 and 64/128/256 bits (p/4, p/2, p).
  func recordShowcase(_ instance: Instance, in measurements: Measurements) {
    let p = instance.precision
    for (label, bits) in [("double", 53), ("\(p / 4)", p / 4), ("\(p / 2)", p / 2), ("\(p)", p)] {
      let (lhs, rhs) = Showcase.route(bits: bits)
      measurements.record("showcase_lhs_\(label)", lhs)
      measurements.record("showcase_rhs_\(label)", rhs)
    }
    measurements.record("showcase_S_1", Showcase.s1(bits: p))
    measurements.record("showcase_rho_double", BigFloat(Showcase.doubleResidual(), precision: 53))
  }
}

/// The showcase as a check: the working-precision route must give dΔ_1/dt (both sides) to 20
/// significant digits of the 2p-bit value; the same criterion must reject binary64 and 64 bits
/// taken as the answer. The ladder lists the right-hand side by route (53 = binary64).
struct PrecisionShowcase: Check {
  typealias Showcase = FrobeniusImbalance.Showcase
  /// 1e−20 relative: the value to 20 significant digits.
  static let digits = Rational.pow(Rational(10), -20)

  let id = "c6-precision-showcase"

  func evaluate(in context: CheckContext) -> CheckResult {
    let p = context.precision
    let statement = "C6 precision showcase: tanh, I2, ε = 1e−8, l = 1. dΔ_1/dt ≈ 1e−41 must be "
      + "obtained to 20 digits (LHS −2S_2+2S_1 and RHS (2/n)Σ⟨g_1, zσ′(z) − σ(z)⟩ both); "
      + "binary64 cancels catastrophically and must be rejected"
    let threshold = "<= 1e-20 relative to \(2 * p) bits"
    let reference = Showcase.route(bits: 2 * p).rhs
    let error = { (value: BigFloat) -> BigFloat in
      withPrecision(2 * p) { (BigFloat(value, precision: 2 * p) - reference).magnitude / reference.magnitude }
    }
    let bound = BigFloat(Self.digits, precision: 64)
    let routes = [53, p / 4, p / 2, p, 2 * p].map { ($0, Showcase.route(bits: $0)) }
    guard routes.allSatisfy({ $0.1.lhs.isFinite && $0.1.rhs.isFinite }), reference.isFinite,
      !reference.isZero
    else {
      return CheckResult(
        notEvaluated: id, kind: .identity, statement: statement, threshold: threshold,
        error: CheckFailure(description: "a route produced NaN, infinity or a zero reference"))
    }
    let double = routes[0].1
    var result = ControlledEvaluation<Int>(
      id: id, kind: .identity, statement: statement, threshold: threshold,
      rejection: { _ in "> 1e-20 relative" },
      judge: { bits in
        let (lhs, rhs) = routes.first { $0.0 == bits }!.1
        let worst = BigFloat.maximum(error(lhs), error(rhs))
        return Judgement(
          status: worst <= bound ? .holds : .fails, measured: worst,
          why: "relative error of the \(bits)-bit route \(DecimalFormat.short(worst)); binary64 "
            + "gives LHS \(DecimalFormat.short(double.lhs)), RHS \(DecimalFormat.short(double.rhs)) "
            + "against \(DecimalFormat.short(reference)), yet its S-normalised residual ρ = "
            + "\(DecimalFormat.short(BigFloat(Showcase.doubleResidual(), precision: 53))) would "
            + "pass a binary64 identity test (≤ 2^-33)")
      }
    ).evaluate(
      p,
      controls: [
        NegativeControl(
          description: "binary64 (IEEE double) route taken as the answer", variant: 53),
        NegativeControl(description: "\(p / 4)-bit route taken as the answer", variant: p / 4),
      ], in: context)
    result.ladder = routes.map { CheckResult.Rung(bits: $0.0, value: $0.1.rhs) }
    return result
  }
}
