import Numeric
import Testing

@testable import Verify

/// The binary64 sign test of the L1 scan: wherever it decides, it agrees with the sign of the
/// value at 256 bits; it decides almost everywhere; and it declines next to a root and in the
/// far tail, where binary64's exponentials underflow.
@Suite struct Binary64SignTests {
  /// Random differences of three Gaussians with rational means and variances.
  static func sums(_ count: Int) -> [GaussianSum<BigFloat>] {
    var generator = SplitMix64(seed: 41)
    return (0..<count).map { _ in
      GaussianSum((0..<3).map { k in
        .init(
          BigFloat(k == 2 ? -2 * generator.nextUniform() : generator.nextUniform() + Rational(1, 10)),
          generator.nextSymmetric(scale: 3), generator.nextUniform() + Rational(1, 20))
      })
    }
  }

  @Test func decidedSignsAreTheWorkingPrecisionsSigns() {
    withPrecision(256) {
      var decided = 0, asked = 0
      for f in Self.sums(20) {
        let binary64 = Binary64GaussianSum(f)
        for i in -700...700 {
          let x = Rational(i, 50)
          asked += 1
          guard let sign = binary64.certifiedSign(at: x.doubleValue) else { continue }
          decided += 1
          let value = f.value(BigFloat(x))
          #expect((value > 0 ? 1 : -1) == sign, "f(\(x)) = \(value), binary64 sign \(sign)")
        }
      }
      #expect(decided * 10 >= asked * 9, "binary64 decided only \(decided) of \(asked) signs")
    }
  }

  @Test func nearARootAndInTheFarTailItDeclines() {
    withPrecision(256) {
      // N(x; 1, 1) − N(x; −1, 1): a simple root at 0.
      let f = GaussianSum<BigFloat>([.init(1, 1, 1), .init(-1, -1, 1)])
      let binary64 = Binary64GaussianSum(f)
      #expect(binary64.certifiedSign(at: 0x1p-60) == nil)
      #expect(binary64.certifiedSign(at: 1) == 1)
      #expect(binary64.certifiedSign(at: -1) == -1)
      // e^{−(40 ∓ 1)²/2} underflows binary64; 256 bits still see the sign.
      #expect(binary64.certifiedSign(at: 40) == nil)
      #expect(f.value(40) > 0)
    }
  }
}
