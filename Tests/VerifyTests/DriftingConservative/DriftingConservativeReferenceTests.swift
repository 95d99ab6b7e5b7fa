import Numeric
import Symbolic
import Testing

@testable import Verify

/// The spec's instances D1 and P1 (Section 4) at their defaults.
enum DriftInstances {
  static let arguments = Arguments(defaultsOf: DriftingConservative())
  static let divergence = DivergenceSetting(arguments)
  static let planar = try! PlanarSetting(arguments)
  static let rates = try! RateSetting(arguments)

  static func point(_ setting: PlanarSetting, _ k: Int) -> [BigFloat] { setting.points[k].map { BigFloat($0) } }
}

/// Spec Section 4: every reference value of D1 and P1, to the digits given (40 and more
/// significant digits, so `expectMatches`' half a unit in the last digit is the tolerance; the
/// draws to their 25).
@Suite struct DriftingConservativeReferenceTests {
  typealias T = BigFloat

  func expectPoint(_ point: [Rational], _ references: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    withPrecision(256) {
      for (value, reference) in zip(point, references) {
        expectDigits(T(value), reference, sourceLocation: sourceLocation)
      }
    }
  }

  @Test func drawsOfD1() {
    let setting = DriftInstances.divergence
    expectPoint(setting.drift.data[0], ["-0.5512668212372753284711280", "-0.7129045446788453421760323"])
    expectPoint(setting.drift.data[4], ["-0.4785841459658387586628692", "1.371670399305990883931372"])
    let x = setting.drift.particles(setting.configuration)
    expectPoint(x[0], ["-1.008530852823394607931107", "-0.7373228353097008858085815"])
    expectPoint(x[3], ["0.3300208229275168880789693", "1.232187235379355039199822"])
  }

  @Test func drawsOfP1() {
    let setting = DriftInstances.planar
    expectPoint(setting.drift.data[0], ["1.073562669033654493055963", "-0.08511784817562872973439880"])
    expectPoint(setting.drift.particles[3], ["-0.8134009394897939726476466", "-0.5665485739675670817661057"])
    expectPoint(setting.points[0], ["0.2429020461111766060469108", "0.1681171040430007312949101"])
    expectPoint(setting.points[2], ["0.3732411428959228061330577", "-0.6959263232818375666255406"])
  }

  /// Section 4.1's per-particle table and totals.
  @Test func divergenceOfD1() {
    withPrecision(256) {
      let setting = DriftInstances.divergence
      let x = setting.configuration.map { T($0) }
      let terms = setting.drift.terms(x)
      let particles = setting.drift.particleDivergences(at: x)
      let table = [
        ("-2.528807048119471895544823071370795829866492", "-3.931257164391809451172395021824452190152056",
         "1.006450004413869614461586462047233119166576", "4.055474822555405035823560010927284855620411",
         "-2.653024706283067480195988060473628495334847"),
        ("-1.302593570645071406543424879978453394920081", "-3.239969011839372936812127578414211293528150",
         "1.427094145790439189931683742514402692102279", "2.860100481177777505583233284683071266557137",
         "-0.922725039983475975314530586247313367949068"),
        ("-3.474130892331199349963258301190833859976414", "-3.736051556851141088850472308693948098783539",
         "1.017039382298897949473085693614059475181103", "4.013249362905862857235147282376889335598908",
         "-3.751328698385921118347933274873775096791783"),
        ("-1.416324078323282771939887729341703428941672", "-3.206864615711585944091475826177957802435988",
         "1.428152611751520430288370545117744832518308", "2.857980736425228982059926477284466797838342",
         "-1.067440199036925809908338380448212424344027"),
      ]
      for (i, row) in table.enumerated() {
        expectDigits(terms[i].dataLaplacian, row.0)
        expectDigits(terms[i].modelLaplacian, row.1)
        expectDigits(terms[i].modelSum, row.2)
        expectDigits(terms[i].selfTerm, row.3)
        expectDigits(particles[i], row.4)
        expectDigits(terms[i].divergence(), row.4)
      }
      expectDigits(particles.reduce(0, +), "-8.394518643689390383766790302042929384419726")
      expectDigits(terms.reduce(T.zero) { $0 + $1.selfTerm }, "13.78680540306427438070186705527171225561480")
      expectDigits(
        terms.reduce(T.zero) { $0 + $1.divergence(selfWeight: 0) },
        "5.392286759374883996935076753228782871195073")
      expectDigits(
        setting.leaveOneOut.particleDivergences(at: x).reduce(0, +),
        "-4.338661828526763950558053379192234263440822")
      // The controls' misses (spec Section 3, C1): each at least 1.
      let total = particles.reduce(0, +)
      for (weight, miss) in [(T(0), "13.79"), (T.half, "6.89"), (T(-1), "27.57")] {
        let closed = terms.reduce(T.zero) { $0 + $1.divergence(selfWeight: weight) }
        expectDigits((closed - total).magnitude, miss)
      }
    }
  }

