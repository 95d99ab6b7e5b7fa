import Numeric
import Testing

@testable import Verify

/// The three fitting scales of `RateCheck`, each on data that follows its law exactly.
@Suite struct RateCheckTests {
  static func evaluate(_ scale: RateCheck.Scale, exponent: Rational, wrong: Rational,
    data: @escaping () -> ([BigFloat], [BigFloat])) -> CheckResult
  {
    withPrecision(128) {
      RateCheck(
        id: "law", statement: "a law", scale: scale, exponent: exponent,
        tolerance: Rational(1, 100), data: { data() }, controls: [.init("wrong", exponent: wrong)]
      ).evaluate(in: CheckContext(precision: 128))
    }
  }

  @Test func exponentialDecayIsFittedOnLinearTime() {
    // y = 3 e^{−t/2} on t = 0, 1/2, …, 5 (t = 0 is allowed: x is not logarithmic here).
    let result = Self.evaluate(.exponential, exponent: Rational(-1, 2), wrong: -1) {
      let t = (0...10).map { BigFloat(Rational($0, 2)) }
      return (t, t.map { 3 * BigFloat.exp(-$0 / 2) })
    }
    #expect(result.verdict == .pass, "\(result.detail)")
    let slope = result.measured ?? BigFloat.nan()
    #expect(BigFloat.abs(slope + BigFloat(Rational(1, 2), precision: 128)) < BigFloat(1e-30))
    #expect(result.controls.allSatisfy { $0.rejected })
    #expect(result.plot?.scale.logarithmicX == false && result.plot?.scale.logarithmicY == true)
  }

  @Test func powerAndLogarithmicLaws() {
    let xs = (1...6).map { BigFloat($0 * $0) }
    let power = Self.evaluate(.logLog, exponent: 2, wrong: 1) { (xs, xs.map { 3 * $0 * $0 }) }
    let logarithmic = Self.evaluate(.semiLog, exponent: 2, wrong: 1) {
      (xs, xs.map { 2 * BigFloat.log($0) + 1 })
    }
    #expect(power.verdict == .pass && logarithmic.verdict == .pass)
    // The logarithmic data are not a power law: the log-log fit rejects exponent 2.
    let misread = Self.evaluate(.logLog, exponent: 2, wrong: 1) {
      (xs, xs.map { 2 * BigFloat.log($0) + 1 })
    }
    #expect(misread.verdict == .fail)
  }

  @Test func logarithmicAxesNeedPositiveData() {
    let result = Self.evaluate(.logLog, exponent: 1, wrong: 2) {
      ([0, 1, 2].map { BigFloat($0) }, [1, 2, 3].map { BigFloat($0) })
    }
    #expect(result.verdict == .fail)
    #expect(result.detail.contains("x[0]"))
  }

  /// A control may be wrong data (a broken variant's run): the same fit and band judge it.
  @Test func wrongDataIsJudgedByTheSameFit() {
    let xs = (1...6).map { BigFloat($0) }
    func check(_ controlData: [BigFloat]) -> CheckResult {
      withPrecision(128) {
        RateCheck(
          id: "law", statement: "y ∝ x²", exponent: 2, tolerance: Rational(1, 100),
          data: { (xs, xs.map { 3 * $0 * $0 }) },
          controls: [.init("a linear variant", data: { (xs, controlData) })]
        ).evaluate(in: CheckContext(precision: 128))
      }
    }
    let linear = check(xs.map { 5 * $0 })
    #expect(linear.verdict == .pass)
    #expect(linear.controls[0].rejected)
    #expect(BigFloat.abs(linear.controls[0].measured - 1) < BigFloat(1e-30))
    // A variant that follows the same law is not rejected: the check cannot tell them apart.
    let same = check(xs.map { 7 * $0 * $0 })
    #expect(same.verdict == .inconclusive)
    #expect(!same.controls[0].rejected)
  }

  @Test func oneSidedRateWithAControlOnOtherData() {
    // y = x^(−2/3) decays at least like x^(−1/2); y = 2 + x^(−1/2) (a floor) does not.
    let xs = (1...5).map { BigFloat(1 << (2 * $0)) }
    let check = withPrecision(128) {
      RateCheck(
        id: "decay", statement: "decays at least like x^(-1/2)", slopeAtMost: Rational(-1, 2),
        data: { (xs, xs.map { BigFloat.pow($0, BigFloat(Rational(-2, 3))) }) },
        controls: [
          .init("with a floor", data: { (xs, xs.map { 2 + 1 / BigFloat.sqrt($0) }) }),
          .init("claimed x^(-1)", exponent: -1),
        ])
    }
    let result = withPrecision(128) { check.evaluate(in: CheckContext(precision: 128)) }
    #expect(result.verdict == .pass, "\(result.detail)")
    #expect(result.threshold == "slope <= -0.5")
    #expect(result.controls.count == 2 && result.controls.allSatisfy(\.rejected))
    #expect(result.controls[0].threshold.hasSuffix("on the variant's data"))
    // The floored data fail the same one-sided test as the check's own statement.
    var floored = check
    floored.data = { (xs, xs.map { 2 + 1 / BigFloat.sqrt($0) }) }
    #expect(withPrecision(128) { floored.evaluate(in: CheckContext(precision: 128)) }.verdict == .fail)
  }
}
