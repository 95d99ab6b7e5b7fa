import Numeric
import Testing

@testable import Verify

/// The spec's instances E1 and E2 (Section 4.2).
enum EMAInstances {
  static let e1 = LinearEMAModel(
    a: 1, c: 0, b: 1, gamma: Rational(1, 2), beta: 2, horizon: 2, theta0: 0, zeta0: 0)
  static let e2 = LinearEMAModel(
    a: 1, c: Rational(1, 2), b: 1, gamma: 1, beta: 1, horizon: 3, theta0: 1, zeta0: -1)
  /// `--set` for E2 (E1 is the default).
  static let e2Assignments = [
    "a=1", "c=1/2", "b=1", "gamma=1", "beta=1", "T=3", "theta0=1", "zeta0=-1",
  ]

  /// Every run of the default grid 2^-5 … 2^-12 with κ = 2, 4, 8, at 256 bits, computed once.
  static let e1Study = withPrecision(256) {
    try! ScalingStudy(model: e1, exponents: 5...12, kappas: [2, 4, 8])
  }
  static let e2Study = withPrecision(256) {
    try! ScalingStudy(model: e2, exponents: 5...12, kappas: [2, 4, 8])
  }

  /// The observables of one run at 256 bits.
  static func run(_ model: LinearEMAModel, eta exponent: Int, kappa: Int) -> Observables<BigFloat> {
    withPrecision(256) {
      ScalingRule.emaRule.run(model, step: Rational.pow(2, -exponent), kappa: kappa)
        .observables(of: model)
    }
  }
}

/// `value` matches each reference to the digits given.
func expectMatches(_ values: Observables<BigFloat>, _ references: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  for (value, reference) in zip(values.components, references) {
    expectMatches(value, reference, sourceLocation: sourceLocation)
  }
}

/// Spec Section 4.1, 4.3 and 4.4: C1 in exact rationals, the SDE moments and the discrete runs,
/// to every digit the spec gives (40 for the moments).
@Suite struct EMAScalingReferenceTests {
  @Test func frozenTargetValues() {
    let first = FrozenTargetEMA(momentum: Rational(15, 16), kappa: 4, theta: Rational(3, 2), zeta: Rational(-1, 4))
    #expect(first.kappaSteps == Rational(38841, 262144))
    #expect(first.scaledUpdate.apply(first.zeta, target: first.theta) == Rational(38841, 262144))
    #expect(first.linearUpdate.apply(first.zeta, target: first.theta) == Rational(3, 16))
    #expect(first.linearDefect == Rational(10311, 262144))
    let second = FrozenTargetEMA(momentum: Rational(31, 32), kappa: 8, theta: 1, zeta: 0)
    let steps = try! Rational(parsing: "246620590335") / Rational(parsing: "1099511627776")
    #expect(second.kappaSteps == steps)
    #expect(second.linearUpdate.apply(second.zeta, target: second.theta) == Rational(1, 4))
    #expect(
      second.linearDefect
        == (try! Rational(parsing: "28257316609") / Rational(parsing: "1099511627776")))
    #expect(second.iteratedUpdate == second.scaledUpdate)
    #expect(second.iteratedUpdate != second.linearUpdate)
  }

  static let sdeE1 = [
    "0.8646647167633873081060005050275155965924", "0.7476450724155087965057190313282724353966",
    "0.2454210902778164549265704946816896894470", "0.1583350979478550293274893785069849348579",
    "0.1514882993662030416842648407382905511338",
  ]
  static let sdeE2 = [
    "1.355155657587555542812250812577848706345", "1.078588193520757877342094094400531916081",
    "0.6757588174238972677283961449712616653101", "0.3958908608183533454104215042756018861203",
    "0.3539963870244608938798374573733399985117",
  ]

  /// Both routes (matrix exponential, Taylor integration) against the spec's 40 digits.
  @Test func sdeMoments() throws {
    try withPrecision(256) {
      for (model, references) in [(EMAInstances.e1, Self.sdeE1), (EMAInstances.e2, Self.sdeE2)] {
        expectMatches(try SDEMoments.observables(of: model), references)
        expectMatches(SDEMoments.integrated(of: model), references)
      }
      // E θ_T = 1 − e^{−2} for E1 (c = 0: the target does not see the EMA).
      let mean = try SDEMoments.observables(of: EMAInstances.e1).components[0]
      #expect(BigFloat.abs(mean - (1 - BigFloat.exp(-2))) <= BigFloat(Rational.pow(2, -240)))
    }
  }

  @Test func discreteRunsE1() {
    expectMatches(EMAInstances.run(EMAInstances.e1, eta: 8, kappa: 1), [
      "0.8651937143879870120690924459652419310780", "0.7493299471176958147162461230020857387607",
      "0.2459371623601076803321510160853311154127", "0.1591662155588487295936303379896907347524",
      "0.1520874086754860756013808983835907733369",
    ])
    expectMatches(EMAInstances.run(EMAInstances.e1, eta: 12, kappa: 1), [
      "0.8646977589484564792057505223595007932678", "0.7477504044279407714448097222011179844388",
      "0.2454532884512328974538922663304060112997", "0.1583868917000845308907721643147528015698",
      "0.1515256182753093941931863138834789747430",
    ])
    // κ = 4 at η = 2^-8: lr 2^-6, 128 steps, ρ̂ = (1 − 2^-7)^4.
    let run = withPrecision(256) {
      ScalingRule.emaRule.run(EMAInstances.e1, step: Rational.pow(2, -8), kappa: 4)
    }
    #expect(run.steps == 128)
    #expect(run.learningRate == BigFloat(Rational.pow(2, -6), precision: 256))
    #expect(run.momentum == BigFloat(Rational.pow(1 - Rational.pow(2, -7), 4), precision: 256))
    expectMatches(EMAInstances.run(EMAInstances.e1, eta: 8, kappa: 4), [
      "0.8667848371203515837442559352018900377556", "0.7524926479080257097605422719878793188893",
      "0.2474970004104437776824224014446674114278", "0.1609667000958229286593322922393490438916",
      "0.1530530051523267603570990636242988385541",
    ])
    expectMatches(EMAInstances.run(EMAInstances.e1, eta: 12, kappa: 4), [
      "0.8647969016368832524161344822370668313994", "0.7479486135024384173746517155508173111683",
      "0.2455499279740219097481444516556024890890", "0.1584983458440663357556977213581622412005",
      "0.1515848875182550383918696705468063378449",
    ])
  }

  @Test func discreteRunsE2() {
    expectMatches(EMAInstances.run(EMAInstances.e2, eta: 12, kappa: 1), [
      "1.355187760011317406507750531809490937998", "1.078671814530966552264839098957101652209",
      "0.6758575677246500003807843757624614400532", "0.3959956971058229498809756949216117916231",
      "0.3540805253800969654600860150054458288088",
    ])
    expectMatches(EMAInstances.run(EMAInstances.e2, eta: 12, kappa: 4), [
      "1.355156390829108396004962560083642566253", "1.078664710948609580444356459129323339013",
      "0.6761082683713099998589413505249241254468", "0.3962119594811089603556893082731792094669",
      "0.3542221370033838407327278173010650482682",
    ])
  }
}
