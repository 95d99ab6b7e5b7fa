import Numeric
import Testing

@testable import Verify

/// C9's Newton start at `k ≠ 6`: the overlap form of the reduced loss against the vector form,
/// and the continuation in `k` against Newton from the spec's start.
@Suite struct ApproximateCopyContinuationTests {
  static let specStart = [Rational(43, 50), Rational(3, 20), Rational(-1, 50), Rational(6, 5)]

  static func family(teachers k: Int, dimension d: Int) -> ApproximateCopy {
    ApproximateCopy(teacher: .householder(seed: 16, dimension: d, count: k))
  }

  /// At an integer `κ` the overlap form is the family's loss: their difference falls with the
  /// precision (a wrong count in either form leaves an O(1) gap).
  @Test(arguments: [(5, 7), (7, 7), (10, 12)])
  func overlapLossIsTheFamilysLoss(k: Int, d: Int) {
    let family = Self.family(teachers: k, dimension: d)
    let p = [Rational(9, 10), Rational(1, 7), Rational(-1, 30), Rational(11, 10)]
    var previous: BigFloat?
    for bits in [64, 128, 256, 512] {
      withPrecision(bits) {
        let point = p.map { BigFloat($0) }
        let gap = (family.loss(family.parameters(point))
          - ApproximateCopy.overlapLoss(point, teachers: BigFloat(k))).magnitude
        #expect(gap <= BigFloat.pow(2, 8 - bits), "\(bits) bits: gap \(gap)")
        if let previous, previous > 0 { #expect(gap < previous) }
        previous = gap
      }
    }
    let wrongCount = withPrecision(256) {
      let point = p.map { BigFloat($0) }
      return (family.loss(family.parameters(point))
        - ApproximateCopy.overlapLoss(point, teachers: BigFloat(k + 1))).magnitude
    }
    #expect(wrongCount > BigFloat.pow(2, -20))
  }

  /// Newton from the spec's start fails at k = 7; from the carried start it reaches the
  /// approximate copy. Reference values from an independent mpmath computation (30 digits,
  /// numerical derivatives of the overlap form, continuation in steps of 1/10).
  @Test(arguments: [
    (7, "0.885020195011806", "0.132103253503695", "-0.0154244025722746", "1.17752823864138"),
    (10, "0.928747781000325", "0.0954645972852066", "-0.00715871660338232", "1.11137102583360"),
  ])
  func carriedStartReachesTheApproximateCopy(
    k: Int, alpha: String, beta: String, gamma: String, a: String
  ) throws {
    let family = Self.family(teachers: k, dimension: k)
    if k == 7 {
      #expect(throws: (any Error).self) {
        try withPrecision(128) { try family.solve(from: Self.specStart.map { BigFloat($0) }, bits: 128) }
      }
    }
    let start = try family.newtonStart(from: Self.specStart)
    let root = try withPrecision(128) {
      try family.solve(from: start.map { BigFloat($0) }, bits: 128).root
    }
    for (value, reference) in zip(root, [alpha, beta, gamma, a]) {
      let expected = try Rational(parsing: reference)
      #expect((Rational(exactly: value)! - expected).magnitude < Rational(1, 100_000_000_000_000))
    }
  }

  /// A start from which Newton fails (one for k = 5, walked from k = 6) fails C9's three checks
  /// with Newton's error in each and records none of C9's point values; the rest of the claim
  /// is measured as before.
  @Test func failedNewtonFailsOnlyC9() throws {
    let claim = CopyAverage()
    let defaults = Arguments(defaultsOf: claim)
    let poor: [String: ParameterValue] = [
      "ac_k": .integer(5), "ac_d": .integer(6), "ac_alpha0": .rational(Rational(41, 50)),
      "ac_beta0": .rational(Rational(89, 500)), "ac_gamma0": .rational(Rational(-61, 2000)),
      "ac_A0": .rational(Rational(318, 250)),
    ]
    let arguments = Arguments(
      precision: defaults.precision, seed: defaults.seed,
      values: defaults.values.map { ($0.name, poor[$0.name] ?? $0.value) })
    let instance = try claim.instance(arguments)
    let measurements = Measurements(precision: instance.precision, seed: defaults.seed)
    withPrecision(instance.precision) {
      claim.measureApproximateCopy(instance, measurements)
      let results = measurements.checks.map { $0.evaluate(in: CheckContext(precision: instance.precision)) }
      #expect(results.map(\.id) == [
        "c9-approximate-copy-critical", "c9-approximate-copy-minimum", "c9-versus-best-ca",
      ])
      for result in results {
        #expect(result.verdict == .fail)
        #expect(result.detail.contains("Newton did not converge"), "\(result.id): \(result.detail)")
      }
    }
    #expect(!measurements.values.contains { $0.name == "ac_alpha" })
    #expect(measurements.values.contains { $0.name == "ac_best_ca_loss" })
  }
}
