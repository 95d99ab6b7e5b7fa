import Numeric

/// C2 [derived]: `‖C(p)(·|y) − C(q)(·|y)‖₁ ≤ 2 ‖p(·, y) − q(·, y)‖₁ / pY(y)`, on the mixture
/// `q_δ` whose first component's mean `(mx, my)` moves by `δ · shift`, at `y = y_lip`, with the
/// left side O(δ). Both sides are enclosed in balls, so the bound and the slope are decided.
extension MixtureConditioning {
  struct Stability {
    let deltas: [Rational]
    let y: Rational
    let marginal: BigFloat
    let marginalBall: Ball
    /// Per δ: the L1 distance of the conditionals and of the joint slices.
    let conditionals: [NormPair]
    let slices: [NormPair]

    init(_ instance: Instance) throws {
      deltas = instance.deltas
      y = instance.yLipschitz
      let point = [instance.yLipschitz]
      marginal = (instance.mixture.conditional(at: point) as Conditional<BigFloat>).marginal
      marginalBall = (instance.mixture.conditional(at: point) as Conditional<Ball>).marginal
      let (values, balls) = (Self.differences(instance, as: BigFloat.self), Self.differences(instance, as: Ball.self))
      conditionals = try zip(values, balls).map { try NormPair(value: $0.conditional, ball: $1.conditional) }
      slices = try zip(values, balls).map { try NormPair(value: $0.slice, ball: $1.slice) }
    }

    /// Per δ, in `T`: `C(p)(·|y) − C(q_δ)(·|y)` and `p(·, y) − q_δ(·, y)` at `y = y_lip`.
    static func differences<T: Scalar>(_ instance: Instance, as _: T.Type)
      -> [(conditional: GaussianSum<T>, slice: GaussianSum<T>)]
    {
      let (p, point) = (instance.mixture, [instance.yLipschitz])
      let reference: Conditional<T> = p.conditional(at: point)
      return instance.deltas.map { delta in
        let moved: Conditional<T> = p.movingMean(of: 0, by: instance.shift.map { delta * $0 }).conditional(at: point)
        return (reference.density() - moved.density(), reference.slice() - moved.slice())
      }
    }

    /// `2 ‖p(·, y) − q_δ(·, y)‖₁ / pY(y)` per δ.
    var bounds: [BigFloat] { slices.map { 2 * $0.value / marginal } }
    var boundBalls: [Ball] { slices.map { 2 * $0.ball / marginalBall } }

    /// `max_δ LHS/(factor · ‖p − q_δ‖₁)` (or min, for a control that must fail at every δ).
    func ratios(_ factor: BigFloat) -> [BigFloat] {
      zip(conditionals, slices).map { $0.value / (factor * $1.value) }
    }
    func ratioBalls(_ factor: Ball) -> [Ball] {
      zip(conditionals, slices).map { $0.ball / (factor * $1.ball) }
    }

    /// `ln(LHS_last/LHS_first) / ln(δ_last/δ_first)`.
    func slope<T: Scalar>(_ lhs: [T]) -> T {
      T.log(lhs.last! / lhs.first!) / T.log(T(deltas.last! / deltas.first!))
    }

    static let slopeTolerance = Rational(1, 50)

