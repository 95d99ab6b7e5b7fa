import Numeric
import Testing

@testable import Verify

/// The default run of `chow-rule`, shared by the suites (the claim is deterministic).
enum ChowRuleRun {
  static let report = try! engineReport(ChowRule())

  /// The recorded value `name`, as text.
  static func text(_ name: String, in report: ClaimReport = report) -> String {
    guard let value = report.values.first(where: { $0.name == name })?.value else {
      Issue.record("value \(name) is not recorded")
      return "nan"
    }
    return value
  }

  static func real(_ name: String, in report: ClaimReport = report) -> BigFloat {
    (try? BigFloat(parsing: text(name, in: report), precision: 256)) ?? BigFloat.nan(precision: 256)
  }

  static func rational(_ name: String, in report: ClaimReport = report) -> Rational? {
    Rational(text(name, in: report))
  }

  /// The check `id` of the default run.
  static func check(_ id: String) -> CheckResult {
    report.checks.first { $0.id == id }!
  }
}

/// Spec section 5 reference values of chow-rule, read from the default run's recorded values (the
/// names are the report's contract). Decimals match within half a unit of their last digit
/// plus 2⁻²⁴⁰ relative (`expectMatches`); fractions and counts exactly.
@Suite struct ChowRuleReferenceTests {
  typealias Run = ChowRuleRun

  func expectReals(
    _ prefix: String, _ references: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for (x, reference) in references.enumerated() {
      expectMatches(Run.real("\(prefix)_\(x)"), reference, sourceLocation: sourceLocation)
    }
  }