  /// Section 4.2 at z₁, z₂, z₃.
  @Test func planarFieldsOfP1() {
    withPrecision(256) {
      let setting = DriftInstances.planar
      let drift = setting.drift
      let z1 = DriftInstances.point(setting, 0)
      expectDigits(drift.conservativeVelocity(at: z1), [
        "2.087489291587939732150626183721686620249293", "0.687109091940077024275615406058985420295125"])
      let jv = forwardJacobian(of: { drift.conservativeVelocity(at: $0) }, at: z1)
      expectDigits(jv.entries, [
        "0.068081456271273279975442398845945837672482", "1.421817995884599732875977200181693978003862",
        "1.421817995884599732875977200181693978003862", "-1.678938551702194556817702178667708891764303"])
      expectDigits(drift.gaussianDisplacement(at: z1), [
        "1.022869752878090468753806830023626443922154", "0.336683455050637741895051548968902855944611"])
      expectDigits(drift.laplaceDisplacement(at: z1), [
        "1.019446447300078667791662655272438538690883", "0.315659409716315338146125002097747488482250"])
      let jk = forwardJacobian(of: { drift.laplaceDisplacement(at: $0) }, at: z1)
      expectDigits(jk.entries, [
        "0.082078190499669206296025262131504607753018", "0.541686362482778802199154081022468689805752",
        "0.474289081304201337841248130156958074193040", "-0.395725507199584081226092170537509137632457"])
      expectDigits(PlanarDrift.curl(jk), "-0.067397281178577464357905950865510615612711")
      expectDigits(drift.closedFormCurl(at: z1), "-0.067397281178577464357905950865510615612711")
      expectDigits(drift.dataLaplace.ratio(at: z1), "2.402801618144780248349005877394804740032616")
      expectDigits(drift.modelLaplace.ratio(at: z1), "3.037119173462796696732312583620593022327622")
      expectDigits(drift.dataLaplace.sharpScore(at: z1), [
        "0.499743933030029500636206857044524817460062", "-0.178486934681678629976079084206463849694688"])
      expectDigits(drift.modelLaplace.sharpScore(at: z1), [
        "-0.537025405605820066666459207417411741020504", "-0.429914110890342653750222090306609721051182"])
      expectDigits(drift.sharpVelocity(at: z1), [
        "0.373236961908905844228959783206297161053004", "0.090513783435119048558691482196052513688337"])
      let (t1, t2) = drift.sharpSplit(at: z1)
      expectDigits(t1, ["0.896814376026160671161200364448327212554161", "0.217486665302310255944189131547441635331240"])
      expectDigits(t2, ["0.122632071273917996630462290824111326136721", "0.098172744414005082201935870550305853151010"])

      let z2 = DriftInstances.point(setting, 1)
      expectDigits(drift.conservativeVelocity(at: z2), [
        "2.278648744330981602960420176621816111512242", "0.451723882718663425463466836990872009959099"])
      expectDigits(drift.laplaceDisplacement(at: z2), [
        "1.092957604864517030387373129523288688117511", "0.268383253741473813774503938130438260230059"])
      let jk2 = forwardJacobian(of: { drift.laplaceDisplacement(at: $0) }, at: z2)
      expectDigits(jk2.entries, [
        "0.095063706945437154471354143569975885447536", "0.502953029627332645823092696928738190920111",
        "0.554488632660296505433726728924386920884298", "-0.520027314364104923458864007083736396556230"])
      expectDigits(PlanarDrift.curl(jk2), "0.051535603032963859610634031995648729964186")
      expectDigits(drift.dataLaplace.ratio(at: z2), "2.444326933303092238610559351483716097514042")
      expectDigits(drift.modelLaplace.ratio(at: z2), "3.139652070864966623877316956001784990146062")
      let split2 = drift.sharpSplit(at: z2)
      expectDigits(split2.t1, ["0.952366192976765743910885950915755951003465", "0.163906449880356512966673155023436123592206"])
      expectDigits(split2.t2, ["0.140591411887751286476487178607532737114046", "0.104476803861117300807830783107002136637852"])

      let z3 = DriftInstances.point(setting, 2)
      expectDigits(drift.conservativeVelocity(at: z3), [
        "0.913362387783787575965006135359357858131749", "1.061346847787339389771558120641736382022064"])
      expectDigits(drift.laplaceDisplacement(at: z3), [
        "0.464685110600751700703612623138645649405438", "0.542681848288789048283877175964969928118863"])
      let jk3 = forwardJacobian(of: { drift.laplaceDisplacement(at: $0) }, at: z3)
      expectDigits(jk3.entries, [
        "0.054191535079605488864220573227837513492775", "0.772960040792380753875000074588340797563141",
        "0.485506892468037364758035401097591464188294", "-0.144299887666233301736313015230350424552097"])
      expectDigits(PlanarDrift.curl(jk3), "-0.287453148324343389116964673490749333374846")
      expectDigits(drift.dataLaplace.ratio(at: z3), "2.214409607234276177439372235583238727009264")
      expectDigits(drift.modelLaplace.ratio(at: z3), "2.080956677667793139090330899331763609592491")
      let split3 = drift.sharpSplit(at: z3)
      expectDigits(split3.t1, ["0.488577289304680634405621464706842932954940", "0.549763979859506545428412356314049436785059"])
      expectDigits(split3.t2, ["-0.023892178703928933702008841568197283549501", "-0.007082131570717497144535180349079508666195"])
    }
  }

