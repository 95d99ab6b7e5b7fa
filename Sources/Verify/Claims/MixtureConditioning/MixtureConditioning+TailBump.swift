import Numeric

/// C3 [derived]: with `q = (1 − ε)p + εr` for a Gaussian bump `r`, the conditional moves by
/// `λ(y) ‖C(r)(·|y) − C(p)(·|y)‖₁`, O(1) where `pY(y) ≪ ε rY(y)`, although `‖q − p‖_{L1(ℝ²)} ≤ 2ε`.
extension MixtureConditioning {
  struct TailBump {
    let epsilon: Rational
    let ys: [Rational]
    /// Per y: pY, rY and λ in `BigFloat` and in balls.
    let marginals: [BigFloat], bumpMarginals: [BigFloat], lambdas: [BigFloat]
    let marginalBalls: [Ball], lambdaBalls: [Ball]
    /// Per y: `‖C(q) − C(p)‖₁` from the conditional of the mixture q (weights `(1 − λ)w_k` and
    /// λ, multiplied out), `‖C(r) − C(p)‖₁`, and `‖q(·, y) − p(·, y)‖₁`.
    let changes: [NormPair], bumpDistances: [NormPair], slices: [NormPair]

    init(_ instance: Instance) throws {
      epsilon = instance.epsilon
      ys = instance.yTail
      let p = instance.mixture
      let q = p.mixed(with: instance.bump, weight: epsilon)
      let r = GaussianMixture(components: [
        MixtureComponent(weight: 1, mean: instance.bump.mean, covariance: instance.bump.covariance)
      ])
      var values: [(BigFloat, BigFloat, BigFloat, Ball, Ball)] = []
      var changes: [NormPair] = [], bumpDistances: [NormPair] = [], slices: [NormPair] = []
      for y in ys.map({ [$0] }) {
        let (value, ball) = (
          Self.parts(p, q, r, at: y, epsilon: instance.epsilon, as: BigFloat.self),
          Self.parts(p, q, r, at: y, epsilon: instance.epsilon, as: Ball.self))
        values.append((value.p.marginal, value.r.marginal, value.lambda, ball.p.marginal, ball.lambda))
        changes.append(
          try NormPair(
            value: value.q.density() - value.p.density(), ball: ball.q.density() - ball.p.density()))
        bumpDistances.append(
          try NormPair(
            value: value.r.density() - value.p.density(), ball: ball.r.density() - ball.p.density()))
        slices.append(
          try NormPair(value: value.q.slice() - value.p.slice(), ball: ball.q.slice() - ball.p.slice()))
      }
      marginals = values.map(\.0)
      bumpMarginals = values.map(\.1)
      lambdas = values.map(\.2)
      marginalBalls = values.map(\.3)
      lambdaBalls = values.map(\.4)
      self.changes = changes
      self.bumpDistances = bumpDistances
      self.slices = slices
    }

    /// The three conditionals at `y` and `λ(y) = ε rY/((1 − ε)pY + ε rY)`, in `T`.
    static func parts<T: Scalar>(
      _ p: GaussianMixture, _ q: GaussianMixture, _ r: GaussianMixture, at y: [Rational],
      epsilon: Rational, as _: T.Type
    ) -> (p: Conditional<T>, q: Conditional<T>, r: Conditional<T>, lambda: T) {
      let (cp, cq, cr): (Conditional<T>, Conditional<T>, Conditional<T>) =
        (p.conditional(at: y), q.conditional(at: y), r.conditional(at: y))
      let e = T(epsilon)
      return (cp, cq, cr, e * cr.marginal / ((1 - e) * cp.marginal + e * cr.marginal))
    }

    /// `|‖C(q) − C(p)‖₁ − ℓ ‖C(r) − C(p)‖₁| / (ℓ ‖C(r) − C(p)‖₁)` per y, for `ℓ = λ` or a
    /// wrong `ℓ`.
    func identityResiduals<T: Scalar>(_ changes: [T], _ factors: [T], _ distances: [T]) -> [T] {
      zip(changes, zip(factors, distances)).map { change, pair in
        (change - pair.0 * pair.1).magnitude / (pair.0 * pair.1)
      }
    }

    /// The C2 bound `2 ‖q(·, y) − p(·, y)‖₁ / pY(y)` per y.
    var bounds: [BigFloat] { zip(slices, marginals).map { 2 * $0.value / $1 } }
    var boundBalls: [Ball] { zip(slices, marginalBalls).map { 2 * $0.ball / $1 } }

    /// The ratio `‖C(q) − C(p)‖₁ / (2ε)` at each y: a lower bound on
    /// `‖C(q) − C(p)‖₁ / ‖q − p‖_{L1(ℝ²)}`, so no uniform constant below its maximum holds.
    var lipschitzRatios: [BigFloat] { changes.map { $0.value / (2 * BigFloat(epsilon)) } }

    /// The largest ratio rounded down to two significant digits: the control's uniform constant
    /// `Lc` (every smaller constant fails as well).
    func claimedConstant() throws -> Rational {
      try Self.roundedDownToTwoDigits(lipschitzRatios.maxOrNaN()!)
    }

