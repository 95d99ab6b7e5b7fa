import Testing
@testable import Numeric

/// `multiplied(by:)` on `BigFloat` matrices must round every entry once: bit for bit the exact
/// sum of products, computed in rationals, rounded to nearest. Random shapes at random
/// precisions with entries of exponents −60…60 (Arb's tests draw them so), then sums built to
/// cancel, to vanish and to tie, where Arb's enclosure cannot decide and MPFR's `mpfr_dot` must.
@Suite struct BigFloatMatrixProductTests {
  /// The exact `Σₗ aᵢₗ bₗⱼ` of every entry, rounded once to `bits`.
  static func reference(_ a: Matrix<BigFloat>, _ b: Matrix<BigFloat>, bits: Int) -> [BigFloat] {
    let exact = (0..<a.rowCount * b.columnCount).map { e in
      let (i, j) = e.quotientAndRemainder(dividingBy: b.columnCount)
      return (0..<a.columnCount).reduce(Rational(0)) { $0 + Rational(exactly: a[i, $1])! * Rational(exactly: b[$1, j])! }
    }
    return withPrecision(bits) { exact.map { BigFloat($0) } }
  }

  /// The same bits, sign (of zero too) and precision.
  static func identical(_ x: [BigFloat], _ y: [BigFloat]) -> Bool {
    x.count == y.count
      && zip(x, y).allSatisfy { $0 == $1 && $0.isNegative == $1.isNegative && $0.precision == $1.precision }
  }

  static func entry(_ random: inout SplitMix64, bits: Int) -> BigFloat {
    let exponent = Int(random.next() % 121) - 60
    return withPrecision(bits) { random.nextSymmetric(scale: Rational(1), as: BigFloat.self) * BigFloat.pow(2, exponent) }
  }

  @Test func everyEntryIsTheExactSumRoundedOnce() {
    var random = SplitMix64(seed: 2027)
    for _ in 0..<40 {
      let bits = [24, 53, 64, 113, 200, 256, 301, 512][Int(random.next() % 8)]
      let (rows, inner, columns) = (1 + Int(random.next() % 4), 1 + Int(random.next() % 40), 1 + Int(random.next() % 4))
      let a = Matrix(rowCount: rows, columnCount: inner) { _, _ in Self.entry(&random, bits: bits) }
      let b = Matrix(rowCount: inner, columnCount: columns) { _, _ in Self.entry(&random, bits: bits) }
      let product = a.multiplied(by: b)
      #expect(Self.identical(product.entries, Self.reference(a, b, bits: bits)), "\(rows)×\(inner)×\(columns) at \(bits) bits")
    }
  }

  /// Sums that cancel all but a tiny remainder, vanish exactly, or fall exactly halfway between
  /// two `p`-bit numbers (ties to even): Arb's ball cannot decide them, MPFR's dot must. `*`
  /// gets the first wrong, which shows the comparison can fail.
  @Test func cancellingVanishingAndTyingSumsAreCorrectlyRounded() {
    for bits in [53, 256] {
      withPrecision(bits) {
        let x = BigFloat(1) / 3, tiny = BigFloat.pow(2, -3 * bits)
        let rows: [([BigFloat], [BigFloat])] = [
          ([x, tiny, -x, x * x], [x, 1, x, -1]),  // x² + tiny − x² − x²·… : only tiny and rounding survive
          ([x, -x], [x, x]),  // exactly zero
          ([1, BigFloat.pow(2, -bits)], [1, 1]),  // 1 + 2^−p: the tie rounds to even, 1
          ([1, BigFloat.pow(2, -bits)], [1, 3]),  // 1 + 3·2^−p: rounds up
        ]
        for (left, right) in rows {
          let a = Matrix(rowCount: 1, columnCount: left.count, entries: left)
          let b = Matrix(rowCount: right.count, columnCount: 1, entries: right)
          #expect(Self.identical(a.multiplied(by: b).entries, Self.reference(a, b, bits: bits)), "\(left)·\(right) at \(bits) bits")
        }
        let a = Matrix(rowCount: 1, columnCount: 3, entries: [x, tiny, -x])
        let b = Matrix(rowCount: 3, columnCount: 1, entries: [x, 1, x])
        #expect(!Self.identical((a * b).entries, Self.reference(a, b, bits: bits)), "* is not correctly rounded at \(bits) bits")
      }
    }
  }

  /// Each entry at the largest precision of its row of `a` and its column of `b`.
  @Test func mixedPrecisionsRoundToTheLargest() {
    let at = { (bits: Int, p: Int, q: Int) in withPrecision(bits) { BigFloat(Rational(p, q)) } }
    let a = Matrix(rowCount: 2, columnCount: 2, entries: [at(64, 1, 3), at(64, 2, 7), at(64, 1, 5), at(200, 3, 11)])
    let b = Matrix(rowCount: 2, columnCount: 2, entries: [at(64, 5, 13), at(64, 1, 17), at(64, 3, 19), at(64, 1, 23)])
    let product = a.multiplied(by: b)
    #expect(product.entries.map(\.precision) == [64, 64, 200, 200])
    for (e, value) in product.entries.enumerated() {
      #expect(Self.identical([value], [Self.reference(a, b, bits: value.precision)[e]]))
    }
  }

  /// NaN and infinities follow `*`: MPFR's rules for special values.
  @Test func nonFiniteEntriesFollowTheOperator() {
    withPrecision(128) {
      for special in [BigFloat.nan(), .infinity(), .infinity(negative: true)] {
        let a = Matrix(rowCount: 1, columnCount: 2, entries: [special, BigFloat(1)])
        let b = Matrix(rowCount: 2, columnCount: 2, entries: [BigFloat(2), BigFloat(0), BigFloat(3), BigFloat(4)])
        let (route, operator_) = (a.multiplied(by: b).entries, (a * b).entries)
        #expect(zip(route, operator_).allSatisfy { $0.isNaN ? $1.isNaN : $0 == $1 }, "\(special)")
      }
    }
  }
}
