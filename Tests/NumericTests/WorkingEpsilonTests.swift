import Testing

@testable import Numeric

/// `workingEpsilon` is returned directly, so each conformer's value is checked against the
/// definition it replaces: the gap between 1 and the next value, `1 + ε > 1 = 1 + ε/2`.
@Suite struct WorkingEpsilonTests {
  @Test func doubleIsTheBinary64Gap() {
    #expect(Double.workingEpsilon == Double.ulpOfOne)
    #expect(1 + Double.workingEpsilon > 1 && 1 + Double.workingEpsilon / 2 == 1)
  }

  /// Precisions off the limb boundaries and past the inline significand (heap values).
  @Test(arguments: [2, 53, 64, 100, 256, 511, 512, 513, 3000])
  func bigFloatIsTheGapAtTheWorkingPrecision(bits: Int) {
    withPrecision(bits) {
      let epsilon = BigFloat.workingEpsilon
      #expect(epsilon.precision == bits)
      #expect(1 + epsilon > 1 && 1 + epsilon / 2 == 1)
      #expect(epsilon == BigFloat.pow(BigFloat(2), 1 - bits))
    }
  }

  @Test(arguments: [64, 200, 1024])
  func ballIsTheExactGap(bits: Int) {
    withPrecision(bits) {
      let epsilon = Ball.workingEpsilon
      #expect(epsilon.radius.isZero)
      #expect(epsilon.contains(BigFloat.workingEpsilon))
    }
  }
}
