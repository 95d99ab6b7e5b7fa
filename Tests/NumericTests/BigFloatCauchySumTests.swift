import Testing
@testable import Numeric

/// `accumulateRoundedProducts` on `BigFloat` must give the bits of the operators' loop
/// (`s += a[j] * b[k − j]`, or `-=`) it replaces: random series at random precisions, the
/// same array on both sides (a square root's `Σ yⱼ yₖ₋ⱼ`), precisions mixed and wider than
/// inline (the loop's own route), special values, and signed zeros; and the forward form
/// (`s += a[j] * b[j]`, dot products) the same way.
@Suite struct BigFloatCauchySumTests {
  /// The operators' loop, the reference.
  static func loop(
    _ start: BigFloat, _ a: [BigFloat], _ b: [BigFloat], _ k: Int, _ terms: Range<Int>, subtracting: Bool
  ) -> BigFloat {
    var s = start
    for j in terms { s = subtracting ? s - a[j] * b[k - j] : s + a[j] * b[k - j] }
    return s
  }

  static func accumulated(
    _ start: BigFloat, _ a: [BigFloat], _ b: [BigFloat], _ k: Int, _ terms: Range<Int>, subtracting: Bool
  ) -> BigFloat {
    var s = start
    s.accumulateRoundedProducts(a, b, reversedFrom: k, over: terms, subtracting: subtracting)
    return s
  }

  /// The same bits, sign (of zero too) and precision; NaN matches NaN.
  static func identical(_ x: BigFloat, _ y: BigFloat) -> Bool {
    if x.isNaN || y.isNaN { return x.isNaN && y.isNaN && x.precision == y.precision }
    return x == y && x.isNegative == y.isNegative && x.precision == y.precision
  }

  static func series(_ random: inout SplitMix64, _ count: Int, bits: Int) -> [BigFloat] {
    withPrecision(bits) {
      (0..<count).map { _ in
        random.nextSymmetric(scale: Rational(1), as: BigFloat.self) * BigFloat.pow(2, Int(random.next() % 41) - 20)
      }
    }
  }

