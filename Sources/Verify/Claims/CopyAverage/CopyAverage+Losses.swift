import Numeric

/// C3 (and C2's losses): the AD-evaluated loss of a CA configuration equals its closed form,
/// and a double-precision Monte Carlo of `½ E[(f − f*)²]` agrees with it.
extension CopyAverage {
  /// `|a − b| / max(1, |b|)`: relative for values above 1, absolute (stricter) below.
  static func residual(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
    (a - b).magnitude / BigFloat.maximum(1, b.magnitude)
  }

  func measureLosses(_ instance: Instance, _ measurements: Measurements) {
    let family = instance.copyAverage
    let partitions = [family.partition, family.secondPartition]
    let configurations = partitions.map { family.configuration($0) }
    let closedForm = { (formula: @escaping ([Int]) -> BigFloat) -> IdentityCheck.Residual in
      { _ in
        zip(configurations, partitions).map { Self.residual($0.value(), formula($1)) }.maxOrNaN()!
      }
    }
    measurements.add(
      IdentityCheck(
        id: "c3-closed-form",
        statement: "C3: L at the CA configurations of (\(Self.list(family.partition))) and "
          + "(\(Self.list(family.secondPartition))) equals Σᵢ L*(mᵢ), "
          + "L*(m) = m/6 − (m²/π) asin(1/(2m))",
        residual: closedForm { CopyAverageFamily.closedFormLoss($0) },
        controls: [
          .init(
            "without the ½ of the loss: 2 Σᵢ L*(mᵢ)",
            residual: closedForm { 2 * CopyAverageFamily.closedFormLoss($0) }),
          .init(
            "m asin(1/(2m)) in place of m² asin(1/(2m)) in L*(m)",
            residual: closedForm { partition in
              partition.reduce(BigFloat.zero) { sum, m in
                sum + BigFloat(m) / 6 - BigFloat(m) / BigFloat.pi
                  * BigFloat.asin(1 / BigFloat(2 * m))
              }
            }),
        ]))
    let general = instance.general.configuration
    let plain = partitions.map(family.plainErfConfiguration)
    let generalised = {
      (generalForm: @escaping () -> BigFloat, plainForm: @escaping ([Int]) -> BigFloat)
        -> IdentityCheck.Residual in
      { _ in
        ([Self.residual(general.value(), generalForm())]
          + zip(plain, partitions).map { Self.residual($0.value(), plainForm($1)) }).maxOrNaN()!
      }
    }
    measurements.add(
      IdentityCheck(
        id: "c2-closed-form",
        statement: "C2: the loss of the general-recipe instance is Σ_G (b_G² m/π)[asin(ν²/(1+ν²)) "
          + "− m asin(ν²/(m(1+ν²)))], and the plain-erf CA losses are Σᵢ (mᵢ/π)[asin(2/3) − mᵢ asin(2/(3mᵢ))]",
        residual: generalised(
          { instance.general.closedFormLoss() }, { CopyAverageFamily.plainErfClosedFormLoss($0) }),
        controls: [
          .init(
            "the unit-teacher formulas Σᵢ L*(mᵢ) for both",
            residual: generalised(
              { CopyAverageFamily.closedFormLoss(instance.general.partition) },
              { CopyAverageFamily.closedFormLoss($0) }))
        ]))
    measurements.record("ca_loss", configurations[0].value())
    measurements.record("ca2_loss", configurations[1].value())
    measurements.record("ca_plain_erf_loss", plain[0].value())
    measurements.record("ca2_plain_erf_loss", plain[1].value())
    measureMonteCarlo(instance, measurements)
  }

  /// C3's Monte-Carlo cross-check in `Double` on the two `ca_*` partitions.
  private func measureMonteCarlo(_ instance: Instance, _ measurements: Measurements) {
    let family = instance.copyAverage
    let teacher = family.teacher()
    let points = [family.partition, family.secondPartition].map {
      family.configuration($0).point().map(\.doubleValue)
    }
    let estimate = MonteCarloLoss(
      teacher: teacher, first: points[0], second: points[1], samples: instance.monteCarloSamples,
      seed: instance.monteCarloSeed)
    let exact: [BigFloat] = [family.partition, family.secondPartition].map(
      CopyAverageFamily.closedFormLoss)
    let mean = { (x: MonteCarloLoss.Estimate) in BigFloat(x.mean) }
    let error = { (x: MonteCarloLoss.Estimate) in BigFloat(x.standardError) }
    let (first, second, difference) = (estimate.first, estimate.second, estimate.difference)
    let zScore = { (x: MonteCarloLoss.Estimate, exact: BigFloat) in
      (mean(x) - exact).magnitude / error(x)
    }
    let samples =
      "N = 2^\(instance.monteCarloSamples.trailingZeroBitCount) samples, seed \(instance.monteCarloSeed)"
    measurements.add(
      InequalityCheck(
        id: "c3-monte-carlo",
        statement: "C3: a double-precision Monte Carlo of ½ E[(f − f*)²] (\(samples)) lies within "
          + "4 standard errors of Σᵢ L*(mᵢ) for both partitions (value: the larger |MC − L|/SE)",
        value: { BigFloat.maximum(zScore(first, exact[0]), zScore(second, exact[1])) },
        .lessThanOrEqual, bound: { 4 },
        controls: [
          .init(
            "the estimate for (\(Self.list(family.secondPartition))) matches the closed form of "
              + "(\(Self.list(family.partition))) within 10 standard errors",
            value: { zScore(second, exact[0]) }, bound: { 10 })
        ]))
    let order = exact[1] > exact[0] ? BigFloat(1) : BigFloat(-1)
    measurements.add(
      InequalityCheck(
        id: "c3-monte-carlo-paired",
        statement:
          "C3: the paired Monte-Carlo difference MC(\(Self.list(family.secondPartition))) − "
          + "MC(\(Self.list(family.partition))) has the sign of the closed forms' difference, by "
          + "at least 10 paired standard errors",
        value: { order * mean(difference) / error(difference) }, .greaterThanOrEqual, bound: { 10 },
        controls: [
          .init(
            "the opposite ordering of the two losses",
            value: { -order * mean(difference) / error(difference) })
        ]))
    // Double estimates, recorded with the digits a double carries.
    let double = { (x: Double) in BigFloat(x, precision: 53) }
    measurements.record("mc_mean", double(first.mean))
    measurements.record("mc_stderr", double(first.standardError))
    measurements.record("mc2_mean", double(second.mean))
    measurements.record("mc2_stderr", double(second.standardError))
    measurements.record("mc_difference", double(difference.mean))
    measurements.record("mc_difference_stderr", double(difference.standardError))
  }
}
