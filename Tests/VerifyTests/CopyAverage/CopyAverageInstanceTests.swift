import Numeric
import Symbolic
import Testing

@testable import Verify

/// Spec §4.1–4.2 of copy-average at 256 bits: the teacher construction, the averaging scales,
/// the plain-erf variant and the norm-2 teacher, the nine negative controls' gradient norms
/// and the ReLU contrast on E1 and E2, the Monte-Carlo stream. (The CA losses and Hessians of
/// E1 and E2 are checked through the claim's runs, `CopyAverageClaimTests`.)
@Suite struct CopyAverageInstanceTests {
  static let e1 = CopyAverageFamily(
    partition: [1, 3], secondPartition: [2, 2], dimension: 5, seed: 11)
  static let e2 = CopyAverageFamily(
    partition: [1, 1, 3], secondPartition: [1, 2, 2], dimension: 6, seed: 12)

  @Test func householderTeacherAndAveragingStudent() {
    withPrecision(256) {
      var generator = SplitMix64(seed: 11)
      let u = (0..<5).map { _ in BigFloat(generator.nextSymmetric(scale: 1)) }
      let references = [
        "-0.3675112141581835523140853", "-0.4752696964525635614506882",
        "0.2760846840366970589286666",
        "0.009228062421573257623208519", "-0.6696148987593606438650795",
      ]
      for (value, reference) in zip(u, references) { expectMatches(value, reference) }
      let v1: [BigFloat] = Self.e1.teacher().vector(0)
      let v1References = [
        "0.694989322681827540295", "-0.3944432889098295595981", "0.2291325359093984199179",
        "0.007658698458999822256816", "-0.5557373107124387434444",
      ]
      for (value, reference) in zip(v1, v1References) { expectMatches(value, reference) }
      let theta = Self.e1.configuration([1, 3]).point()
      let w2References = [
        "-0.04070558544895645716525", "0.2055579620830531817483", "0.2887780619309160268048",
        "0.2592209910299480358801", "-0.07416662520565030053313",
      ]
      for (value, reference) in zip(theta[5..<10], w2References) { expectMatches(value, reference) }
      #expect(theta[11] == 3)
    }
  }

  @Test func averagingScales() {
    withPrecision(256) {
      let scale = { (m: Int, kappa: Int) -> BigFloat in
        CopyAverageRecipe.matchedScale(m, nu: 1, kappa: kappa)
      }
      expectMatches(scale(2, 1), "0.408248290463863016366214012450981898660991247")
      expectMatches(scale(3, 1), "0.25819888974716112567861769331882664072219478")
      expectMatches(scale(4, 1), "0.188982236504613613607258268117090030407875656")
      expectMatches(scale(6, 1), "0.123091490979332732734240660125243035583397032")
      expectMatches(scale(2, 2), "0.353553390593273762200422181052424519642417969")
      expectMatches(scale(3, 2), "0.218217890235992381266097485415619451856402694")
    }
  }

  @Test func plainErfVariantAndNormTwoTeacher() {
    withPrecision(256) {
      let references = [
        ([1, 3], Self.e1), ([1, 1, 3], Self.e2), ([2, 2], Self.e1), ([1, 2, 2], Self.e2),
      ]
      for (partition, family) in references {
        let plain = family.plainErfConfiguration(partition)
        expectMatches(
          plain.value(),
          partition.contains(3)
            ? "0.0548591612511024853969694805241302912300475414"
            : "0.0637305250399381183859092900145197245555651852")
        #expect(plain.gradientNorm() <= BigFloat.pow(2, 20 - 256))
        #expect(family.normTwoConfiguration(partition).gradientNorm() <= BigFloat.pow(2, 20 - 256))
      }
    }
  }

  /// Spec §4.2's control table, E1 (1,3), E1 (2,2), E2 (1,1,3), E2 (1,2,2); nil where the
  /// control does not apply. The last row is the ReLU contrast.
  static let controlNorms: [[String?]] = [
    ["1.6359007e-6", "1.1007259e-6", "1.6991929e-6", "1.1513399e-6"],
    ["1.9138955e-6", "1.4313887e-6", "1.9917227e-6", "1.5005052e-6"],
    ["0.40024985", "0.300188", "0.41899072", "0.31593071"],
    ["0.02942703", "0.046881307", "0.030455696", "0.049088465"],
    ["0.0020988006", nil, "0.0020988006", "0.0018420189"],
    ["0.60951703", "0.45015816", "0.62321575", "0.46401241"],
    ["0.51361857", "0.55647737", "0.52185883", "0.56660733"],
    ["0.36551007", "0.28149739", "0.37853037", "0.29292392"],
    ["0.22507164", "0.19627976", "0.23199282", "0.20417926"],
    ["0.23703781", "0.20605199", "0.33522208", "0.30350625"],
  ]

  @Test func negativeControlGradientNorms() {
    withPrecision(256) {
      let instances = [
        (Self.e1, [1, 3]), (Self.e1, [2, 2]), (Self.e2, [1, 1, 3]), (Self.e2, [1, 2, 2]),
      ]
      for (column, (family, partition)) in instances.enumerated() {
        let controls = family.controls(partition)
        let expected = Self.controlNorms.prefix(9).compactMap { $0[column] }
        #expect(controls.count == expected.count, "controls of \(partition)")
        for ((control, configuration), reference) in zip(controls, expected) {
          let norm = configuration.gradientNorm()
          expectMatches(norm, reference)
          #expect(
            norm >= BigFloat(Rational(1, 100_000_000)), "\(control.description) must be rejected")
        }
        let contrast = StudentConfiguration.reluCopyAverage(
          partition: partition, teacher: family.teacher())
        expectMatches(contrast.gradientNorm(), Self.controlNorms[9][column]!)
      }
    }
  }

  @Test func monteCarloStreamAndEstimate() {
    let first = MonteCarloLoss.normals(seed: 101, count: 5)
    let references = [1.83058343, 0.1985063, -0.74497128, -0.26598971, 0.79015015]
    for (value, reference) in zip(first, references) { #expect(abs(value - reference) < 1e-8) }
    // A small run in double still lies within 4 standard errors of the closed forms.
    let teacher = Self.e1.teacher()
    let points = [[1, 3], [2, 2]].map { partition in
      withPrecision(64) { Self.e1.configuration(partition).point().map(\.doubleValue) }
    }
    let estimate = MonteCarloLoss(
      teacher: teacher, first: points[0], second: points[1], samples: 1 << 14, seed: 5)
    for (x, exact) in [(estimate.first, 0.0202965886569769), (estimate.second, 0.0232216806253367)]
    {
      #expect(abs(x.mean - exact) <= 4 * x.standardError, "\(x.mean) ± \(x.standardError)")
    }
    #expect(estimate.difference.standardError < estimate.first.standardError)
  }
}