  @Test func randomSeriesHaveTheOperatorsBits() {
    var random = SplitMix64(seed: 2031)
    for _ in 0..<60 {
      let bits = [2, 24, 53, 64, 113, 200, 256, 301, 512][Int(random.next() % 9)]
      let count = 1 + Int(random.next() % 40)
      let (a, b) = (Self.series(&random, count, bits: bits), Self.series(&random, count, bits: bits))
      let start = Self.series(&random, 1, bits: bits)[0]
      let k = count - 1
      let low = Int(random.next() % UInt64(count))
      for subtracting in [false, true] {
        let terms = low..<count
        #expect(
          Self.identical(
            Self.accumulated(start, a, b, k, terms, subtracting: subtracting),
            Self.loop(start, a, b, k, terms, subtracting: subtracting)),
          "\(count) terms from \(low) at \(bits) bits, subtracting \(subtracting)")
        #expect(Self.identical(
          Self.accumulated(start, a, a, k, 1..<max(k, 1), subtracting: subtracting),
          Self.loop(start, a, a, k, 1..<max(k, 1), subtracting: subtracting)), "one array on both sides at \(bits) bits")
      }
    }
  }

  /// The comparison can fail: a loop that rounds each term once (`addProduct`, a fused
  /// multiply-add) differs from the operators' on a sum that cancels.
  @Test func aSingleRoundingLoopIsToldApart() {
    withPrecision(53) {
      let x = BigFloat(1) / 3
      let (a, b) = ([x, x], [-x, x])
      var fused = BigFloat.zero
      for j in 0..<2 { fused.addProduct(a[j], b[1 - j]) }
      let start = BigFloat.zero
      #expect(Self.identical(Self.accumulated(start, a, b, 1, 0..<2, subtracting: false), Self.loop(start, a, b, 1, 0..<2, subtracting: false)))
      #expect(!Self.identical(Self.accumulated(start, a, b, 1, 0..<2, subtracting: false), fused))
    }
  }

  /// Mixed precisions (the sum narrower or wider than the terms, the terms unlike) and values
  /// wider than inline take the loop itself, widening the sum as the operators do.
  @Test func mixedAndWidePrecisionsHaveTheOperatorsBits() {
    var random = SplitMix64(seed: 7)
    for (sumBits, aBits, bBits) in [(53, 256, 256), (512, 256, 256), (256, 53, 256), (256, 256, 113), (600, 600, 600), (256, 1024, 256)] {
      var (a, b) = (Self.series(&random, 9, bits: aBits), Self.series(&random, 9, bits: bBits))
      a[3] = a[3].rounded(toPrecision: aBits == 256 ? 64 : aBits)
      let start = Self.series(&random, 1, bits: sumBits)[0]
      for subtracting in [false, true] {
        let (got, expected) = (
          Self.accumulated(start, a, b, 8, 0..<9, subtracting: subtracting),
          Self.loop(start, a, b, 8, 0..<9, subtracting: subtracting))
        #expect(Self.identical(got, expected), "sum \(sumBits), a \(aBits), b \(bBits) bits")
      }
    }
  }

  /// NaN and ±∞ among the terms, an empty range, and the sign of a zero sum: as the loop.
  @Test func specialValuesEmptyRangesAndZerosAreTheLoops() {
    withPrecision(256) {
      let x = BigFloat(3) / 7
      let cases: [([BigFloat], [BigFloat])] = [
        ([x, .nan(), x], [x, x, x]),
        ([x, .infinity(), x], [x, x, x]),
        ([.infinity(), x, x], [x, x, 0]),  // ∞ · 0: NaN
        ([x, -x], [x, x]),  // x² − x² = +0
        ([-BigFloat(0), 0], [1, -1]),  // −0 + (−0)
      ]
      for (a, b) in cases {
        for start in [BigFloat(0), -BigFloat(0), x] {
          for subtracting in [false, true] {
            let k = a.count - 1
            #expect(Self.identical(
              Self.accumulated(start, a, b, k, 0..<a.count, subtracting: subtracting),
              Self.loop(start, a, b, k, 0..<a.count, subtracting: subtracting)), "\(a)·\(b) from \(start)")
            #expect(Self.identical(Self.accumulated(start, a, b, k, 1..<1, subtracting: subtracting), start))
          }
        }
      }
    }
  }

  /// The forward form against `s = s + a[j] * b[j]`: random vectors at random precisions, one
  /// array on both sides (a column's squared norm), mixed and wide precisions, special values.
  @Test func dotProductsHaveTheOperatorsBits() {
    func loop(_ start: BigFloat, _ a: [BigFloat], _ b: [BigFloat], _ terms: Range<Int>) -> BigFloat {
      var s = start
      for j in terms { s = s + a[j] * b[j] }
      return s
    }
    func accumulated(_ start: BigFloat, _ a: [BigFloat], _ b: [BigFloat], _ terms: Range<Int>) -> BigFloat {
      var s = start
      s.accumulateRoundedProducts(a, b, over: terms)
      return s
    }
    var random = SplitMix64(seed: 2032)
    for _ in 0..<60 {
      let bits = [2, 24, 53, 64, 113, 200, 256, 301, 512, 700][Int(random.next() % 10)]
      let count = 1 + Int(random.next() % 12)
      let (a, b) = (Self.series(&random, count, bits: bits), Self.series(&random, count, bits: bits))
      let start = Self.series(&random, 1, bits: bits)[0]
      let terms = Int(random.next() % UInt64(count))..<count
      #expect(Self.identical(accumulated(start, a, b, terms), loop(start, a, b, terms)), "\(count) at \(bits) bits")
      #expect(Self.identical(accumulated(start, a, a, terms), loop(start, a, a, terms)), "a·a at \(bits) bits")
    }
    for (sumBits, aBits, bBits) in [(53, 256, 256), (512, 256, 256), (256, 53, 256), (256, 1024, 256)] {
      let (a, b) = (Self.series(&random, 6, bits: aBits), Self.series(&random, 6, bits: bBits))
      let start = Self.series(&random, 1, bits: sumBits)[0]
      #expect(Self.identical(accumulated(start, a, b, 0..<6), loop(start, a, b, 0..<6)),
        "sum \(sumBits), a \(aBits), b \(bBits) bits")
    }
    withPrecision(256) {
      let x = BigFloat(3) / 7
      for (a, b) in [([x, .nan()], [x, x]), ([.infinity(), x], [0, x]), ([x, -x], [x, x]), ([-BigFloat(0)], [BigFloat(1)])] {
        for start in [BigFloat(0), -BigFloat(0), x] {
          #expect(Self.identical(accumulated(start, a, b, 0..<a.count), loop(start, a, b, 0..<a.count)), "\(a)·\(b)")
        }
      }
    }
  }
}
