import Numeric
import Testing

@testable import Verify

/// drifting-conservative's default run (as committed in `claims/`): verdicts, the spec's
/// controls, the recorded values and their names.
@Suite struct DriftingConservativeClaimTests {
  static let report = try! committedReport(DriftingConservative())

  static let ids = [
    "C1-divergence", "C1-leave-one-out", "C1b-liouville", "C1b-refinement",
    "C2-symmetric-jacobian", "C2-gaussian-drift", "C2-laplace-curl", "C2-circulation", "C2-stokes",
    "C2-trapezoid", "C3-sharp-split", "C4-exponent-algebra", "C4-minimiser", "C4-root-exponent",
    "C4-lattice-poisson", "C4-lattice-leading",
  ]

  static func value(_ report: ClaimReport, _ name: String) -> String? {
    report.values.first { $0.name == name }?.value
  }

  static func real(_ report: ClaimReport, _ name: String) -> BigFloat {
    withPrecision(256) { BigFloat(try! Rational(parsing: value(report, name)!)) }
  }

  /// Every name of spec Section 3.1's "Recorded values" for the default instance.
  static var specNames: [String] {
    var names = ["C1_div_total", "C1_loo_div_total", "C1b_logdet", "C1b_int_div", "C2_Gamma_laplace"]
    for i in 0..<4 { names += ["C1_div_particle_\(i)", "C1_SQ_\(i)", "C1_self_term_\(i)"] }
    for k in 0..<3 {
      names.append("C2_curl_laplace_\(k)")
      for c in 0..<2 {
        names += ["C2_v_\(k)_\(c)", "C2_V_laplace_\(k)_\(c)", "C3_T1_\(k)_\(c)", "C3_T2_\(k)_\(c)"]
      }
    }
    for r in 0..<16 { names += ["C4_hstar_\(r)", "C4_Estar_\(r)", "C4_root_exponent_\(r)"] }
    for j in 0..<9 { names.append("C4_lattice_self_\(j)") }
    return names
  }

  @Test func everyCheckPassesAndEveryControlIsRejected() {
    let report = Self.report
    #expect(report.error == nil, "\(report.error ?? "")")
    #expect(report.checks.map(\.id) == Self.ids)
    for result in report.checks {
      // The exponent algebra is decided symbolically (proved); the rest pass numerically.
      #expect(
        result.verdict == (result.kind == .exact ? .proved : .pass), "\(result.id): \(result.detail)")
      for control in result.controls {
        #expect(control.rejected, "\(result.id): control '\(control.description)' \(control.measured)")
      }
    }
    expectSpecControls(report.checks, [
      ("C1-divergence", ["(i) the self term dropped", "(ii) the self term without the factor d", "(iii) the self term with the wrong sign"]),
      ("C1-leave-one-out", ["the self term d/(h² S_Q(xᵢ)) added"]),
      ("C1b-liouville", ["L0(T)"]),
      ("C2-symmetric-jacobian", ["the symmetry test applied to the Laplace drift"]),
      ("C2-circulation", ["declaring the Laplace drift V_k conservative"]),
      ("C3-sharp-split", ["(i) the Laplace kernel as its own companion", "(ii) τ in place of τ²", "(iii) the residual T2 dropped"]),
      ("C4-exponent-algebra", ["(i) variance", "(ii) bias h²", "(iii) the squared rate"]),
      ("C4-root-exponent", ["(i) variance", "(ii) bias h²", "(iii) the squared rate"]),
      ("C4-lattice-leading", ["the leading term without (2π)^{d/2}"]),
    ])
  }

  @Test func specValuesAreRecordedWithFortyDigits() {
    let report = Self.report
    #expect(Set(report.values.map(\.name)) == Set(Self.specNames))
    // A value that is exact in binary (a root exponent −1/5 rounds to −0.2 exactly at 256 bits
    // and is printed so) carries all its digits in fewer than 40.
    for name in Self.specNames where !name.hasPrefix("C4_root_exponent") {
      let text = Self.value(report, name) ?? ""
      let digits = text.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber).drop { $0 == "0" }
      #expect(digits.count >= 40, "\(name) = \(text)")
    }
  }

  /// Section 4 through the report: D1's divergences and C1b, P1's fields, C4's first rows.
  @Test func reportedValuesMatchTheSpec() {
    let report = Self.report
    let references = [
      ("C1_div_total", "-8.394518643689390383766790302042929384419726"),
      ("C1_div_particle_0", "-2.653024706283067480195988060473628495334847"),
      ("C1_SQ_3", "1.428152611751520430288370545117744832518308"),
      ("C1_self_term_2", "4.013249362905862857235147282376889335598908"),
      ("C1_loo_div_total", "-4.338661828526763950558053379192234263440822"),
      ("C2_v_0_0", "2.087489291587939732150626183721686620249293"),
      ("C2_V_laplace_2_1", "0.542681848288789048283877175964969928118863"),
      ("C2_curl_laplace_1", "0.051535603032963859610634031995648729964186"),
      ("C2_Gamma_laplace", "-0.047073586401982437338260980856412081765499"),
      ("C3_T1_0_1", "0.217486665302310255944189131547441635331240"),
      ("C3_T2_2_0", "-0.023892178703928933702008841568197283549501"),
      ("C4_hstar_4", "0.24182711751219572709827923132587219713047"),
      ("C4_Estar_11", "0.58703691543269406239690636144371514350875"),
      ("C4_lattice_self_4", "0.31830988277750823508531413283341628701200"),
    ]
    for (name, reference) in references { expectDigits(Self.real(report, name), reference) }
    // C1b: log det M and ∫ div F agree far below the spec's 1e−38.
    #expect(
      (Self.real(report, "C1b_logdet") - Self.real(report, "C1b_int_div")).magnitude
        <= BigFloat(Rational.pow(10, -38)))
    expectDigits(Self.real(report, "C4_root_exponent_8"), "-0.1428571428571428571428571428571428571428571")
  }
}
