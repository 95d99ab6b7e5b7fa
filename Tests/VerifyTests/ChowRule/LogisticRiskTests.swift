import Numeric
import Symbolic
import Testing

@testable import Verify

/// `LogisticDensityRatioRisk.value` shares one logarithm between a cell's two softplus terms;
/// it must be the definition `½ Σ [w⁺ softplus(−s) + w⁻ softplus(s)]` to rounding, on both
/// signs of `s`, at zero, and where `e^{|s|}` is far outside binary64.
@Suite struct LogisticRiskTests {
  @Test(arguments: [64, 256, 512]) func valueIsTheSoftplusDefinition(bits: Int) {
    var generator = SplitMix64(seed: UInt64(bits))
    let inputs = 6
    let cells = (0..<15).map { $0 % inputs }
    let plus = cells.map { _ in generator.nextUniform() + Rational(1, 20) }
    let minus = cells.map { _ in generator.nextUniform() + Rational(1, 20) }
    let risk = LogisticDensityRatioRisk(
      inputCount: inputs, cellInputs: cells, positive: plus, negative: minus)
    withPrecision(bits) {
      typealias T = BigFloat
      let scores: [T] = [T(-900), T(Rational(-7, 3)), 0, T(Rational(1, 1000)), T(Rational(5, 2)), T(800)]
      let definition = cells.indices.reduce(T.zero) { sum, c in
        let s = scores[cells[c]]
        return sum + (T(plus[c]) * T.softplus(-s) + T(minus[c]) * T.softplus(s)) / 2
      }
      let value = risk.value(scores)
      // Fifteen cells, each term within a few roundings of its own: a relative 2^(6−p).
      #expect((value - definition).magnitude <= 32 * T.workingEpsilon * definition.magnitude,
        "\(value) against \(definition)")
      // A wrong shared term (the sign of the linear part flipped) is far off.
      let flipped = cells.indices.reduce(T.zero) { sum, c in
        let s = scores[cells[c]]
        return sum + (T(plus[c]) * T.softplus(s) + T(minus[c]) * T.softplus(-s)) / 2
      }
      #expect((value - flipped).magnitude > 1)
    }
  }

  /// The minimiser's Newton step is written over one denominator, in `e^{−|s|}`, on each side
  /// of `s = 0`: its root must be `s* = ln(W⁺/W⁻)` to rounding for either sign, at the middle,
  /// and where `σ(s*)` is within 1e−30 of 1 or of 0, at random precisions (a step with a wrong
  /// side's formula converges elsewhere or not at all).
  @Test func minimizerIsTheLogOfTheWeightRatio() throws {
    var generator = SplitMix64(seed: 24)
    let ratios = [Rational(1), Rational(7, 2), Rational(2, 9), Rational.pow(10, 30), Rational.pow(10, -30)]
    for _ in 0..<8 {
      let bits = 53 + Int(generator.next() % 600)
      let minus = ratios.map { _ in generator.nextUniform() + Rational(1, 20) }
      let plus = zip(ratios, minus).map { $0 * $1 }
      let risk = LogisticDensityRatioRisk(
        inputCount: ratios.count, cellInputs: Array(ratios.indices), positive: plus, negative: minus)
      try withPrecision(bits) {
        typealias T = BigFloat
        let s: [T] = try risk.minimizer()
        for (x, ratio) in ratios.enumerated() {
          let exact = T.log(T(ratio))
          #expect((s[x] - exact).magnitude <= 16 * T.workingEpsilon * T.maximum(1, exact.magnitude),
            "\(bits) bits, W⁺/W⁻ = \(ratio): \(s[x]) against ln = \(exact)")
        }
      }
    }
  }
}
