import Numeric
import Testing

@testable import Verify

/// The default run of muon-counterexample, as committed in `claims/`.
enum MuonRun {
  static let report = try! committedReport(MuonCounterexample())

  /// A recorded value as text.
  static func text(_ name: String, in report: ClaimReport = report) -> String {
    guard let value = report.values.first(where: { $0.name == name })?.value else {
      Issue.record("value \(name) is missing")
      return "nan"
    }
    return value
  }

  /// A recorded real, at 512 bits.
  static func real(_ name: String, in report: ClaimReport = report) -> BigFloat {
    (try? BigFloat(parsing: text(name, in: report), precision: 512)) ?? BigFloat.nan()
  }

  /// A recorded value that is an exact rational (`p/q` or a short decimal).
  static func exact(_ name: String, in report: ClaimReport = report) -> Rational? {
    try? Rational(parsing: text(name, in: report))
  }
}

/// Spec Section 5 reference values (correctly rounded decimals: each must match to half a unit
/// in its last digit). They live here only: the claim computes, the tests compare.
@Suite struct MuonCounterexampleReferenceTests {
  func expect(_ name: String, _ reference: String, sourceLocation: SourceLocation = #_sourceLocation) {
    withPrecision(512) { expectMatches(MuonRun.real(name), reference, sourceLocation: sourceLocation) }
  }

  @Test func reduction() {
    expect("C1_x_T_0", "0.301794489617518832055842459283212519949302077")
    expect("C1_x_T_1", "-0.190284122364399658003386583970950596267357469")
    expect("C1_x_T_2", "0.17406586334891019363091402283316710963845253")
    expect("C1_W0_01", "-0.110170251608728508863066508638")
    expect("C1_W0_02", "-0.483211705471843888659577714861")
    expect("C1_W0_10", "0.400760680606883412657737153495")
    expect("C1_W0_12", "0.0829302930280780836724829896411")
    expect("C1_W0_20", "-0.047558104988531635370918593253")
    expect("C1_W0_21", "-0.25056847771725665463549148626")
    #expect(MuonRun.real("C1_kink_margin") > BigFloat(4.5e-6))
    expect("NC1_deviation_t12", "0.40174827594471633296")
    // "0.46124…" is truncated: one unit in its last digit.
    expectDigits(MuonRun.real("NC1_max_deviation"), "0.46124")
  }

  static let c2: [(String, String, String)] = [
    ("constant", "0.5", "0.7"),
    ("inv_sqrt", "0.500000000000000032959746043559334793826565146", "0.500001118453310602202099843793803302105516195"),
    ("inv_t", "0.500000000000000003469446951953614188823848963", "0.500099999899624393998043281328591547207906842"),
    ("cosine", "0.500000123290733159212018144046396628255024552", "0.500000370187863410129103236556602496420964599"),
    ("linear", "0.5", "0.500000000000000001734723475976807094411924481"),
    ("step", "0.5", "0.5"),
    ("random", "0.500025164281614697969757799000944942235946655", "0.568294687018664279598567645734874531626701355"),
    ("polyak", "0.911764705882352940666257801183292031055316329", "0.944444444444444444058950338671820645686239004"),
    ("tuned_constant", "0.5", "0.5"),
  ]

