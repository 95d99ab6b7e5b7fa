import Numeric

/// C2 [paper; precise form derived]: the κ-scaled run of the EMA Scaling Rule matches the base
/// run to first order, `Δ(η) = D_κ η + O(η²)`.
extension ScalingStudy {
  /// `D_κ[q]` are tested where `|D_κ[q]| > 1/20` (spec Section 3); smaller ones are noise-level
  /// relative to the 1 % criterion.
  static let significant = Rational(1, 20)

  /// `max_q |quotient_q − D_q| / |D_q|` over the components with `|D_q| > 1/20`: how far
  /// `quotient` (a `Δ_q/η` at the smallest step) is from the constants `D`.
  static func relativeDeviation(_ quotient: Observables<T>, from constants: Observables<T>) throws
    -> T
  {
    let bound = T(significant)
    let deviations = zip(quotient.components, constants.components).compactMap { value, d in
      d.magnitude > bound ? (value - d).magnitude / d.magnitude : nil
    }
    guard let largest = deviations.maxOrNaN() else {
      throw CheckFailure(description: "no observable has |constant| > \(significant), so none is tested")
    }
    return largest
  }

  /// `(O_scaled,q − O_base,q)/η` at the smallest step.
  func quotientAtSmallestStep(_ rule: ScalingRule, kappa: Int) -> Observables<T> {
    let difference = differences(rule, kappa: kappa).last!
    return Observables(components: difference.components.map { $0 / smallestEta })
  }

  func firstOrderChecks() -> [any Check] {
    kappas.flatMap { kappa -> [any Check] in
      let rule = discrepancy(.emaRule, kappa: kappa)
      let linear = discrepancy(.linearMomentum, kappa: kappa)
      let wrongRules: [RateCheck.Control] = ScalingRule.broken.map { wrong in
        .init("C4 \(wrong.summary)", data: { fitWindow(discrepancy(wrong, kappa: kappa)) })
      }
      return [
        RateCheck(
          id: "C2-rate-k\(kappa)",
          statement:
            "[paper] κ = \(kappa): Δ(η) = max_q |O_scaled,q − O_base,q| = O(η) for \(ScalingRule.emaRule.summary); least-squares slope of ln Δ against ln η over the four smallest η of \(grid)",
          xLabel: "η", yLabel: "Δ(η), κ = \(kappa)", exponent: 1, tolerance: Rational(1, 20),
          data: { fitWindow(rule) },
          controls: wrongRules + [.init("exponent 2: second-order agreement (added)", exponent: 2)]),
        InequalityCheck(
          id: "C2-constant-k\(kappa)",
          statement:
            "[paper; constants derived] κ = \(kappa): Δ_q(η)/η at the smallest η is within 1 % of the Richardson constant D_κ[q] (limit of the degree-5 interpolant through the six smallest η) for every q with |D_κ[q]| > 1/20: the largest relative deviation",
          value: {
            try Self.relativeDeviation(
              quotientAtSmallestStep(.emaRule, kappa: kappa),
              from: firstOrderConstant(.emaRule, kappa: kappa))
          }, .lessThanOrEqual, bound: { T(Rational(1, 100)) },
          controls: [
            // The spec gives this check no control: the linear rule has a different constant.
            .init("the linear momentum rule's Δ_q/η against the rule's D_κ (added)") {
              try Self.relativeDeviation(
                quotientAtSmallestStep(.linearMomentum, kappa: kappa),
                from: firstOrderConstant(.emaRule, kappa: kappa))
            }
          ]),
        InequalityCheck(
          id: "C2-nonzero-k\(kappa)",
          statement:
            "[derived: a property of the instance, not of the paper] κ = \(kappa): D_κ ≠ 0, the agreement is first order and not better: max_q |D_κ[q]| ≥ 1/20",
          value: { try firstOrderConstant(.emaRule, kappa: kappa).maximumMagnitude },
          .greaterThanOrEqual, bound: { T(Self.significant) },
          controls: [
            // The spec gives this check no control: with κ = 1 the runs coincide and D = 0.
            .init("κ = 1: the base run against itself (added)") {
              try firstOrderConstant(zip(base, base).map { $0 - $1 }).maximumMagnitude
            }
          ]),
        RateCheck(
          id: "C2-linear-k\(kappa)",
          statement:
            "[paper] κ = \(kappa): \(ScalingRule.linearMomentum.summary) is first-order equivalent and passes C2: its Δ(η) = O(η), slope over the four smallest η",
          xLabel: "η", yLabel: "Δ(η), linear rule, κ = \(kappa)", exponent: 1,
          tolerance: Rational(1, 20), data: { fitWindow(linear) },
          controls: [
            .init("exponent 0: Δ bounded away from 0, as for the C4 rules (added)", exponent: 0),
            .init("exponent 2: second-order agreement (added)", exponent: 2),
          ]),
      ]
    }
  }
}
