import Numeric

/// C1 [derived, textbook]: the conditional of a Gaussian mixture is the mixture of the
/// components' conditionals, checked against the joint density integrated by quadrature
/// (`SliceQuadrature`) and evaluated directly at the points `xs`, for dy = 1 and dy = 2.
extension MixtureConditioning {
  struct ClosedForm {
    let instance: Instance

    init(_ instance: Instance) { self.instance = instance }

    /// The spec's agreement bound, and the disagreement its control must show.
    static let agreement = Rational(1) / Rational.pow(10, 35)
    static let disagreement = Rational(1, 1000)

    /// The largest relative deviation of the closed form (variances by the Schur complement,
    /// or `Sxx` when `schur` is false) from the independent route at `y`: `pY`, the
    /// conditional mean (relative to `max(|mean|, sd)`, so a mean at 0 is not a division by
    /// 0), the conditional variance, and the density at each of `xs`.
    static func deviation(
      _ mixture: GaussianMixture, at y: [Rational], xs: [Rational], schur: Bool
    ) throws -> BigFloat {
      let closed: Conditional<BigFloat> = mixture.conditional(at: y, schur: schur)
      let quadrature = try SliceQuadrature(mixture, at: y)
      let direct: (BigFloat) -> BigFloat = mixture.directSlice(at: y)
      let density = closed.density()
      let relative = { (value: BigFloat, reference: BigFloat, scale: BigFloat) in
        (value - reference).magnitude / scale
      }
      let meanScale = BigFloat.maxOrNaN(quadrature.mean.magnitude, BigFloat.sqrt(quadrature.variance))
      let densities = xs.map { x -> BigFloat in
        let reference = direct(BigFloat(x)) / quadrature.mass
        return relative(density.value(BigFloat(x)), reference, reference)
      }
      let deviations = [
        relative(closed.marginal, quadrature.mass, quadrature.mass),
        relative(closed.mean, quadrature.mean, meanScale),
        relative(closed.variance, quadrature.variance, quadrature.variance),
      ] + densities
      return deviations.maxOrNaN()!
    }

    func checks(recordingIn measurements: Measurements) throws -> [any Check] {
      let (mixture, mixture2) = (instance.mixture, instance.mixture2)
      let (ys, xs, y2) = (instance.ys, instance.xs, instance.y2)
      try record(in: measurements)
      let agreement = { BigFloat(Self.agreement) }
      let disagreement = { BigFloat(Self.disagreement) }
      let worst = { (mixture: GaussianMixture, points: [[Rational]], xs: [Rational], schur: Bool) in
        { try points.map { try Self.deviation(mixture, at: $0, xs: xs, schur: schur) }.maxOrNaN()! }
      }
      let schurControl =
        "Sxx_k as the conditional variance (the Schur complement forgotten) agrees to 1e-3"
      return [
        InequalityCheck(
          id: "C1-closed-form",
          statement:
            "[derived, textbook] dy = 1, y ∈ {\(MixtureConditioning.listing(ys))}: pY, the conditional mean and variance of the closed form agree with composite Gauss–Legendre quadrature of the joint slice p(·, y) (from the joint covariances), and C(p)(x|y) at x ∈ {\(MixtureConditioning.listing(xs))} with p(x, y)/pY evaluated directly: the largest relative deviation",
          value: worst(mixture, ys.map { [$0] }, xs, true), .lessThanOrEqual, bound: agreement,
          controls: [
            .init(schurControl, value: worst(mixture, ys.map { [$0] }, xs, false), bound: disagreement)
          ]),
        InequalityCheck(
          id: "C1-dy2",
          statement:
            "[derived, textbook] dy = 2 (Syy a 2 × 2 block), y = (\(MixtureConditioning.listing(y2))): pY, the conditional mean and variance against quadrature, and C(p)(1/2|y) against p(1/2, y)/pY: the largest relative deviation",
          value: worst(mixture2, [y2], [Rational(1, 2)], true), .lessThanOrEqual, bound: agreement,
          controls: [
            .init(schurControl, value: worst(mixture2, [y2], [Rational(1, 2)], false), bound: disagreement)
          ]),
      ]
    }

    /// The C1 values: per y the marginal, weights, mean, variance and densities; the
    /// conditional variances `v_k`; the dy = 2 block; and the quadrature's values beside them.
    private func record(in measurements: Measurements) throws {
      let mixture = instance.mixture
      for (i, y) in instance.ys.enumerated() {
        let conditional: Conditional<BigFloat> = mixture.conditional(at: [y])
        measurements.record("C1_pY_\(i)", conditional.marginal)
        for (k, w) in conditional.weights.enumerated() { measurements.record("C1_w_\(i)_\(k)", w) }
        for (k, c) in conditional.components.enumerated() {
          measurements.record("C1_m_\(i)_\(k)", BigFloat(c.mean))
        }
        measurements.record("C1_mean_\(i)", conditional.mean)
        measurements.record("C1_var_\(i)", conditional.variance)
        let density = conditional.density()
        for (j, x) in instance.xs.enumerated() {
          measurements.record("C1_dens_\(i)_\(j)", density.value(BigFloat(x)))
        }
        let quadrature = try SliceQuadrature(mixture, at: [y])
        measurements.record("C1_quad_pY_\(i)", quadrature.mass)
        measurements.record("C1_quad_mean_\(i)", quadrature.mean)
        measurements.record("C1_quad_var_\(i)", quadrature.variance)
      }
      // v_k does not depend on y.
      for (k, c) in mixture.conditioned(at: [0]).enumerated() {
        measurements.record("C1_v_\(k)", BigFloat(c.variance))
      }
      let conditional: Conditional<BigFloat> = instance.mixture2.conditional(at: instance.y2)
      measurements.record("C1_dy2_pY", conditional.marginal)
      for (k, w) in conditional.weights.enumerated() { measurements.record("C1_dy2_w_\(k)", w) }
      for (k, c) in conditional.components.enumerated() {
        measurements.record("C1_dy2_m_\(k)", BigFloat(c.mean))
      }
      for (k, c) in conditional.components.enumerated() {
        measurements.record("C1_dy2_v_\(k)", BigFloat(c.variance))
      }
      measurements.record("C1_dy2_mean", conditional.mean)
      measurements.record("C1_dy2_var", conditional.variance)
      measurements.record("C1_dy2_dens", conditional.density().value(BigFloat(Rational(1, 2))))
    }
  }
}

extension MixtureConditioning {
  /// Rationals for a statement, each as `p/q` (or an integer).
  static func listing(_ values: [Rational]) -> String {
    values.map(\.description).joined(separator: ", ")
  }
}
