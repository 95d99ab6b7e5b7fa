import Numeric
import Testing

@testable import Verify

/// gaussian-mixture-conditioning as the engine runs it: verdicts, the spec's controls, the
/// issue's value names for the instance set, and `--set`.
@Suite struct MixtureConditioningClaimTests {
  static let ids = [
    "C1-closed-form", "C1-dy2", "C2-bound", "C2-slope", "C3-mixture-identity", "C3-bound",
  ]

  /// C1 is numerical evidence (quadrature); C2 and C3 are decided by ball enclosures.
  func expectVerdicts(_ report: ClaimReport) {
    #expect(report.error == nil, "\(report.error ?? "")")
    #expect(report.checks.map(\.id) == Self.ids)
    for result in report.checks {
      #expect(
        result.verdict == (result.id.hasPrefix("C1") ? .pass : .proved),
        "\(result.id): \(result.detail)")
      #expect(!result.controls.isEmpty, "\(result.id) has no negative control")
      for control in result.controls {
        #expect(control.rejected, "\(result.id): control '\(control.description)' accepted")
      }
    }
  }

  /// The issue's names for `ys`, `xs`, `deltas`, `y_tail` of the given lengths and mixtures
  /// of `k` and `k2` components.
  static func issueNames(ys: Int, xs: Int, k: Int, k2: Int, deltas: Int, tails: Int) -> [String] {
    var names = ["C1_dy2_pY", "C1_dy2_mean", "C1_dy2_dens", "C2_pY"]
    for i in 0..<ys {
      names += ["C1_pY_\(i)", "C1_mean_\(i)", "C1_var_\(i)"]
      names += (0..<k).map { "C1_w_\(i)_\($0)" } + (0..<xs).map { "C1_dens_\(i)_\($0)" }
    }
    names += (0..<k).map { "C1_v_\($0)" }
    names += (0..<k2).flatMap { ["C1_dy2_w_\($0)", "C1_dy2_m_\($0)", "C1_dy2_v_\($0)"] }
    names += (0..<deltas).flatMap { ["C2_L1cond_\($0)", "C2_L1joint_\($0)", "C2_bound_\($0)"] }
    names += (0..<tails).flatMap { t in
      ["pY", "rY", "lambda", "L1change", "L1rp", "bound"].map { "C3_\($0)_\(t)" }
    }
    return names
  }

  /// Every issue name is present; a real value has at least 35 significant digits.
  func expectNames(_ report: ClaimReport, _ names: [String]) {
    for name in names {
      guard let text = MixtureRun.value(report, name) else {
        Issue.record("value \(name) missing")
        continue
      }
      let digits = text.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber).drop { $0 == "0" }
      let exact = try! Rational(parsing: text)
      // Exact short decimals (m_k = 0.18, v_k = 0.64) need no more digits.
      #expect(digits.count >= 35 || exact.denominator <= BigInt(1 << 20), "\(name) = \(text)")
    }
  }

  @Test func defaultRunPassesWithEveryControlRejected() {
    let report = MixtureRun.report
    expectVerdicts(report)
    expectSpecControls(report.checks, [
      ("C1-closed-form", ["Sxx_k as the conditional variance"]),
      ("C1-dy2", ["Sxx_k as the conditional variance"]),
      ("C2-bound", ["the unnormalised bound", "the uniform Lipschitz form"]),
      ("C3-bound", ["a uniform Lipschitz constant Lc = 4.9e5"]),
    ])
    // The C2 and C3 controls are disproved by the same enclosures that prove the checks.
    for id in ["C2-bound", "C2-slope", "C3-bound"] {
      let result = report.checks.first { $0.id == id }!
      let disproved = result.controls.allSatisfy { $0.disproved }
      #expect(disproved, "\(id)")
    }
    // The Schur control must disagree by ≥ 1e-3 (spec: v_1 moves from 0.64 to 1).
    let closed = report.checks.first { $0.id == "C1-closed-form" }!
    #expect(closed.controls[0].measured >= BigFloat(Rational(1, 1000)))
    expectNames(report, Self.issueNames(ys: 3, xs: 3, k: 3, k2: 2, deltas: 4, tails: 4))
    for d in 0..<4 { #expect(MixtureRun.value(report, "C2_certified_\(d)") == "true") }
  }

  /// Another instance: two components in P1 and one in P2, other lengths; the names follow it,
  /// the values move, and it passes. The seed selects nothing here (the instance has no random
  /// part), so it leaves the values unchanged.
  @Test func setChangesTheInstanceAndTheNames() throws {
    let assignments = [
      "mix=0.4,0,0,1,0.5,1,0.6,1.5,-1,0.6,-0.1,0.7", "ys=0.5,-1", "xs=0,1",
      "mix2=1,0.5,0,1,1,0.3,-0.2,1,0.1,0.5", "y2=0,0.3", "shift=1,-1/2",
      "deltas=1/100,1/1000,1/10000", "y_lip=-1/2", "bump=3,-5,0.3,0.1,0.3", "eps=1e-5",
      "y_tail=-2,-5",
    ]
    let report = try engineReport(MixtureConditioning(), assignments)
    expectVerdicts(report)
    expectNames(report, Self.issueNames(ys: 2, xs: 2, k: 2, k2: 1, deltas: 3, tails: 2))
    #expect(MixtureRun.value(report, "C1_pY_2") == nil)
    #expect(MixtureRun.value(report, "C2_L1cond_3") == nil)
    for name in ["C1_pY_0", "C1_dy2_pY", "C2_L1cond_0", "C3_lambda_0", "C3_L1change_1"] {
      #expect(MixtureRun.value(report, name) != MixtureRun.value(MixtureRun.report, name), "\(name)")
    }
    // With one component the dy = 2 conditional is that component's: weight 1.
    #expect(MixtureRun.real(report, "C1_dy2_w_0") == 1)
    let reseeded = try engineReport(MixtureConditioning(), seed: 9)
    #expect(reseeded.values.map(\.value) == MixtureRun.report.values.map(\.value))
  }
}

/// C3's control constant `Lc`: the largest ratio rounded down to two significant digits,
/// inside and outside binary64's range, and an error (not a crash) where no positive constant
/// lies below the ratio.
@Suite struct TwoDigitConstantTests {
  typealias TailBump = MixtureConditioning.TailBump

  @Test(arguments: [
    ("3.14159", Rational(31, 10)), ("0.0123", Rational(12, 1000)),
    ("4.3180842775472223e-72", Rational(43) / Rational.pow(10, 73)),
    ("7.77e-500", Rational(77) / Rational.pow(10, 501)),
    ("2.57e400", Rational(25) * Rational.pow(10, 399)),
  ])
  func roundsDownToTwoDigits(text: String, expected: Rational) throws {
    let x = try BigFloat(parsing: text, precision: 256)
    let constant = try TailBump.roundedDownToTwoDigits(x)
    #expect(constant == expected, "\(text)")
    #expect(BigFloat(constant, precision: 256) <= x)
  }

  @Test(arguments: ["0", "-0.5", "inf", "nan"])
  func noConstantBelowANonPositiveOrNonFiniteRatio(text: String) throws {
    let x = try BigFloat(parsing: text, precision: 256)
    #expect(throws: CheckFailure.self) { try TailBump.roundedDownToTwoDigits(x) }
  }
}
