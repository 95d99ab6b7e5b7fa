import Numeric
import Testing

@testable import Verify

/// Spec Sections 3 and 4.5: the discrepancies, slopes and Richardson constants of C2, the
/// first-order coefficient e₁ of C3 and the negative controls' Δ, on E1 and E2.
@Suite struct EMAScalingRateTests {
  typealias T = BigFloat

  /// One row of the spec's table 4.5.
  struct Row {
    var kappa: Int
    var deltas: [String]  // Δ at 2^-5, 2^-8, 2^-12
    var slope: String
    var constants: [String]
  }

  static let e1Rows = [
    Row(kappa: 2, deltas: ["8.32204e-3", "1.055234e-3", "6.60736e-5"], slope: "0.99959",
      constants: ["0.135335283237", "0.270670566473", "0.131868364583", "0.152074784238", "0.080825678621"]),
    Row(kappa: 4, deltas: ["2.477917e-2", "3.162701e-3", "1.982091e-4"], slope: "0.99940",
      constants: ["0.406005849710", "0.812011699420", "0.395605093750", "0.456224352715", "0.242477035862"]),
    Row(kappa: 8, deltas: ["5.700242e-2", "7.365755e-3", "4.624330e-4"], slope: "0.99901",
      constants: ["0.947346982656", "1.894693965313", "0.923078552083", "1.064523489669", "0.565779750343"]),
  ]
  static let e2Rows = [
    Row(kappa: 2, deltas: ["1.103906e-2", "1.341893e-3", "8.35545e-5"], slope: "1.00083",
      constants: ["-0.042810674327", "-0.009671806398", "0.342153602137", "0.295111778930", "0.193235281241"]),
    Row(kappa: 4, deltas: ["3.375276e-2", "4.035252e-3", "2.507006e-4"], slope: "1.00132",
      constants: ["-0.128432022982", "-0.029015419194", "1.026460806410", "0.885335336791", "0.579705843723"]),
    Row(kappa: 8, deltas: ["8.183531e-2", "9.460476e-3", "5.851419e-4"], slope: "1.00231",
      constants: ["-0.299674720290", "-0.067702644786", "2.395075214957", "2.065782452513", "1.352646968686"]),
  ]

  func expectRows(_ study: ScalingStudy, _ rows: [Row]) throws {
    try withPrecision(256) {
      for row in rows {
        let delta = study.discrepancy(.emaRule, kappa: row.kappa)
        for (index, reference) in zip([0, 3, 7], row.deltas) {
          expectMatches(delta[index], reference)
        }
        expectMatches(study.slope(delta), row.slope)
        expectMatches(try study.firstOrderConstant(.emaRule, kappa: row.kappa), row.constants)
      }
    }
  }

  @Test func tableE1() throws { try expectRows(EMAInstances.e1Study, Self.e1Rows) }
  @Test func tableE2() throws { try expectRows(EMAInstances.e2Study, Self.e2Rows) }

  @Test func firstOrderCoefficientAndLimit() throws {
    try withPrecision(256) {
      let e1 = EMAInstances.e1Study
      expectMatches(try e1.baseFirstOrderCoefficient(), [
        "0.1353352832366125032", "0.4314472996140443312", "0.1318683645832755285",
        "0.2121060717935139078", "0.1528242037255412467",
      ])
      // The exact e₁ of E θ is e^{−2} (θ_n = 1 − (1 − η)^{2/η}); the spec's "e^{−2} to the digits
      // shown" holds to the Richardson truncation only: e^{−2} = 0.13533528323661269189…, the
      // interpolant's linear term is 1.9e−16 off it, and the spec's 19 digits are the latter.
      #expect(
        T.abs(try e1.baseFirstOrderCoefficient().components[0] - T.exp(-2))
          <= T(Rational.pow(10, -15)))
      let e2 = EMAInstances.e2Study
      expectMatches(try e2.baseFirstOrderCoefficient(), [
        "0.1314760557937937988", "0.3424853946174760555", "0.4044392476677866683",
        "0.4293423426610800259", "0.3445760886878023164",
      ])
      // "The limit of O_base reproduces O_SDE to about 1e-18."
      for study in [e1, e2] {
        #expect(try (study.limit(study.base) - study.sde).maximumMagnitude <= T(Rational.pow(10, -17)))
      }
    }
  }

  /// Section 3, negative controls: Δ(2^-12) of each broken rule (4 digits), the slopes of
  /// control 1 within ±0.003 and of every control within the rejection band [−0.1, 0.1], and the
  /// linear momentum rule's Δ (E1) with slope ≈ 1.
  @Test func controlDiscrepancies() {
    withPrecision(256) {
      let references: [(ScalingStudy, ScalingRule, [String])] = [
        (EMAInstances.e1Study, .unscaledMomentum, ["0.1536", "0.3479", "0.5110"]),
        (EMAInstances.e1Study, .batchNotScaled, ["0.2455", "0.7367", "1.7200"]),
        (EMAInstances.e1Study, .squareRootLearningRate, ["0.1137", "0.2325", "0.3576"]),
        (EMAInstances.e2Study, .unscaledMomentum, ["0.5623", "1.1238", "1.5363"]),
        (EMAInstances.e2Study, .batchNotScaled, ["0.6760", "2.0286", "4.7357"]),
        (EMAInstances.e2Study, .squareRootLearningRate, ["0.2095", "0.3688", "0.4837"]),
      ]
      for (study, rule, values) in references {
        for (kappa, reference) in zip([2, 4, 8], values) {
          expectMatches(study.smallestDiscrepancy(rule, kappa: kappa), reference)
          let slope = T.abs(study.slope(study.discrepancy(rule, kappa: kappa)))
          // The spec's summary says 0 ± 0.003 for all three; control 2 at κ = 8 has 0.0039 (E1)
          // and 0.0038 (E2), confirmed with mpmath, so ±0.003 is asserted where the spec lists it.
          #expect(slope <= T(rule == .unscaledMomentum ? Rational(3, 1000) : Rational(1, 10)))
        }
      }
      let e1 = EMAInstances.e1Study
      for (kappa, reference) in zip([2, 4, 8], ["1.053e-4", "3.160e-4", "7.372e-4"]) {
        expectMatches(e1.smallestDiscrepancy(.linearMomentum, kappa: kappa), reference)
        #expect(T.abs(e1.slope(e1.discrepancy(.linearMomentum, kappa: kappa)) - 1) <= T(Rational(1, 20)))
      }
    }
  }

  /// "Δ_q/η at the smallest η within 1 % of D_κ[q] (observed ≤ 0.6 %)".
  @Test func constantsAtTheSmallestStep() throws {
    try withPrecision(256) {
      for study in [EMAInstances.e1Study, EMAInstances.e2Study] {
        for kappa in [2, 4, 8] {
          let deviation = try ScalingStudy.relativeDeviation(
            study.quotientAtSmallestStep(.emaRule, kappa: kappa),
            from: study.firstOrderConstant(.emaRule, kappa: kappa))
          #expect(deviation <= T(Rational(6, 1000)))
        }
      }
    }
  }
}