  @Test func trap() {
    #expect(Set(Self.c2.map(\.0)) == Set(StepSchedule.allCases.map(\.rawValue)))
    for (schedule, minimum, final) in Self.c2 {
      expect("C2_min_gap_\(schedule)", minimum)
      expect("C2_final_gap_\(schedule)", final)
    }
    // The short references are exact.
    #expect(MuonRun.exact("C2_min_gap_constant") == Rational(1, 2))
    #expect(MuonRun.exact("C2_final_gap_constant") == Rational(7, 10))
    #expect(MuonRun.exact("C2_final_gap_step") == Rational(1, 2))
    #expect(MuonRun.text("C2_tuned_k") == "2")
    expect("NC2a_final_gap", "5.44205785595889186283673028461760807062742378e-6")
    // NC2b: the trace first changes at these steps; the gap falls below 2ε = 5/4 in every run.
    let changes = ["constant": 7, "cosine": 7, "linear": 7, "step": 7, "inv_sqrt": 11, "inv_t": 84, "random": 12]
    for (schedule, step) in changes {
      #expect(MuonRun.text("NC2b_first_trace_change_\(schedule)") == "\(step)", "\(schedule)")
      #expect(MuonRun.real("NC2b_min_gap_\(schedule)") < BigFloat(1.25))
    }
    expect("PC2_best_gap", "0.000279616733400477068295642002482281895936466753")
    expect("PC2_final_gap", "0.000280588617739876847526070413607612863415852189")
    expect("PC2_bound", "0.151931050081661942251608478817886055692838111")
  }

  static let c3: [(String, String, String, String, String)] = [
    ("constant", "0", "0.2", "0.1", "0.1625"),
    ("inv_sqrt", "0.118743940215301681945225809045", "0.123216076170301261707984430416",
      "0.120980008192801471826605119730402293498627841", "0.0647360679774997898813793106853609060635790229"),
    ("inv_t", "0.138579448611987574371817721897", "0.138679448611987573766746173476",
      "0.138629448611987574069281947686249623075127602", "0.0625499999999999996974642257896448427345603704"),
    ("cosine", "0.0999999999999999552441343197984", "0.100000123370029602234976273678",
      "0.100000061685014778739555296738217293750494719", "0.0625000616850148234954209769398403295781463385"),
    ("linear", "0.100000000000000000346944695195", "0.100099999999999999741873146775",
      "0.100050000000000000044408920985006261616945267", "0.0625499999999999996974642257896448427345603704"),
  ]

  @Test func alternatingTrap() {
    // I = (0, 2γ̄) for the constant schedule, exactly.
    #expect(MuonRun.exact("C3_I_lower_constant") == 0 && MuonRun.exact("C3_I_upper_constant") == Rational(1, 5))
    #expect(MuonRun.exact("C3_u0_constant") == Rational(1, 10))
    #expect(MuonRun.exact("C3_min_gap_constant") == Rational(13, 80))
    for (schedule, lower, upper, start, gap) in Self.c3.dropFirst() {
      expect("C3_I_lower_\(schedule)", lower)
      expect("C3_I_upper_\(schedule)", upper)
      expect("C3_u0_\(schedule)", start)
      expect("C3_min_gap_\(schedule)", gap)
    }
    // NC3: the trace changes at these steps and the gap drops below 1/16 (inv_t by about 6 %).
    for (schedule, step) in [("constant", 25), ("inv_sqrt", 16), ("inv_t", 94), ("cosine", 20), ("linear", 20)] {
      #expect(MuonRun.text("NC3_first_trace_change_\(schedule)") == "\(step)")
      #expect(MuonRun.real("NC3_min_gap_\(schedule)") < BigFloat(0.0625))
    }
    let shortfall = 1 - MuonRun.real("NC3_min_gap_inv_t") * 16
    #expect(shortfall > BigFloat(0.05) && shortfall < BigFloat(0.07))
  }

  static let c4: [(Int, String, String, String, String, String)] = [
    (256, "9659202576638007/2^58", "0.291406018744692796625190900059161264297262038",
      "0.194482477724318775139762064535497998463142721", "0.565201924731619891322399046318381010678422172",
      "5.8871741610693895131e-85"),
    (512, "27320350571181229/2^60", "0.206055171932946455647854889899621212847665774",
      "0.138285563277687724949912840806745539801170253", "0.546060391721170140214187960214786698998068459",
      "6.9192121983587584149e-208"),
    (1024, "9659202576638007/2^59", "0.145703009372346398312595450029580632148631019",
      "0.098131241694408455531726420033658553343514086", "0.532600962365809945661199523159190505339211086",
      "6.0693959090620813553e-473"),
    (2048, "6830087642795307/2^59", "0.103027585966473227823927444949810644608407323",
      "0.069584494593079918708154353178436946070206659", "0.523052182331681525677490962687038456024879451",
      "1.5313586120084757484e-28"),
    (4096, "9659202576638007/2^60", "0.0728515046861731991562977250147903160743155094",
      "0.0492943282294588569215828359866777078068800222", "0.516300481182904972830599761579595252669605543",
      "2.806855344278636094e-2178"),
  ]

