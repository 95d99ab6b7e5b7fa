import Numeric
import Testing

@testable import Verify

/// The whole claim through the engine, as `verify ema-scaling --set …` runs it: every check
/// passes with every control rejected, the issue's values are there for the instance set, and
/// bad instances are usage errors before anything runs.
@Suite struct EMAScalingClaimTests {
  /// E1, the defaults, as committed in `claims/`.
  static let e1 = try! committedReport(EMAScaling())
  /// E2 with the spec's second C1 instance.
  static let e2 = try! engineReport(
    EMAScaling(),
    EMAInstances.e2Assignments + ["rho=31/32", "kappa1=8", "theta=1", "zeta=0"])

  static func value(_ report: ClaimReport, _ name: String) -> String? {
    report.values.first { $0.name == name }?.value
  }

  static func real(_ report: ClaimReport, _ name: String) -> BigFloat {
    withPrecision(256) { BigFloat(try! Rational(parsing: value(report, name)!)) }
  }

  static let quantities = ["E_theta", "E_zeta", "Var_theta", "Cov_theta_zeta", "Var_zeta"]

  /// The issue's value names for kappas 2, 4, 8.
  static var issueNames: [String] {
    quantities.map { "SDE_\($0)" } + quantities.map { "C2_base_\($0)" }
      + [2, 4, 8].map { "C2_Delta_over_eta_k\($0)" }
      + [2, 4, 8].flatMap { k in quantities.map { "C2_D_k\(k)_\($0)" } }
      + quantities.map { "C3_e1_\($0)" } + ["C1_kappa_steps", "C1_linear_defect", "C1_exact_equal"]
  }

  func expectEveryCheckPasses(_ report: ClaimReport) {
    #expect(report.error == nil)
    for result in report.checks {
      // C1 is decided in exact rationals, so it is proved; every other check passes.
      #expect(
        result.verdict == (result.id.hasPrefix("C1") ? .proved : .pass),
        "\(result.id): \(result.detail)")
      for control in result.controls {
        #expect(control.rejected, "\(result.id): control '\(control.description)' \(control.measured)")
      }
    }
  }

  @Test func defaultRunIsE1AndPasses() {
    let report = Self.e1
    expectEveryCheckPasses(report)
    #expect(report.checks.count == 30)
    var table: [(check: String, controls: [String])] = [
      ("C1-frozen-target", ["the linear rule"]), ("C1-linear-defect", ["the defect with the opposite sign"]),
      ("C3-sde-moments", ["P′ = FP + γe₁e₁ᵀ"]),
      ("C3-limit", ["the limit of the κ = 8 run with momentum unscaled"]),
      ("C3-rate", ["exponent 0", "exponent 2"]), ("C3-coefficient", ["the κ = 8 scaled run"]),
    ]
    for k in [2, 4, 8] {
      table += [
        ("C2-rate-k\(k)", ["C4 momentum left unscaled", "C4 lr scaled by κ, batch not scaled",
          "C4 square-root lr scaling", "exponent 2"]),
        ("C2-constant-k\(k)", ["the linear momentum rule"]), ("C2-nonzero-k\(k)", ["κ = 1"]),
        ("C2-linear-k\(k)", ["exponent 0", "exponent 2"]),
        ("C4-bounded-k\(k)", ["the EMA Scaling Rule", "the linear momentum rule"]),
      ]
      for rule in ["unscaled_momentum", "batch_not_scaled", "sqrt_lr"] {
        table.append(("C4-\(rule)-k\(k)", ["exponent 1", "the EMA Scaling Rule's Δ"]))
      }
    }
    expectSpecControls(report.checks, table)
    for name in Self.issueNames { #expect(Self.value(report, name) != nil, "value \(name) missing") }
  }

  /// Reals carry ≥ 32 significant digits and agree with the spec to 30; exact values are p/q.
  @Test func issueValuesForE1() {
    let report = Self.e1
    for name in Self.issueNames where !name.hasPrefix("C1") {
      let digits = Self.value(report, name)!.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber)
      #expect(digits.drop { $0 == "0" }.count >= 32, "\(name) has too few digits")
    }
    let thirtyDigits = [
      ("SDE_E_theta", "0.864664716763387308106000505027516"),
      ("SDE_Var_zeta", "0.151488299366203041684264840738291"),
      ("C2_base_E_theta", "0.864697758948456479205750522359501"),
      ("C2_base_Var_zeta", "0.151525618275309394193186313883479"),
    ]
    for (name, reference) in thirtyDigits { expectMatches(Self.real(report, name), reference) }
    expectMatches(Self.real(report, "C2_D_k4_Cov_theta_zeta"), "0.456224352715")
    expectMatches(Self.real(report, "C3_e1_E_zeta"), "0.4314472996140443312")
    // Δ(2^-12)/η · 2^-12 is the spec's Δ(2^-12) for κ = 2.
    expectMatches(
      Self.real(report, "C2_Delta_over_eta_k2") * BigFloat(Rational.pow(2, -12)), "6.60736e-5")
    #expect(Self.value(report, "C1_kappa_steps") == "38841/262144")
    #expect(Self.value(report, "C1_linear_defect") == "10311/262144")
    #expect(Self.value(report, "C1_exact_equal") == "true")
  }

  /// `--set` selects E2 and the second C1 instance: the values describe them, and it passes.
  @Test func settingParametersChangesTheValues() {
    let report = Self.e2
    expectEveryCheckPasses(report)
    for name in Self.issueNames where name != "C1_exact_equal" {
      #expect(Self.value(report, name) != Self.value(Self.e1, name), "\(name) did not change")
    }
    expectMatches(Self.real(report, "SDE_E_theta"), "1.355155657587555542812250812577848706345")
    expectMatches(Self.real(report, "C2_base_Var_zeta"), "0.3540805253800969654600860150054458288088")
    expectMatches(Self.real(report, "C2_D_k8_E_theta"), "-0.299674720290")
    expectMatches(Self.real(report, "C3_e1_Cov_theta_zeta"), "0.4293423426610800259")
    #expect(Self.value(report, "C1_kappa_steps") == "246620590335/1099511627776")
    #expect(Self.value(report, "C1_linear_defect") == "28257316609/1099511627776")
  }
}
