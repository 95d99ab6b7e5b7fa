import Numeric
import Testing

@testable import Verify

/// The verdict rules: a true statement whose controls are rejected passes; a false one fails;
/// an unrejected control makes a check inconclusive; NaN anywhere fails.
@Suite struct CheckTests {
  @Test func everyKindPassesOnTrueStatements() throws {
    let report = try engineReport(Sound())
    #expect(Set(report.checks.map(\.kind)) == Set(CheckKind.allCases))
    for check in report.checks {
      #expect(check.verdict.succeeded, "\(check.id): \(check.detail)")
      #expect(!check.controls.isEmpty && check.controls.allSatisfy(\.rejected), "\(check.id)")
    }
    #expect(report.verdict == .pass)
  }

  @Test func enclosuresAndExactArithmeticProve() throws {
    let report = try engineReport(Sound())
    let byID = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.id, $0) })
    #expect(byID["harmonic"]?.verdict == .proved)
    let inequality = try #require(byID["root-two"])
    #expect(inequality.verdict == .proved, "\(inequality.detail)")
    #expect(try #require(inequality.certificate?.enclosure).isCertainlyNegative)
    let saddle = try #require(byID["saddle"])
    #expect(saddle.verdict == .proved, "\(saddle.detail)")
    #expect(saddle.detail.contains("holds exactly one zero of the gradient"))
    // The wrong point's box holds no critical point: a disproof, not only a rejection.
    let wrong = try #require(saddle.controls.first { $0.description.hasPrefix("the point (1") })
    #expect(wrong.disproved, "\(wrong.detail)")
    #expect(byID["pythagoras"]?.verdict == .pass, "an identity's residual proves nothing exact")
    #expect(MarkdownReport.summary(report.checks) == "6 checks: 3 proved, 3 pass, 0 fail, 0 inconclusive.")
  }

  @Test func identityResidualFallsAlongTheLadder() throws {
    let identity = try #require(try engineReport(Sound()).checks.first { $0.kind == .identity })
    #expect(identity.ladder.map(\.bits) == [64, 128, 256, 512])
    // Each rung's residual is below 2^(-bits+20) or exactly zero.
    for rung in identity.ladder {
      #expect(
        rung.value.isZero || rung.value.exponent! <= 20 - rung.bits, "\(rung.bits): \(rung.value)")
    }
  }

  @Test func falseStatementsFail() throws {
    let report = try engineReport(FalseIdentity())
    #expect(report.verdict == .fail)
    let byID = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.id, $0) })
    #expect(byID["tanh-cubic"]?.verdict == .fail)
    // 10⁻¹⁰⁰ is below 2^-44 at 64 bits but plateaus instead of falling: a near miss.
    let nearMiss = try #require(byID["near-miss"])
    #expect(nearMiss.verdict == .fail)
    #expect(nearMiss.detail.contains("does not fall"), "\(nearMiss.detail)")
  }

  @Test func unrejectedControlIsInconclusiveNeverPass() throws {
    let report = try engineReport(UnrejectedControl())
    let check = try #require(report.checks.first)
    #expect(check.verdict == .inconclusive)
    #expect(check.detail.contains("not rejected"))
    #expect(report.verdict == .inconclusive)
  }

  @Test func notANumberFailsNamingWhere() throws {
    let check = try #require(try engineReport(NotANumber()).checks.first)
    #expect(check.verdict == .fail)
    #expect(check.detail.contains("residual at 64 bits is nan"), "\(check.detail)")
  }

  @Test func checkWithoutControlIsInconclusive() {
    let context = CheckContext(precision: 128)
    let result = withPrecision(128) {
      InequalityCheck(
        id: "one", statement: "1 <= 2", value: { 1 }, .lessThanOrEqual, bound: { 2 }, controls: []
      ).evaluate(in: context)
    }
    #expect(result.verdict == .inconclusive)
  }

  @Test func rateControlUsesTheSameBand() throws {
    let report = try engineReport(Sound(), ["law=log", "points=4"])
    let rate = try #require(report.checks.first { $0.kind == .rate })
    #expect(rate.verdict == .pass, "\(rate.detail)")
    #expect(rate.plot?.points.count == 4)
    #expect(rate.threshold == "slope interval within [1.99, 2.01]")
  }

  @Test func verdictsCombineFailFirstThenInconclusive() {
    #expect(Verdict.combining([.pass, .inconclusive, .fail]) == .fail)
    #expect(Verdict.combining([.pass, .inconclusive]) == .inconclusive)
    #expect(Verdict.combining([Verdict.pass]) == .pass)
    #expect(Verdict.combining([.proved, .pass]) == .pass)
    #expect(Verdict.combining([Verdict.proved]) == .proved)
  }
}

/// Entrywise exact equality, whole or as the entries come: the first differing entry is the
/// witness and the discrepancy the largest difference, on both routes.
@Suite struct EntrywiseEqualityTests {
  @Test func witnessIsTheFirstDifferenceAndDiscrepancyTheLargest() {
    let lhs = [Rational(1), Rational(1, 3), Rational(5), Rational(-2)]
    let rhs = [Rational(1), Rational(1, 2), Rational(5), Rational(2)]
    var streamed = ExactOutcome.EntrywiseEquality()
    for (a, b) in zip(lhs, rhs) { streamed.compare(a, b) }
    for outcome in [ExactOutcome.equal(lhs, rhs, "Z"), streamed.outcome("Z")] {
      #expect(!outcome.holds)
      #expect(outcome.evidence == "Z[1]: 1/3 ≠ 1/2")
      #expect(outcome.discrepancy == 4)
    }
    let same = ExactOutcome.equal(lhs, lhs, "Z")
    #expect(same.holds && same.discrepancy == 0 && same.evidence == "Z: all 4 entries equal")
    #expect(!ExactOutcome.equal(lhs, Array(rhs.prefix(3)), "Z").holds)
  }
}
