import Numeric
import Testing

@testable import Verify

/// The rules of the precision ladder on synthetic residual sequences: each rule's case, and the
/// sequences of issue 12 that the old rule passed.
@Suite struct PrecisionLadderTests {
  /// `2^e`, or 0 for nil: a residual given by its binary exponent.
  static func residual(_ exponents: [Int: Int?], default fallback: Int? = nil) -> (Int) -> BigFloat
  {
    { bits in
      let e = exponents[bits] ?? fallback.map { $0 - bits }
      return e.flatMap { $0 }.map { BigFloat(Rational.pow(2, $0), precision: 64) } ?? 0
    }
  }

  static func judge(
    _ residual: (Int) -> BigFloat, rungs: [Int] = [64, 128, 256, 512], slack: Int = 20,
    cap: Int? = nil
  ) throws -> Judgement {
    try PrecisionLadder(rungs: rungs, slack: slack, cap: cap).judge("residual", residual)
  }

  @Test func roundingErrorHoldsAndSaysHowManyBitsAgree() throws {
    // r(p) = 2^(3−p) at 64, 128, 256 and 512 bits: three bits of rounding error at every rung.
    let judgement = try Self.judge(Self.residual([:], default: 3))
    #expect(judgement.status == .holds)
    #expect(judgement.ladder.map(\.bits) == [64, 128, 256, 512])
    #expect(judgement.why.contains("agrees to p − 3 bits at every rung p (509 bits at 512)"))
  }

  /// Issue 12: `exp(x) = exp(x)·(1 + 10⁻¹⁵⁰)` gave 0, 0, 0, 1e-150, inside 512 bits' bound.
  @Test func firstNonZeroAtTheTopClimbsAndAPlateauFails() throws {
    let nearMiss: (Int) -> BigFloat = { bits in
      bits < 512 ? 0 : BigFloat(Rational.pow(Rational(1, 10), 150), precision: 64)
    }
    let judgement = try Self.judge(nearMiss)
    #expect(judgement.status == .fails)
    #expect(judgement.ladder.map(\.bits) == [64, 128, 256, 512, 1024])
    #expect(judgement.why.contains("does not fall from 512 to 1024 bits"), "\(judgement.why)")
  }

  @Test func lateRoundingAfterLuckyZerosHolds() throws {
    let judgement = try Self.judge(Self.residual([64: nil, 128: nil, 256: nil], default: -2))
    #expect(judgement.status == .holds)
    #expect(judgement.ladder.map(\.bits) == [64, 128, 256, 512, 1024])
  }

  /// Issue 12: `x = x + 10⁻¹⁶⁰` is exactly 0 at every rung up to 512 bits.
  @Test func exactZeroClimbsToTheCapBeforeHolding() throws {
    let judgement = try Self.judge({ _ in 0 })
    #expect(judgement.status == .holds)
    #expect(judgement.ladder.map(\.bits) == [64, 128, 256, 512, 1024, 2048])
    #expect(
      judgement.why.contains(
        "exactly 0 at every rung from 64 to 2048 bits: the statement agrees to every bit of every rung"
      ))
    let hidden: (Int) -> BigFloat = { bits in
      bits < 1024 ? 0 : BigFloat(Rational.pow(Rational(1, 10), 160), precision: 64)
    }
    #expect(try Self.judge(hidden).status == .fails)
  }

  @Test func aResidualThatRisesFails() throws {
    // Below the plateau's tolerance, but larger than the rung before.
    let judgement = try Self.judge(Self.residual([64: -100, 128: -130, 256: -490, 512: -485]))
    #expect(judgement.status == .fails)
    #expect(judgement.why.contains("rises from"), "\(judgement.why)")
  }

  /// A relative error of 2^-498 sits inside 512 bits' bound 2^-492 but 2^14 above the rounding
  /// the lower rungs extrapolate to: the ladder climbs, and the error plateaus.
  @Test func aNearMissInsideTheSlackIsCaughtByExtrapolation() throws {
    let judgement = try Self.judge(
      Self.residual([64: -62, 128: -126, 256: -254, 512: -498, 1024: -498]))
    #expect(judgement.status == .fails)
    #expect(judgement.ladder.last?.bits == 1024)
  }

  /// The M2 mirror-inversion residual of `--set eps=1/1000000 --set scale=1000 --set gamma=1/100`
  /// loses about 40 bits to conditioning at every rung (3.2e-8, 2.3e-27, 4.6e-66, 6.1e-143 at
  /// 64…512 bits), more than the slack of 24: raising the precision alone cannot help, as the
  /// bound moves with it. The ladder is evaluated again with guard bits and holds.
  @Test func illConditionedButFallingHoldsWithGuardBits() throws {
    let judgement = try Self.judge(Self.residual([:], default: 40), slack: 24)
    #expect(judgement.status == .holds, "\(judgement.why)")
    // 40 − 24 bits over the slack, a margin of 16, rounded up to a multiple of 8.
    #expect(judgement.ladder.map(\.bits) == [96, 160, 288, 544])
    #expect(judgement.why.contains("with 32 guard bits"), "\(judgement.why)")
    #expect(judgement.why.contains("lost about 40 bits to conditioning"), "\(judgement.why)")
  }

  /// Guard bits keep the nominal ladder's sensitivity: a constant error of 2^-300 hidden under
  /// 40 bits of conditioning loss at 64…256 bits plateaus at the raised rungs and fails.
  @Test func guardBitsStillCatchANearMiss() throws {
    let judgement = try Self.judge(
      { bits in
        BigFloat(Rational.pow(2, 40 - bits), precision: 64)
          + BigFloat(Rational.pow(2, -300), precision: 64)
      }, slack: 24)
    #expect(judgement.status == .fails, "\(judgement.why)")
  }

  /// A loss that the cap leaves no room to guard against is undecided, and says so.
  @Test func guardBitsBeyondTheCapAreUndecided() throws {
    let judgement = try Self.judge(Self.residual([:], default: 40), slack: 24, cap: 512)
    #expect(judgement.status == .undecided)
    #expect(judgement.ladder.map(\.bits) == [64, 128, 256, 512])
    #expect(judgement.why.contains("loses about 40 bits to conditioning"), "\(judgement.why)")
    #expect(judgement.why.contains("pass the cap of 512 bits"), "\(judgement.why)")
  }

  @Test func atTheCapAFirstRoundingErrorWithinItsBoundHolds() throws {
    let late: (Int) -> BigFloat = { bits in
      bits < 2048 ? 0 : BigFloat(Rational.pow(2, -2040), precision: 64)
    }
    let judgement = try Self.judge(late)
    #expect(judgement.status == .holds)
    #expect(judgement.why.contains("exactly 0 up to 1024 bits"), "\(judgement.why)")
    let tooLarge: (Int) -> BigFloat = { bits in
      bits < 2048 ? 0 : BigFloat(Rational.pow(2, -2000), precision: 64)
    }
    #expect(try Self.judge(tooLarge).status == .fails)
  }

  @Test func notANumberThrowsNamingTheRung() {
    #expect(throws: CheckFailure.self) {
      try Self.judge({ bits in bits == 128 ? BigFloat.nan() : 0 })
    }
  }
}