  func expectRationals(
    _ prefix: String, _ references: [Rational], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for (k, reference) in references.enumerated() {
      #expect(
        Run.rational("\(prefix)_\(k)") == reference, "\(prefix)_\(k)",
        sourceLocation: sourceLocation)
    }
  }

  func q(_ p: Int, _ q: Int) -> Rational { Rational(p, q) }

  @Test func temperature() {
    expectMatches(Run.real("lambda"), "1.005033585350144118354885755854770608552")
    expectMatches(Run.real("rho"), "0.366032341273229504930616026572517386189712077")
  }

  @Test func instanceA() {
    expectRationals(
      "A.A_e",
      [q(27, 50), q(27, 50), q(37, 50), q(13, 50), q(19, 50), q(29, 50), q(21, 50), q(19, 50)])
    expectRationals(
      "A.stat",
      [q(9, 25), q(-1, 25), q(-7, 50), q(17, 50), q(3, 25), q(11, 50), q(19, 50), q(8, 25)])
    expectMatches(Run.real("A.Zprime_h"), "0.728481496875747622911366193379740351962245381")
    expectMatches(Run.real("A.Zprime_e"), "0.598936532469213263059793239222418422557546352")
    expectMatches(Run.real("A.Z_h"), "0.793960510913799589102450208636068150511656425")
    expectMatches(Run.real("A.Z_e"), "0.67033681746207934256392033381770904081865028")
    expectReals(
      "A.r_M",
      [
        "1.18057959612009059629578823526739792866878655",
        "0.789774408547940176386071168246387621803431495",
        "0.714257818391437434586115042125410950164876966",
        "1.1570860621573007934295020493855767098882777",
        "0.927555582154570232024874669100569141571702111",
        "1.02562358076982025484523934041625999465209233",
        "1.20455014398540005743882076856177729687663152",
        "1.13406004952037050764025495860280373336150097",
      ])
    expectReals(
      "A.r_J",
      [
        "1.11631477653346381891495441489319673770776376",
        "0.81407047948470454908528370667220520699699478",
        "0.754569540538008892900137869704633985726316032",
        "1.18710766322019201146846023540269845631799641",
        "0.950121967157266392304788754845771548796182292",
        "1.00478401502095710409783227332035131812922971",
        "1.16597378464334937886138721619531411271317466",
        "1.12650039710340958603235205043155019667636665",
      ])
    expectMatches(Run.real("A.tilted_0_0"), "0.132218584333877962218541215089")
    expectMatches(Run.real("A.tilted_0_1"), "0.867781415666122037781458784911")
    #expect(Run.real("A.tilted_0_2").isZero)
    expectMatches(Run.real("A.s_star_0"), "0.1660055010392343817245425926920401906859")
    expectMatches(Run.real("A.s_star_1"), "-0.2360079331008232656174117096498680527347")
    expectMatches(Run.real("A.min_risk"), "0.6887586141947476846939000543445566913397")
    expectMatches(Run.real("A.s_star_joint_0"), "0.1100328820139733796541621224640876054606")
    expectMatches(Run.real("A.s_star_joint_1"), "-0.2057083325942428185865313526037149524304")
    expectMatches(Run.real("A.min_risk_joint"), "0.6899430818817802534140918857394330876047")
    expectMatches(Run.real("A.pointwise_log_ratio_0"), "0.1925586637785217205511302214947096710531")
    expectMatches(
      Run.real("A.pointwise_log_ratio_1"), "-0.2094547703615359267908240808471985723675")
  }

  @Test func familyOfA() {
    #expect(Run.text("A.family_size") == "9")
    expectRationals("A.family_rate", (0...8).map { q($0, 8) })
    expectRationals(
      "A.family_acc",
      [
        q(27, 40), q(277, 400), q(279, 400), q(273, 400), q(131, 200), q(123, 200), q(229, 400),
        q(211, 400), q(12, 25),
      ])
    // The sets themselves: ∅, {2}, {1,2}, {1,2,4}, {1,2,4,5}, {1,2,4,5,7}, {1,2,3,4,5,7}, …
    let a = try! ChowRule().instance(Arguments(defaultsOf: ChowRule())).problems[0].problem
    #expect(
      ThresholdFamily.sets(DensityRatios(a).inputRatio) == [
        [], [2], [1, 2], [1, 2, 4], [1, 2, 4, 5], [1, 2, 4, 5, 7], [1, 2, 3, 4, 5, 7],
        [0, 1, 2, 3, 4, 5, 7], Set(0...7),
      ])
  }

  @Test func gibbs() {
    expectMatches(Run.real("gibbs.Z"), "0.7939605109137995891024502086360681505117")
    expectMatches(Run.real("gibbs.J_star"), "0.229566013216271180327450365265919716162")
    expectMatches(Run.real("gibbs.J_random"), "0.9407797401902231914395263299231627181485")
    expectMatches(Run.real("gibbs.J_wrong_sign"), "0.691914539355727948274202159885024873947")
    expectMatches(Run.real("gibbs.nc1_residual"), "0.067804684819122700118")
  }

  static let ratiosB = (
    rM: [
      "1.24146197108292386866511457196701668850818334",
      "0.830502997992725437922485729935325237581854309",
      "0.918309883557389378517503713118692414961412051",
      "0.918309883557389378517503713118692414961412051",
      "0.830502997992725437922485729935325237581854309",
      "1.12275595345249512493257830879151993759704853",
      "1.12275595345249512493257830879151993759704853",
      "1.01540035891185624858974992434190813121118689",
    ],
    rJ: [
      "1.17965972016586868145971064135272573838299422",
      "0.860264662093213247753558390058991092368782275",
      "0.940113426611377106180096452882424753872335261",
      "0.940113426611377106180096452882424753872335261",
      "0.860264662093213247753558390058991092368782275",
      "1.09981095564770482303317257852929207687944123",
      "1.09981095564770482303317257852929207687944123",
      "1.01996219112954096460663451570585841537588825",
    ]
  )

  @Test func instanceB() {
    expectRationals(
      "B.stat", [q(1, 5), q(-1, 5), q(-1, 10), q(-1, 10), q(-1, 5), q(1, 10), q(1, 10), 0])
    expectMatches(Run.real("B.Zprime_e"), "0.739700373388280422730015092316714942252676262")
    expectMatches(Run.real("B.Z_e"), "0.809809702381968851479184807971755215856913623")
    expectReals("B.r_M", Self.ratiosB.rM)
    expectReals("B.r_J", Self.ratiosB.rJ)
    #expect(Run.text("B.family_size") == "6")
    expectRationals("B.family_rate", [0, q(1, 4), q(1, 2), q(5, 8), q(7, 8), 1])
    expectRationals("B.family_acc", [q(27, 40), q(29, 40), q(3, 4), q(3, 4), q(29, 40), q(7, 10)])
    expectMatches(Run.real("B.min_risk"), "0.6906853273078941972597221108585283855213")
    expectMatches(Run.real("B.min_risk_joint"), "0.6916088971938195984361987739842479407156")
  }

  @Test func instanceC() {
    // stat = η(x, h(x)) − 1 on the spec's posterior table.
    expectRationals("C.stat", [9, 5, 6, 6, 5, 8, 8, 7].map { q($0, 10) - 1 })
    #expect(Run.text("C.Zprime_e") == Run.text("C.Z_e"))
    expectMatches(Run.real("C.Zprime_e"), "1")
    expectReals("C.r_M", Self.ratiosB.rM)
    expectReals("C.r_J", Self.ratiosB.rJ)
    expectMatches(Run.real("C.min_risk"), "0.6906853273078941972597221108585283855213")
    expectMatches(Run.real("C.min_risk_joint"), "0.6916088971938195984361987739842479407156")
    expectRationals("C.family_rate", [0, q(1, 4), q(1, 2), q(5, 8), q(7, 8), 1])
    expectRationals("C.family_acc", [q(27, 40), q(4, 5), q(9, 10), q(15, 16), q(79, 80), 1])
  }

  @Test func controlCounts() {
    // NC3a: r_χ on A, with the witness pair (0, 3); χ² agrees with Chow on B and C.
    #expect(Run.rational("A.chi2_r_0") == q(245, 212) && Run.rational("A.chi2_r_3") == q(185, 156))
    #expect(["A", "B", "C"].map { Run.text("\($0).disc_chi2") } == ["1", "0", "0"])
    // NC3b: 71, 10, 72 of the 201 grid thresholds.
    #expect(["A", "B", "C"].map { Run.text("\($0).nc3b_mismatches") } == ["71", "10", "72"])
    // NC4b: disc(r_J, stat) = 3 on A with three joint sets outside the Chow family.
    #expect(["A", "B", "C"].map { Run.text("\($0).disc_joint") } == ["3", "0", "0"])
    #expect(["A", "B", "C"].map { Run.text("\($0).joint_sets_outside") } == ["3", "0", "0"])
    #expect((1...4).map { Run.text("small_lambda.disc_\($0)") } == ["0", "3", "3", "3"])
  }
}
