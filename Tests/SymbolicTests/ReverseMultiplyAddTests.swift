import Numeric
import Testing

@testable import Symbolic

/// `Reverse.addRoundedProduct` must record exactly what `self = self + a * b` records (the
/// same nodes, slopes and values, so every later sweep has the same bits), for every mix of
/// taped and constant operands, including an accumulator that starts as a constant and an
/// operand that is the accumulator itself.
@Suite struct ReverseMultiplyAddTests {
  typealias R = Reverse<BigFloat>

  /// The tape's nodes as comparable tuples and its slopes.
  static func record(_ tape: Tape<BigFloat>) -> ([[Int32]], [BigFloat]) {
    (tape.entries.map { [$0.first, $0.second, $0.firstSlope, $0.secondSlope] }, tape.slopes)
  }

  /// The same chain of multiply-adds both ways, on fresh tapes: `pattern` says which of each
  /// term's operands are taped (bit 0: a, bit 1: b), and whether the sum starts taped.
  static func chains(
    _ pattern: [Int], taped start: Bool, bits: Int,
    against written: (inout R, R, R) -> Void = { $0 = $0 + $1 * $2 }
  ) -> Bool {
    withPrecision(bits) {
      var random = SplitMix64(seed: UInt64(pattern.reduce(start ? 1 : 0) { 4 * $0 + $1 }))
      let numbers = (0..<(2 * pattern.count + 1)).map { _ in random.nextSymmetric(scale: Rational(2), as: BigFloat.self) }
      func run(_ step: (inout R, R, R) -> Void) -> (BigFloat, [[Int32]], [BigFloat]) {
        let tape = Tape<BigFloat>()
        let value = { (k: Int, taped: Bool) in taped ? tape.variable(numbers[k]) : R(constant: numbers[k]) }
        var sum = value(0, start)
        for (t, p) in pattern.enumerated() {
          let a = value(2 * t + 1, p & 1 != 0)
          let b = p == 3 && t.isMultiple(of: 2) ? sum : value(2 * t + 2, p & 2 != 0)
          step(&sum, a, b)
        }
        let (entries, slopes) = record(tape)
        return (sum.value, entries, slopes)
      }
      let fused = run { $0.addRoundedProduct($1, $2) }
      let other = run(written)
      return fused.0 == other.0 && fused.0.precision == other.0.precision
        && fused.1 == other.1 && fused.2 == other.2
    }
  }

  @Test func multiplyAddRecordsWhatTheOperatorsRecord() {
    for start in [false, true] {
      for pattern in [[0], [1], [2], [3], [0, 3, 1, 2], [3, 3, 3], [1, 0, 0, 2, 3]] {
        for bits in [53, 256] {
          #expect(Self.chains(pattern, taped: start, bits: bits), "\(pattern), taped start: \(start), \(bits) bits")
        }
      }
    }
  }

  /// The comparison can fail: `b * a` has the same value but records its slopes the other
  /// way round.
  @Test func aDifferentRecordIsTold() {
    #expect(!Self.chains([3, 3], taped: true, bits: 128) { $0 = $0 + $2 * $1 })
  }
}
