import Numeric
import Testing

@testable import Verify

/// ``LawSeries`` (the coefficients once, Horner's rule at each time) against the series summed
/// term by term at the one time at 1024 bits: the difference is rounding and truncation, below
/// a few units of `2^−p`, and falls with the working precision `p`.
@Suite struct LatentLawSeriesTests {
  /// The default chain: 6 states, seed 31, rates `2u`.
  static let chain = LatentChain(states: 6, seed: 31, rateScale: 2)

  /// `p_t = Σₖ τₖ`, `(k+1)τ_{k+1} = τₖ(tA) + τ_{k−1}(t²B)`, `τ₀ = p₀`, at `bits` (with 128 guard
  /// bits against the terms' growth), until two consecutive terms are below `2^−(bits+10)`.
  static func termByTerm(at time: Rational, bits: Int) -> [BigFloat] {
    withPrecision(bits + 128) {
      let t = BigFloat(time)
      let stepA = chain.a.map { $0.map { BigFloat($0) * t } }
      let stepB = chain.b.map { $0.map { BigFloat($0) * t * t } }
      var previous = chain.initial.map { _ in BigFloat(0) }
      var current = chain.initial.map { BigFloat($0) }
      var sum = current
      var (k, small) = (0, 0)
      while small < 2 {
        let next = zip(current.times(stepA), previous.times(stepB)).map { ($0 + $1) / BigFloat(k + 1) }
        (previous, current, k) = (current, next, k + 1)
        sum = zip(sum, current).map { $0 + $1 }
        small = current.maximumMagnitude < BigFloat(Rational.pow(2, -(bits + 10))) ? small + 1 : 0
      }
      return sum
    }
  }

  static let times = [Rational(0), Rational(1, 1000), Rational(1, 3), Rational(999, 1000), 1, Rational(3, 2), 2]

  @Test func hornerOnceAgreesWithTheSeriesAtEachTime() {
    let references = Self.times.map { Self.termByTerm(at: $0, bits: 1024) }
    var previous: BigFloat? = nil
    for bits in [128, 256] {
      let largest = withPrecision(bits) {
        let series = LawSeries(Self.chain, radius: 2)
        return zip(Self.times, references).map { time, reference in
          let law = series.law(at: BigFloat(time))
          return zip(law, reference).map { ($0 - $1).magnitude }.maximumMagnitude
        }.maximumMagnitude
      }
      #expect(largest <= BigFloat(Rational.pow(2, 4 - bits)), "\(bits) bits: \(largest)")
      if let previous { #expect(largest < previous * BigFloat(Rational.pow(2, -100))) }
      previous = largest
    }
  }

  /// The radius the coefficients serve is part of their truncation: a series of radius 1 needs
  /// fewer terms than one of radius 2, and at t = 0 both are `p₀` rounded once.
  @Test func truncationFollowsTheRadius() {
    withPrecision(256) {
      let (short, long) = (LawSeries(Self.chain, radius: 1), LawSeries(Self.chain, radius: 2))
      #expect(short.coefficients.count < long.coefficients.count)
      let p0 = Self.chain.initial.map { BigFloat($0) }
      #expect(short.law(at: 0) == p0 && long.law(at: 0) == p0)
    }
  }
}
