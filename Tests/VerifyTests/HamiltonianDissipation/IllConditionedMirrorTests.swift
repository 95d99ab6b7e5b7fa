import Numeric
import Testing

@testable import Verify

/// Issue 12: `verify hamiltonian-dissipation --set eps=1/1000000 --set scale=1000 --set
/// gamma=1/100` failed M2-mirror-inversion although its residual falls 3.2e-8 → 2.3e-27 →
/// 4.6e-66 → 6.1e-143: the mirror map at σ ≫ √ε loses about 40 bits to cancellation in
/// 1 − σ(∇Ψ)², more than the check's slack. Falling by the rung ratio, it is ill-conditioned,
/// not false: the ladder evaluates it again with guard bits, where it holds.
@Suite struct IllConditionedMirrorTests {
  @Test func mirrorInversionHoldsWithGuardBits() throws {
    let claim = HamiltonianDissipation()
    let run = try RunRequest(assignments: ["eps=1/1000000", "scale=1000", "gamma=1/100"])
      .plan([claim])[0]
    let smoothing = claim.instance(run.arguments).smoothing
    let check = try #require(
      smoothing.checks().first { $0.id == "M2-mirror-inversion" } as? IdentityCheck)
    let result = withPrecision(256) { check.evaluate(in: CheckContext(precision: 256)) }
    #expect(result.verdict == .pass, "\(result.detail)")
    #expect(result.detail.contains("lost about 40 bits to conditioning"), "\(result.detail)")
    let guardBits = try #require(result.ladder.first).bits - 64
    #expect(guardBits > 40 - check.slack, "\(result.detail)")
    #expect(result.ladder.map(\.bits) == [64, 128, 256, 512].map { $0 + guardBits })
    // The raised rungs meet the nominal rungs' bounds 2^(slack − p).
    for (rung, nominal) in zip(result.ladder, [64, 128, 256, 512]) {
      #expect(rung.value.magnitude <= powerOfTwo(check.slack - nominal), "\(rung.bits)")
    }
    #expect(result.controls.allSatisfy { $0.rejected })
  }
}