  /// Section 4.2's circulation, and the relative asymmetries of J_{V_k} (the symmetry control).
  @Test func circulationAndAsymmetryOfP1() {
    withPrecision(256) {
      let setting = DriftInstances.planar
      let drift = setting.drift
      let gamma = setting.circle.circulation(of: { (z: [T]) in drift.laplaceDisplacement(at: z) }, nodes: 512)
      expectDigits(gamma, "-0.047073586401982437338260980856412081765499")
      for (k, reference) in ["0.082", "0.056", "0.311"].enumerated() {
        let j = forwardJacobian(of: { drift.laplaceDisplacement(at: $0) }, at: DriftInstances.point(setting, k))
        expectDigits((j[1, 0] - j[0, 1]).magnitude / j.frobeniusNorm, reference)
      }
    }
  }
}

/// `value` agrees with `reference` to every digit given, within one unit in its last digit:
/// the spec's decimals (Section 4) are truncated, not rounded, contrary to CONVENTIONS.md
/// (2.087489291587939732150626183721686620249293|95… is quoted as …249293), so half a unit
/// would reject correct values.
func expectDigits(_ value: BigFloat, _ reference: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let exact = try! Rational(parsing: reference)
  let error = BigFloat.abs(value - BigFloat(exact))
  #expect(
    value.isFinite && error <= BigFloat(2 * halfUnitInLastDigit(reference)),
    "\(value.decimalString(significantDigits: 45)) vs \(reference)", sourceLocation: sourceLocation)
}

/// `values` agree with `references` entry by entry, to the digits given.
func expectDigits(_ values: [BigFloat], _ references: [String], sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(values.count == references.count, sourceLocation: sourceLocation)
  for (value, reference) in zip(values, references) {
    expectDigits(value, reference, sourceLocation: sourceLocation)
  }
}
