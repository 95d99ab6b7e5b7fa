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
}
