import Numeric

/// C3 [derived; consistent with the paper's SDE view]: the base run converges to the SDE at
/// order 1, `O_base(η) = O_SDE + e₁η + O(η²)`.
extension ScalingStudy {
  /// `(O_run,q(η) − O_SDE,q)/η` at the smallest step.
  func sdeQuotient(_ run: [Observables<T>]) -> Observables<T> {
    Observables(components: (run.last! - sde).components.map { $0 / smallestEta })
  }

  /// `max_q |O_run,q(η) − O_SDE,q|` per step.
  func sdeError(_ run: [Observables<T>]) -> [T] { run.map { ($0 - sde).maximumMagnitude } }

  func limitChecks() -> [any Check] {
    let largest = kappas.max()!
    let unscaled = scaled[.unscaledMomentum]![largest]!
    let ruleRun = scaled[.emaRule]![largest]!
    let bound = T(Rational.pow(10, -12))
    let model = self.model
    return [
      IdentityCheck(
        id: "C3-sde-moments",
        statement:
          "[derived] the SDE moments at T by the matrix exponential of the augmented 3 × 3 (mean) and 4 × 4 (covariance) systems equal those by Taylor integration (order 60) of m′ = Fm + (b, 0), P′ = FP + PFᵀ + γe₁e₁ᵀ: max_q of the difference over the precision ladder",
        residual: { _ in
          try (SDEMoments.observables(of: model) - SDEMoments.integrated(of: model))
            .maximumMagnitude
        },
        controls: [
          // The spec gives this check no control: the Lyapunov equation without P Fᵀ.
          .init("P′ = FP + γe₁e₁ᵀ, the transpose term dropped (added)") { _ in
            try (SDEMoments.observables(of: model)
              - SDEMoments.integrated(of: model, transposeTerm: false)).maximumMagnitude
          }
        ]),
      InequalityCheck(
        id: "C3-limit",
        statement:
          "[derived] the Richardson limit of O_base (degree-5 interpolant through the six smallest η) is O_SDE, the SDE moments at T (matrix exponential): max_q |limit_q − O_SDE,q| ≤ 1e−12",
        value: { try (limit(base) - sde).maximumMagnitude }, .lessThanOrEqual, bound: { bound },
        controls: [
          // The spec gives this check no control: the unscaled-momentum run at κ converges to
          // the SDE with EMA rate β/κ, not to this one.
          .init("the limit of the κ = \(largest) run with momentum unscaled (added)") {
            try (limit(unscaled) - sde).maximumMagnitude
          }
        ]),
      RateCheck(
        id: "C3-rate",
        statement:
          "[derived] max_q |O_base,q(η) − O_SDE,q| = O(η): slope of its logarithm against ln η over the four smallest η of \(grid)",
        xLabel: "η", yLabel: "max_q |O_base,q − O_SDE,q|", exponent: 1,
        tolerance: Rational(1, 20), data: { fitWindow(sdeError(base)) },
        controls: [
          .init("exponent 0: no convergence (added)", exponent: 0),
          .init("exponent 2: second order (added)", exponent: 2),
        ]),
      InequalityCheck(
        id: "C3-coefficient",
        statement:
          "[derived] (O_base,q(η) − O_SDE,q)/η at the smallest η is within 0.5 % of e₁[q] (linear term of the degree-5 interpolant of O_base,q) for every q with |e₁[q]| > 1/20: the largest relative deviation",
        value: {
          try Self.relativeDeviation(sdeQuotient(base), from: baseFirstOrderCoefficient())
        }, .lessThanOrEqual, bound: { T(Rational(1, 200)) },
        controls: [
          // The spec gives this check no control: the scaled run's coefficient is e₁ + D_κ.
          .init("the κ = \(largest) scaled run's (O − O_SDE)/η against e₁ (added)") {
            try Self.relativeDeviation(sdeQuotient(ruleRun), from: baseFirstOrderCoefficient())
          }
        ]),
    ]
  }
}
