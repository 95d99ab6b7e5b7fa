import Numeric

/// The named values of issue 17 for the instance that was set.
extension ScalingStudy {
  func record(in measurements: Measurements) throws {
    let names = Observables<T>.names
    func record(_ prefix: String, _ values: Observables<T>) {
      for (name, value) in zip(names, values.components) { measurements.record(prefix + name, value) }
    }
    record("SDE_", sde)
    record("C2_base_", base.last!)
    for kappa in kappas {
      measurements.record(
        "C2_Delta_over_eta_k\(kappa)", smallestDiscrepancy(.emaRule, kappa: kappa) / smallestEta)
    }
    for kappa in kappas { record("C2_D_k\(kappa)_", try firstOrderConstant(.emaRule, kappa: kappa)) }
    record("C3_e1_", try baseFirstOrderCoefficient())
    // The slopes and the controls' Δ at the smallest η.
    for kappa in kappas {
      for rule in ScalingRule.allCases {
        let delta = discrepancy(rule, kappa: kappa)
        measurements.record("C2_Delta_\(rule.rawValue)_k\(kappa)", delta.last!)
        measurements.record("C2_slope_\(rule.rawValue)_k\(kappa)", slope(delta))
      }
    }
    measurements.record("C3_slope", slope(sdeError(base)))
    measurements.record("C3_limit_error", try (limit(base) - sde).maximumMagnitude)
  }
}
