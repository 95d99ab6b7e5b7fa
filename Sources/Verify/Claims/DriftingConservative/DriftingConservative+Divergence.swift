import Numeric

/// C1 [paper: the self term exists; exact form derived]: the divergence of the N-particle field
/// by automatic differentiation of its definition equals the closed form with the
/// reciprocal-KDE self term; the leave-one-out field has none.
extension DivergenceSetting {
  typealias T = BigFloat

  /// `|a − b| / max(|a|, |b|, 1)`: relative where the values are large, absolute near 0.
  static func relativeError(_ a: T, _ b: T) -> T {
    (a - b).magnitude / T.maximum(T.maximum(a.magnitude, b.magnitude), 1)
  }

  /// The largest relative error of the closed form (self term weighted by `selfWeight`) against
  /// the AD divergences of `drift`: of the total and of every particle's, at the current precision.
  static func divergenceResidual(_ drift: ConservativeDrift, _ x: [Rational], selfWeight: Rational) -> T {
    let point = x.map { T($0) }
    let particles = drift.particleDivergences(at: point)
    let closed = drift.terms(point).map { $0.divergence(selfWeight: T(selfWeight)) }
    let total = relativeError(particles.reduce(0, +), closed.reduce(0, +))
    return zip(particles, closed).map { relativeError($0, $1) }.reduce(total) { T.maximum($0, $1) }
  }

  func divergenceChecks(recordingIn measurements: Measurements) -> [any Check] {
    let point = configuration.map { T($0) }
    let particles = drift.particleDivergences(at: point)
    measurements.record("C1_div_total", particles.reduce(0, +))
    for (i, value) in particles.enumerated() { measurements.record("C1_div_particle_\(i)", value) }
    for (i, terms) in drift.terms(point).enumerated() {
      measurements.record("C1_SQ_\(i)", terms.modelSum)
      measurements.record("C1_self_term_\(i)", terms.selfTerm)
    }
    measurements.record(
      "C1_loo_div_total", leaveOneOut.particleDivergences(at: point).reduce(0, +))
    let (drift, leaveOneOut, x) = (self.drift, self.leaveOneOut, configuration)
    let d = drift.dimension
    let instance = "d = \(d), N = \(x.count / d), M = \(drift.data.count), h = \(drift.bandwidth)"
    let half = Rational(1, 2)
    return [
      IdentityCheck(
        id: "C1-divergence",
        statement:
          "[paper: the term exists; exact form derived] div F = Σᵢ [Δ log S_P(xᵢ) − Δ_z log S_Q(xᵢ) − d/(h² S_Q(xᵢ))] with xᵢ's own kernel in S_Q: the trace of the forward-mode Jacobian of F against the closed form, in total and per particle (Σ_a ∂F_{i,a}/∂x_{i,a}), largest relative error (\(instance))",
        slack: 24, rejectionThreshold: half,
        residual: { _ in Self.divergenceResidual(drift, x, selfWeight: 1) },
        controls: [
          .init("(i) the self term dropped") { _ in Self.divergenceResidual(drift, x, selfWeight: 0) },
          .init("(ii) the self term without the factor d") { _ in
            Self.divergenceResidual(drift, x, selfWeight: Rational(1, d))
          },
          .init("(iii) the self term with the wrong sign") { _ in
            Self.divergenceResidual(drift, x, selfWeight: -1)
          },
        ]),
      IdentityCheck(
        id: "C1-leave-one-out",
        statement:
          "[derived] the leave-one-out field (xᵢ's own kernel left out of S_Q) has div F = Σᵢ [Δ log S_P(xᵢ) − Δ_z log S_Q^{−i}(xᵢ)], no self term: AD against the closed form, largest relative error (\(instance))",
        slack: 24, rejectionThreshold: half,
        residual: { _ in Self.divergenceResidual(leaveOneOut, x, selfWeight: 0) },
        controls: [
          .init("the self term d/(h² S_Q(xᵢ)) added") { _ in
            Self.divergenceResidual(leaveOneOut, x, selfWeight: 1)
          }
        ]),
    ]
  }
}