    /// `x > 0` rounded down to two significant decimal digits, exactly.
    ///
    /// Binary64 is enough to pick two digits; shrinking by 1e-12 keeps the rounding of the
    /// conversion from ever lifting the result above `x`. Outside binary64's normal range (a
    /// bump far in the tail: ratios of 1e−400 and less) `x` is first scaled by a power of ten
    /// near its own, in `BigFloat`. Zero, NaN and ±∞ have no such constant below them: an error
    /// that names the ratio (a zero ratio means the bump does not move the conditional at all).
    static func roundedDownToTwoDigits(_ x: BigFloat) throws -> Rational {
      guard x.isFinite, x > 0 else {
        throw CheckFailure(
          description: "the largest ratio ‖C(q) − C(p)‖₁/(2ε) is \(x): no positive two-digit constant Lc lies below it")
      }
      let scale = x.doubleValue.isNormal ? 0 : Int((Double(x.exponent! - 1) * Double.log10(2)).rounded(.down))
      let ratio = (scale == 0 ? x : x / BigFloat.pow(BigFloat(10, precision: x.precision), scale)).doubleValue
        * (1 - 1e-12)
      let exponent = Int(Double.log10(ratio).rounded(.down)) - 1
      let digits = (ratio / Double.pow(10, Double(exponent))).rounded(.down)
      return Rational(Int(digits)) * Rational.pow(10, exponent + scale)
    }

    static let identityTolerance = Rational(1) / Rational.pow(10, 30)

    func checks(recordingIn measurements: Measurements) throws -> [any Check] {
      // The values are recorded even when Lc does not exist (its error then ends the checks).
      let constant = Result { try claimedConstant() }
      record(in: measurements, claimed: try? constant.get())
      let claimed = try constant.get()
      let e = BigFloat(epsilon)
      // The natural slip: λ without its normalisation, ε rY / pY.
      let unnormalised = zip(bumpMarginals, marginals).map { e * $0 / $1 }
      let (changeValues, changeBalls) = (changes.map(\.value), changes.map(\.ball))
      let (distanceValues, distanceBalls) = (bumpDistances.map(\.value), bumpDistances.map(\.ball))
      let tolerance = { BigFloat(Self.identityTolerance) }
      let yList = MixtureConditioning.listing(ys)
      return [
        InequalityCheck(
          id: "C3-mixture-identity",
          statement:
            "[derived] C(q)(·|y) = (1 − λ)C(p)(·|y) + λC(r)(·|y): ‖C(q) − C(p)‖₁, computed from the conditional of q = (1 − ε)p + εr (weights multiplied out), equals λ(y) ‖C(r) − C(p)‖₁ with λ = ε rY/((1 − ε)pY + ε rY), ε = \(epsilon), y ∈ {\(yList)}: the largest relative difference",
          value: { identityResiduals(changeValues, lambdas, distanceValues).maxOrNaN()! },
          .lessThanOrEqual, bound: tolerance,
          enclosure: {
            (identityResiduals(changeBalls, lambdaBalls, distanceBalls).maxOrNaN()!, Ball(Self.identityTolerance))
          },
          controls: [
            // The spec gives the identity no control: λ with its denominator's normalisation lost.
            .init(
              "λ replaced by ε rY/pY (the normalisation (1 − ε)pY + ε rY forgotten) (added)",
              value: { identityResiduals(changeValues, unnormalised, distanceValues).maxOrNaN()! })
          ]),
        InequalityCheck(
          id: "C3-bound",
          statement:
            "[derived] the C2 bound still holds at every y ∈ {\(yList)}: ‖C(q)(·|y) − C(p)(·|y)‖₁ ≤ 2 ‖q(·, y) − p(·, y)‖₁ / pY(y) (it grows like 1/pY): the largest ratio to the bound",
          value: { zip(changeValues, bounds).map { $0 / $1 }.maxOrNaN()! }, .lessThanOrEqual,
          bound: { 1 },
          enclosure: { (zip(changeBalls, boundBalls).map { $0 / $1 }.maxOrNaN()!, Ball(1)) },
          controls: [
            .init(
              description:
                "a uniform Lipschitz constant Lc = \(BigFloat(claimed, precision: 64).decimalString(significantDigits: 2)) (the largest ratio ‖C(q) − C(p)‖₁/(2ε) rounded down to two digits, so every smaller Lc fails too): ‖C(q)(·|y) − C(p)(·|y)‖₁ ≤ Lc ‖q − p‖_{L1(ℝ²)}, with ‖q − p‖_{L1(ℝ²)} ≤ 2ε, at every y: the largest ratio",
              variant: .init(
                value: { changeValues.map { $0 / (BigFloat(claimed) * 2 * e) }.maxOrNaN()! },
                bound: nil,
                enclosure: {
                  (changeBalls.map { $0 / (Ball(claimed) * 2 * Ball(epsilon)) }.maxOrNaN()!, Ball(1))
                }))
          ]),
      ]
    }

    /// The C3 values, with the identity's residuals, the ratios and the control's `Lc`.
    private func record(in measurements: Measurements, claimed: Rational?) {
      let residuals = identityResiduals(changes.map(\.value), lambdas, bumpDistances.map(\.value))
      let bounds = self.bounds
      for t in ys.indices {
        measurements.record("C3_pY_\(t)", marginals[t])
        measurements.record("C3_rY_\(t)", bumpMarginals[t])
        measurements.record("C3_lambda_\(t)", lambdas[t])
        measurements.record("C3_L1change_\(t)", changes[t].value)
        measurements.record("C3_L1rp_\(t)", bumpDistances[t].value)
        measurements.record("C3_bound_\(t)", bounds[t])
        measurements.record("C3_identity_residual_\(t)", residuals[t])
        measurements.record("C3_ratio_to_bound_\(t)", changes[t].value / bounds[t])
        measurements.record("C3_lipschitz_ratio_\(t)", lipschitzRatios[t])
        measurements.record("C3_sign_changes_\(t)", text: changes[t].signChangeText)
      }
      if let claimed { measurements.record("C3_Lc", claimed) }
      measurements.record(
        "C3_scan_guard",
        (changes + bumpDistances + slices).map(\.norm.relativeTailBound).maxOrNaN()!)
    }
  }
}
