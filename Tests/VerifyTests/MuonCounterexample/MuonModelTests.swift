import Numeric
import Testing

@testable import Verify

/// The models of muon-counterexample against independent routes: the one-line recursion of
/// C2's proof, hand-worked schedules and intervals, the Huber function.
@Suite struct MuonModelTests {
  static let grid = Rational.pow(2, StepSchedule.gridExponent)

  @Test func trapRunsFollowTheOneLineRecursionOfTheProof() throws {
    // C2's proof: the off-trace coordinate moves by plain sign descent, u ← u − 2γ sgn⁺(u),
    // and f_ε − f* = ε v₀ + |u|, for every schedule.
    let (epsilon, beta, horizon) = (Rational(1, 4), Rational(1, 4), 300)
    let start = [Rational(3, 2), Rational(1, 2)]
    for schedule in StepSchedule.allCases where schedule != .polyak && schedule != .tunedConstant {
      let steps = schedule.sizes(horizon: horizon, base: Rational(1, 10), seed: 3, bits: 128)!
      let run = try ExactDiagonalRun(
        objective: .trap(epsilon: epsilon), start: start, beta: beta, horizon: horizon,
        steps: .fixed(steps), method: .muon)
      var u = start[0] - start[1]
      for t in 0...horizon {
        #expect(run.gaps[t] == epsilon * 2 + u.magnitude, "\(schedule) at t = \(t)")
        if t < horizon { u -= 2 * steps[t] * (u.signum >= 0 ? 1 : -1) }
      }
    }
  }

  @Test func schedulesByHand() {
    let base = Rational(1, 10)
    let step = StepSchedule.step.sizes(horizon: 8, base: base, seed: 0, bits: 128)!
    #expect(step == [1, 1, 2, 2, 4, 4, 8, 8].map { base / Rational($0) })
    #expect(StepSchedule.constant.sizes(horizon: 3, base: base, seed: 0, bits: 128)! == [base, base, base])
    // inv_t and linear are rationals put on the grid: within half a grid step, on the grid.
    let inverse = StepSchedule.inverse.sizes(horizon: 50, base: base, seed: 0, bits: 128)!
    let linear = StepSchedule.linear.sizes(horizon: 50, base: base, seed: 0, bits: 128)!
    for t in 0..<50 {
      for (rounded, exact) in [(inverse[t], base / Rational(t + 1)), (linear[t], base * (1 - Rational(t, 50)))] {
        #expect((rounded - exact).magnitude <= Self.grid / 2)
        #expect((rounded / Self.grid).isInteger)
      }
    }
    // random: γ̄ · uₜ in SplitMix64 order.
    var generator = SplitMix64(seed: 3)
    let random = StepSchedule.random.sizes(horizon: 4, base: base, seed: 3, bits: 128)!
    #expect(random == (0..<4).map { _ in base * generator.nextUniform() })
    #expect(StepSchedule.polyak.sizes(horizon: 4, base: base, seed: 3, bits: 128) == nil)
    // cosine at t = 0 is γ̄ on the grid; inv_sqrt at t = 3 is γ̄/2 on the grid.
    let cosine = StepSchedule.cosine.sizes(horizon: 10, base: base, seed: 0, bits: 128)!
    #expect(cosine[0] == base.rounded(toMultipleOfPowerOfTwo: StepSchedule.gridExponent))
    let root = StepSchedule.inverseSquareRoot.sizes(horizon: 10, base: base, seed: 0, bits: 128)!
    #expect(root[3] == (base / 2).rounded(toMultipleOfPowerOfTwo: StepSchedule.gridExponent))
  }

  @Test func alternatingIntervalOfAConstantAndOfATwoStepSchedule() {
    let constant = AlternatingStart(steps: Array(repeating: Rational(1, 10), count: 40))!
    #expect(constant.lower == 0 && constant.upper == Rational(1, 5))
    // γ = (1/2, 1/8): 0 < u₀ < 1 and 0 < 1 − u₀ < 1/4, so I = (3/4, 1).
    let twoStep = AlternatingStart(steps: [Rational(1, 2), Rational(1, 8)])!
    #expect(twoStep.lower == Rational(3, 4) && twoStep.upper == 1)
    #expect(twoStep.midpoint == Rational(7, 8))
    // γ = (1/8, 1/2): 0 < u₀ < 1/4 and 0 < 1/4 − u₀ < 1 is (0, 1/4); a third step 1/100 needs
    // 0 < u₀ + 3/4 < 1/50: empty.
    #expect(AlternatingStart(steps: [Rational(1, 8), Rational(1, 2), Rational(1, 100)]) == nil)
  }

  @Test func huberValuesAndGradients() {
    let mu = Rational(1, 8)
    let smooth = AffinePenaltySum.trap(epsilon: Rational(1, 4)).smoothed(huber: mu)
    // v = 1/16 (quadratic part), u = 1 (linear part): f = ε (1/16)²/(2μ) + (1 − μ/2).
    let x = [Rational(17, 32), Rational(-15, 32)]
    #expect(smooth.value(at: x) == Rational(1, 4) * Rational(1, 64) + Rational(15, 16))
    // ∇ = (ε v/μ + 1, ε v/μ − 1) = (1/8 + 1, 1/8 − 1).
    #expect(smooth.subgradient(at: x) == [Rational(9, 8), Rational(-7, 8)])
    // The nonsmooth oracle at the kink u = 0, v > 0: sgn⁺(0) = +1.
    let trap = AffinePenaltySum.trap(epsilon: Rational(1, 4))
    #expect(trap.subgradient(at: [Rational(1, 2), Rational(1, 2)]) == [Rational(5, 4), Rational(-3, 4)])
    #expect(trap.subgradient(at: [BigFloat(0.5), BigFloat(0.5)]) == [BigFloat(1.25), BigFloat(-0.75)])
  }

  @Test func roundedOracleRoundsTheExactSubgradient() throws {
    // Random forms and points at random precisions, each point seen twice (the second time
    // from the oracle's cache), against the exact oracle at the point's exact value, rounded:
    // away from a kink the signs decided in T are the exact ones, and the combination is
    // rounded once.
    var generator = SplitMix64(seed: 41)
    for _ in 0..<5 {
      let bits = 40 + Int(generator.next() % 500)
      let objective = AffinePenaltySum(terms: (0..<5).map { _ in
        .init(weight: generator.nextUniform(), form: generator.symmetricEntries(6, scale: 2), offset: generator.nextSymmetric(scale: 1))
      })
      try withPrecision(bits) {
        var oracle = AffinePenaltySum.RoundedOracle<BigFloat>(objective)
        let points: [[BigFloat]] = (0..<20).map { _ in generator.symmetricEntries(6, scale: 3) }
        for x in points + points {
          let exact = try x.map { try #require(Rational(exactly: $0)) }
          try #require(objective.residuals(exact).allSatisfy { $0.magnitude > Rational(1, 1_000_000) })
          let expected = objective.subgradient(at: exact).map { BigFloat($0) }
          let got = oracle.subgradient(at: x)
          #expect(zip(got, expected).allSatisfy { $0 == $1 && $0.precision == $1.precision }, "\(bits) bits")
          #expect(got == objective.subgradient(at: x), "the one-shot oracle, \(bits) bits")
        }
      }
    }
  }
}