    func checks(recordingIn measurements: Measurements) throws -> [any Check] {
      record(in: measurements)
      let two = BigFloat(2) / marginal, twoBall = Ball(2) / marginalBall
      let unnormalised = (value: BigFloat(2), ball: Ball(2))
      let uniform = (value: marginal, ball: marginalBall)
      let lhs = conditionals.map(\.value), lhsBalls = conditionals.map(\.ball)
      let one = { BigFloat(1) }
      // A control's statement must fail at every δ: its smallest ratio exceeds 1.
      let control = { (description: String, factor: (value: BigFloat, ball: Ball)) in
        InequalityCheck.Control(
          description: description,
          variant: .init(
            value: { ratios(factor.value).minOrNaN()! }, bound: nil,
            enclosure: { (ratioBalls(factor.ball).minOrNaN()!, Ball(1)) }))
      }
      let slopeBand = { (exponent: Int) -> (value: () -> BigFloat, ball: () -> Ball) in
        ({ (slope(lhs) - BigFloat(exponent)).magnitude }, { (slope(lhsBalls) - Ball(exponent)).magnitude })
      }
      let tolerance = { BigFloat(Self.slopeTolerance) }
      let slopeControl = { (description: String, exponent: Int) in
        InequalityCheck.Control(
          description: description,
          variant: .init(
            value: slopeBand(exponent).value, bound: nil,
            enclosure: { (slopeBand(exponent).ball(), Ball(Self.slopeTolerance)) }))
      }
      let deltaList = MixtureConditioning.listing(deltas)
      return [
        InequalityCheck(
          id: "C2-bound",
          statement:
            "[derived] ‖C(p)(·|y) − C(q_δ)(·|y)‖₁ ≤ 2 ‖p(·, y) − q_δ(·, y)‖₁ / pY(y) at y = \(y), q_δ: component 1's mean moved by δ · shift, δ ∈ {\(deltaList)}; L1 norms by erfc on the pieces between sign changes, enclosed in balls: the largest ratio LHS/bound",
          value: { ratios(two).maxOrNaN()! }, .lessThanOrEqual, bound: one,
          enclosure: { (ratioBalls(twoBall).maxOrNaN()!, Ball(1)) },
          controls: [
            control(
              "the unnormalised bound ‖C(p) − C(q)‖₁ ≤ 2 ‖p(·, y) − q(·, y)‖₁ (1/pY dropped), at every δ: the smallest ratio",
              unnormalised),
            control(
              "the uniform Lipschitz form ‖C(p) − C(q)‖₁ ≤ pY ‖p(·, y) − q(·, y)‖₁, at every δ: the smallest ratio",
              uniform),
          ]),
        InequalityCheck(
          id: "C2-slope",
          statement:
            "[derived] the left side is O(δ): its log-log slope against δ between δ = \(deltas.first!) and δ = \(deltas.last!) lies in [0.98, 1.02]: |slope − 1| (balls enclose it)",
          value: slopeBand(1).value, .lessThanOrEqual, bound: tolerance,
          enclosure: { (slopeBand(1).ball(), Ball(Self.slopeTolerance)) },
          controls: [
            // The spec gives the slope no control: the two natural wrong orders.
            slopeControl("slope 0: the left side does not vanish with δ, |slope − 0| ≤ 1/50 (added)", 0),
            slopeControl("slope 2: second order in δ, |slope − 2| ≤ 1/50 (added)", 2),
          ]),
      ]
    }

    /// The C2 values, with the ratios, the controls' ratios, the slope and the sign
    /// changes of each difference of conditionals.
    private func record(in measurements: Measurements) {
      measurements.record("C2_pY", marginal)
      let bounds = self.bounds
      let (ratios, unnormalised, uniform) = (ratios(2 / marginal), self.ratios(2), self.ratios(marginal))
      for d in deltas.indices {
        measurements.record("C2_L1cond_\(d)", conditionals[d].value)
        measurements.record("C2_L1joint_\(d)", slices[d].value)
        measurements.record("C2_bound_\(d)", bounds[d])
        measurements.record("C2_LHS_over_delta_\(d)", conditionals[d].value / BigFloat(deltas[d]))
        measurements.record("C2_ratio_\(d)", ratios[d])
        measurements.record("C2_ratio_unnormalised_\(d)", unnormalised[d])
        measurements.record("C2_ratio_uniform_\(d)", uniform[d])
        measurements.record("C2_sign_changes_\(d)", text: conditionals[d].signChangeText)
        measurements.record("C2_certified_\(d)", conditionals[d].enclosure.certified && slices[d].enclosure.certified)
      }
      measurements.record("C2_slope", slope(conditionals.map(\.value)))
      measurements.record(
        "C2_scan_guard", (conditionals + slices).map(\.norm.relativeTailBound).maxOrNaN()!)
    }
  }
}

extension MixtureConditioning.Instance {
  /// C2's L1 norms at the working precision, per δ `‖C(p)(·|y) − C(q_δ)(·|y)‖₁` then
  /// `‖p(·, y) − q_δ(·, y)‖₁` at `y = y_lip` (``L1Norm``: the sign-change scan, Newton and the
  /// `erfc` integrals), without their ball enclosures: what `bench claims` times.
  public func stabilityNorms() throws -> [BigFloat] {
    try MixtureConditioning.Stability.differences(self, as: BigFloat.self).flatMap {
      [try L1Norm($0.conditional).value, try L1Norm($0.slice).value]
    }
  }
}
