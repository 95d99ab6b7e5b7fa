import Numeric

/// C4 [paper's motivation; constants derived]: each broken rule keeps `Δ` bounded away from 0
/// as `η → 0` (log-log slope about 0); the spec's rejection criterion is `Δ(η_min) ≥ 0.05` and a
/// slope in `[−0.1, 0.1]` over the four smallest η.
extension ScalingStudy {
  static let bounded = Rational(1, 20)

  func brokenRuleChecks() -> [any Check] {
    kappas.flatMap { kappa -> [any Check] in
      let rule = discrepancy(.emaRule, kappa: kappa)
      let flat = ScalingRule.broken.map { wrong -> any Check in
        RateCheck(
          id: "C4-\(wrong.rawValue)-k\(kappa)",
          statement:
            "[paper's motivation; constants derived] κ = \(kappa), \(wrong.summary): Δ(η) does not vanish, slope of ln Δ against ln η over the four smallest η in [−0.1, 0.1]",
          xLabel: "η", yLabel: "Δ(η), \(wrong.rawValue), κ = \(kappa)", exponent: 0,
          tolerance: Rational(1, 10), data: { fitWindow(discrepancy(wrong, kappa: kappa)) },
          controls: [
            .init("exponent 1: first order, as for the rule (added)", exponent: 1),
            .init("the EMA Scaling Rule's Δ (added)", data: { fitWindow(rule) }),
          ])
      }
      let smallest = { (rule: ScalingRule) in smallestDiscrepancy(rule, kappa: kappa) }
      let bounded = CounterexampleCheck(
        id: "C4-bounded-k\(kappa)",
        statement:
          "[paper's motivation; constants derived] κ = \(kappa): every broken rule (ρ unscaled; batch not scaled; √κ lr) has Δ(η_min) ≥ 1/20 at the smallest η: the smallest of the three",
        threshold: Self.bounded,
        effect: { ScalingRule.broken.map(smallest).minOrNaN()! },
        controls: [
          .init("the EMA Scaling Rule", effect: { smallest(.emaRule) }),
          .init("the linear momentum rule (first-order equivalent: must not break)") {
            smallest(.linearMomentum)
          },
        ])
      return flat + [bounded]
    }
  }
}