  @Test func errorFeedbackOnTheTrap() {
    expect("C4_C", "4.34777434934437117697171449331713147405033285")
    for (horizon, step, bound, average, withoutMemory, margin) in Self.c4 {
      let parts = step.split(separator: "/")
      let exponent = Int(parts[1].dropFirst(2))!
      #expect(MuonRun.exact("C4_gamma_T\(horizon)") == Rational(try! BigInt(parsing: String(parts[0]))) / Rational.pow(2, exponent))
      expect("C4_bound_T\(horizon)", bound)
      expect("C4_avg_gap_T\(horizon)", average)
      expect("C4_no_memory_avg_gap_T\(horizon)", withoutMemory)
      expect("C4_memory_margin_T\(horizon)", margin)
      // NC4a: without memory the average gap stays above 2ε = 1/2 and above B at every T.
      #expect(MuonRun.real("C4_no_memory_avg_gap_T\(horizon)") > BigFloat(0.5))
      #expect(MuonRun.real("C4_no_memory_avg_gap_T\(horizon)") > MuonRun.real("C4_bound_T\(horizon)"))
    }
    expect("C4_slope", "-0.49511060022934503987")
    // NC4b: B(γ_256, 256) · 256/4096 = 0.0182128761… < 0.0492943… at T = 4096.
    let rate = MuonRun.real("C4_bound_T256") / 16
    expectDigits(rate, "0.0182128761")  // truncated in the spec
    #expect(rate < MuonRun.real("C4_avg_gap_T4096"))
  }

  @Test func errorFeedbackOnTheMatrixInstance() {
    expect("C4_matrix_R", "1.38750843269618381103243705463")
    expect("C4_matrix_L_F", "3.29771166610259366500579757244")
    expect("C4_matrix_C", "24.4418527543262459685419818957")
    for (horizon, bound, average) in [
      (100, "0.970102649728910343274857237681", "0.476524974977836188677040653075"),
      (200, "0.685966162070350563192316973134", "0.343695764734232571399877340809"),
      (400, "0.48505132486445517163742861884", "0.250406631457121084163200974195"),
    ] {
      expect("C4_matrix_bound_T\(horizon)", bound)
      expect("C4_matrix_avg_gap_T\(horizon)", average)
    }
  }

  @Test func anytimeErrorFeedback() {
    let c5 = [
      (256, "0.00132386701548481877828422614840064852614887059", "0.105394362439454304941423875945083477034813768"),
      (512, "6.49919908965229577851863140836030652280896902e-6", "0.0643213287929577900323657144209324454386944581"),
      (1024, "9.92792049082577565677354414219735190272331238e-8", "0.0399723335562511370313097585423196822507208026"),
      (2048, "1.61196781466596897325338488826673710718750954e-8", "0.0256716909546589281346351818773477565516216714"),
      (4096, "7.84705911469237016309108412315254099667072296e-10", "0.0168683720179175742099677736183073809006494059"),
    ]
    for (t, best, average) in c5 {
      expect("C5_best_gap_t\(t)", best)
      expect("C5_avg_gap_t\(t)", average)
    }
    expect("C5_slope", "-0.66119289826999877026")
    expect("NC5_best_gap_t256", "0.500000000898399458992837907089779037050902843")
    expect("NC5_avg_gap_t256", "0.540947954686924209544623748033287391479007056")
    expect("NC5_best_gap_t4096", "0.500000000000000000867361737988403547205962241")
    expect("NC5_avg_gap_t4096", "0.509883464389992025295551506685904491478211753")
    expect("NC5_slope", "-0.021082439933622020045")
  }
}
