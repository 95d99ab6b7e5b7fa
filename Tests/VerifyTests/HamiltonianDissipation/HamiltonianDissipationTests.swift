import Numeric
import Testing

@testable import Verify

/// Spec Section 4 reference values of hamiltonian-dissipation, at 256 bits. A value matches
/// when it lies within half a unit of the reference's last given digit (the references are
/// correctly rounded) plus 2⁻²⁴⁰ relative for our own rounding.
@Suite struct HamiltonianDissipationReferenceTests {
  typealias T = BigFloat

  @Test func smoothingInstance() {
    withPrecision(256) {
      let instance = HamiltonianInstances.Smoothing()
      let g: Matrix<T> = Matrix(rounding: instance.g, 3, 2)
      expectMatches(g[0, 0], "-0.36751121415818355231")
      let psi = SmoothedNuclearNorm<T>(epsilon: Rational(1, 4))
      let sigma = SmoothedNuclearNorm<T>.singularValues(g)
      expectMatches(sigma[0], "0.8279490780653886162230004391432789305944")
      expectMatches(sigma[1], "0.4592692228466352143566101106566869190936")
      expectMatches(psi.value(g), "1.6461292676441027652512386308560208661549819401133")
      expectMatches(sigma[0] + sigma[1], "1.287218300912023830579610549799965849688062883176")
      let gradient = psi.gradient(g)
      let rows = [
        "-0.3414156923217744041559883383827085902294",
        "-0.6520819053212686555556225638606150798941",
        "0.2911214783195147441944007128313834664275",
        "-0.01412526813455246442919794238244055758682",
        "-0.7186598700847048759599008468603512953179", "0.2172109573450816166689850433249980761478",
      ]
      for (value, reference) in zip(gradient.entries, rows) { expectMatches(value, reference) }
      expectMatches(
        psi.conjugate(gradient)!, "-0.62670834247554057138114067149315603251599496958759")
      expectMatches(
        g.frobeniusInnerProduct(gradient), "1.0194209251685621938700979593628648336389869705257")
      expectMatches(psi.dissipation(g), "1.0194209251685621938700979593628648336389869705257")
      expectMatches(
        SmoothedNuclearNorm<T>.singularValues(gradient)[0],
        "0.8560158501034690682388463861540160516596")
      let delta: Matrix<T> = Matrix(rounding: instance.delta, 3, 2)
      expectMatches(SmoothedNuclearNorm<T>.singularValues(delta)[0], "0.3925787047")
      let gap = psi.value(g) + psi.conjugate(delta)! - g.frobeniusInnerProduct(delta)
      expectMatches(gap, "0.602169516526305017233868042109")
    }
  }

  @Test func hessianRayleighQuotients() {
    withPrecision(256) {
      let smoothing = SmoothingMeasurements(instance: .init(), epsilon: Rational(1, 4))
      let quotients = smoothing.rayleighQuotients()
      expectMatches(quotients[0], "0.668114711338305361137944694666")
      expectMatches(quotients[1], "0.784342616364217403298708531494")
      expectMatches(quotients[2], "0.852930220639369746050363890104")
      #expect(smoothing.hessianAtZeroResidual(claimed: 2) <= T(Rational.pow(2, -236)))
    }
  }

  @Test func polarLimit() {
    withPrecision(256) {
      let g: Matrix<T> = Matrix(rounding: HamiltonianInstances.Smoothing().g, 3, 2)
      let polar = SmoothedNuclearNorm<T>.polar(g)
      let references = [
        ("1e-2", "0.024003876291437818064"), ("1e-4", "0.00024793259199838929864"),
        ("1e-6", "2.4801463698789008856e-6"), ("1e-8", "2.4801545776141071987e-8"),
      ]
      for (epsilon, reference) in references {
        let psi = SmoothedNuclearNorm<T>(epsilon: try! Rational(parsing: epsilon))
        expectMatches((psi.gradient(g) - polar).frobeniusNorm, reference)
      }
      let sigma = SmoothedNuclearNorm<T>.singularValues(g)
      let inverseFourth = sigma.map { 1 / ($0 * $0 * $0 * $0) }.reduce(T.zero, +)
      expectMatches(
        T(try! Rational(parsing: "1e-8")) / 2 * T.sqrt(inverseFourth),
        "2.4801546605208504879e-8")
    }
  }

  @Test func dynamicsInstance() {
    withPrecision(256) {
      let instance = HamiltonianInstances.Dynamics()
      expectMatches(T(instance.left[0][0]), "0.15820240816150410446")
      expectMatches(T(instance.right[0][1]), "0.87064388133834569317")
      expectMatches(T(instance.positions[0][1]), "0.36434011456556305575")
      expectMatches(T(instance.momenta[0][1]), "1.3246790100501943943")
      let objective = instance.objective(as: T.self)
      let x = instance.state(as: T.self)
      let system = DampedHamiltonianSystem(
        objective: objective, kinetic: SmoothedNuclearNorm(epsilon: Rational(1, 4)),
        damping: T(Rational(7, 10)))
      let mean = objective.meanFeatures(x.positions)
      expectMatches(mean[0], "0.116827588349410079975421449136")
      expectMatches(mean[1], "0.176743881964561783052123948601")
      expectMatches(mean[2], "0.105791814279520879918335963436")
      expectMatches(system.kinetic.value(x.momenta[0]), "2.940416191409557412247442506660081296754")
      expectMatches(system.kinetic.value(x.momenta[1]), "2.403444496883469589361459664185535251212")
      expectMatches(
        system.kinetic.dissipation(x.momenta[0]), "2.575510777131978142173299532148031366266")
      expectMatches(
        system.kinetic.dissipation(x.momenta[1]), "1.968265081078743546363852908514750035176")
      let velocity = system.kinetic.gradient(x.momenta[0])
      expectMatches(velocity[0, 0], "-0.239826574036443803162292668466")
      expectMatches(velocity[0, 1], "0.706477418222014947541736626804")
      let force = objective.firstVariationGradients(x.positions)[0]
      expectMatches(force[0, 0], "-0.322383170644077944346270298974")
      expectMatches(force[0, 1], "-0.00719680203538703628844995780876")
      expectMatches(
        objective.value(x.positions), "0.48944926070289330664355951931363916482326092120155")
      expectMatches(system.energy(x), "3.1613796048494068074480106047364474388059676620293")
      expectMatches(system.dissipationRate(x), "-1.59032155037375259098800335423197349050472026")
      expectMatches(system.objectiveRate(x), "0.1322908022524057007263168857959098659289")
    }
  }
}

@Suite struct HamiltonianDiscreteSchemeTests {
  typealias T = BigFloat

  @Test func stepAtHMax() throws {
    try withPrecision(256) {
      let run = try DiscreteRun(HamiltonianInstances.Discrete(), stepMultiple: 1)
      expectMatches(run.smoothness, "2.61442193367396637048732815638")
      expectMatches(run.scheme.step, "0.191246865534579358261749044943")
      let references = [
        "5.1057039666184232959821382072698521", "4.9465460040553435286938784767678431",
        "4.7908407136478873893927607590326544", "4.6353232712416992872840236457307235",
        "4.4790219696864226056354236896855915", "4.3230631383399006425079922010237635",
      ]
      for (value, reference) in zip(run.energies, references) { expectMatches(value, reference) }
      expectMatches(run.energies[40], "2.1345683718311834469790776841066928")
      #expect(run.increases == 0)
      #expect(run.identityResidual <= T(Rational.pow(2, -256 + 30)))
      #expect(run.inequalityExcess <= 0)
      #expect(run.heavyBallMismatch <= T(Rational.pow(2, -256 + 30)))
      expectMatches(run.scheme.momentumFactor, "0.91272235522950877972859395242")
      expectMatches(run.scheme.heavyBallEpsilon, "8.20491301411250459691084400797")
    }
  }

  @Test func twelveTimesHMaxIsNotMonotone() throws {
    try withPrecision(256) {
      let run = try DiscreteRun(HamiltonianInstances.Discrete(), stepMultiple: 12)
      let references = [
        "5.1057039666184232959821382072698521", "7.7233896645661941939886727701783905",
        "5.5957452796643475297846479540547722", "5.618579518060665146156314256094039",
        "5.8560268223092438373848976790218889", "5.2340020187220957293256143958060864",
      ]
      for (value, reference) in zip(run.energies, references) { expectMatches(value, reference) }
      #expect(run.increases == 22)
      #expect(run.identityResidual <= T(Rational.pow(2, -256 + 30)))
    }
  }
}

@Suite struct HamiltonianDynamicsTests {
  typealias T = BigFloat

  func measurements(particles: Int = 2, seed: UInt64 = 12) -> DynamicsMeasurements {
    DynamicsMeasurements(
      instance: .init(particles: particles, seed: seed), epsilon: Rational(1, 4),
      damping: Rational(7, 10))
  }

  @Test func ratesAtTheSpecState() {
    withPrecision(256) {
      let dynamics = measurements()
      expectMatches(dynamics.energyRate(), "-1.59032155037375259098800335423197349050472026")
      expectMatches(dynamics.claimedRate(), "-1.59032155037375259098800335423197349050472026")
      expectMatches(
        2 * dynamics.energySeries(order: 2).h[2], "1.360785635824747025250343415558096050697")
      expectMatches(dynamics.objectiveRate(), "0.1322908022524057007263168857959098659289")
      #expect(dynamics.hamiltonianResidual() <= T(Rational.pow(2, -236)))
      #expect(dynamics.taylorResidual() <= T(Rational.pow(2, -226)))
    }
  }

  @Test func negativeControlValues() {
    withPrecision(256) {
      let dynamics = measurements()
      let euclidean = dynamics.rate(
        of: { $0.energy($1) { $0.frobeniusInnerProduct($0) / 2 } }, along: dynamics.system())
      expectMatches(euclidean, "-2.4467484737834383768")
      expectMatches(-dynamics.dampedSum { $0.frobeniusInnerProduct($0) }, "-2.3212491554455922684")
      expectMatches(
        -dynamics.dampedSum {
          let g = dynamics.system().kinetic.gradient($0)
          return g.frobeniusInnerProduct(g)
        },
        "-1.1620634482904468033")
      expectMatches(dynamics.energyRate(forceScale: Rational(1, 2)), "-1.5241761492475497406")
      expectMatches(dynamics.energyRate(dampingSign: -1), "1.590321550373752591")
    }
  }

  @Test func singleParticleVariant() {
    withPrecision(256) {
      let dynamics = measurements(particles: 1, seed: 13)
      let system = dynamics.system(as: T.self)
      expectMatches(
        system.objective.value(dynamics.state.positions),
        "0.90422186540193070811606011159735289442840900476023")
      expectMatches(
        system.energy(dynamics.state), "3.487612806569310523956949017514988947396686136172")
      expectMatches(dynamics.energyRate(), "-1.53621245782499748618302552528476857219194859")
      expectMatches(
        2 * dynamics.energySeries(order: 2).h[2], "1.225686562125183070857060816711401040196")
      expectMatches(dynamics.objectiveRate(), "-0.007792035084456696703760979775612992221759")
    }
  }
}

/// Expects `value` within half a unit of `reference`'s last digit (plus 2⁻²⁴⁰ relative).
func expectMatches(
  _ value: BigFloat, _ reference: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let exact = try! Rational(parsing: reference)
  let tolerance =
    BigFloat(halfUnitInLastDigit(reference)) + BigFloat.abs(BigFloat(exact))
    * BigFloat(Rational.pow(2, -240))
  let error = BigFloat.abs(value - BigFloat(exact))
  #expect(
    value.isFinite && error <= tolerance,
    "\(value.decimalString(significantDigits: 45)) vs \(reference): error \(error.decimalString(significantDigits: 3))",
    sourceLocation: sourceLocation)
}

/// Expects `|value − reference| ≤ bound` (for references whose own accuracy is absolute).
func expectAbsolute(
  _ value: BigFloat, _ reference: String, within bound: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let error = BigFloat.abs(value - BigFloat(try! Rational(parsing: reference)))
  #expect(
    value.isFinite && error <= BigFloat(try! Rational(parsing: bound)),
    "\(value.decimalString(significantDigits: 25)) vs \(reference)", sourceLocation: sourceLocation)
}

/// `5 · 10^(e − d)` for a decimal with `d` significant digits whose leading digit has weight
/// `10^e`: half a unit in its last digit.
func halfUnitInLastDigit(_ reference: String) -> Rational {
  var text = Substring(reference)
  if text.first == "-" || text.first == "+" { text.removeFirst() }
  var scale = 0
  if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
    scale = Int(text[text.index(after: e)...])!
    text = text[..<e]
  }
  let point = text.firstIndex(of: ".") ?? text.endIndex
  let integerDigits = text.distance(from: text.startIndex, to: point)
  let digits = text.filter(\.isNumber)
  let leadingZeros = digits.prefix { $0 == "0" }.count
  let significant = digits.count - leadingZeros
  let leadingWeight = integerDigits - 1 - leadingZeros + scale
  return Rational(5) * Rational.pow(Rational(10), leadingWeight - significant)
}

@Suite struct HamiltonianTrajectoryTests {
  typealias T = BigFloat

  @Test func trajectoryToTimeTwo() {
    withPrecision(128) {
      let dynamics = DynamicsMeasurements(
        instance: .init(), epsilon: Rational(1, 4), damping: Rational(7, 10))
      let run = TrajectoryRun(
        dynamics, horizon: 2, order: TrajectoryRun.order,
        tolerance: T(try! Rational(parsing: "1e-30")))
      #expect(run.balance <= T(try! Rational(parsing: "1e-25")))
      expectMatches(run.initialEnergy, "3.16137960484940680744801060474")
      expectMatches(run.finalEnergy, "1.5640329845637781533441641908")
      expectMatches(
        dynamics.system(as: T.self).objective.value(run.end.positions),
        "0.192137220106388226356883082396")
      expectMatches(run.end.positions[0][0, 0], "0.0396667326489143006452774364478")
      expectMatches(run.end.momenta[0][0, 0], "0.169372204607555829120450376518")
      #expect(run.objectiveRates[0] > 0 && run.energyRates.allSatisfy { $0 < 0 })
      expectMatches(run.dissipated, "1.59734662028562865410384641394")
    }
  }
}

@Suite struct HamiltonianRateTests {
  typealias T = BigFloat

  @Test func overdampedAndUnderdamped() {
    withPrecision(128) {
      let tolerance = T(Rational.pow(10, -25))
      let over = RateRun(.overdamped, order: 20, tolerance: tolerance)
      expectMatches(over.predicted, "0.763932022500210303590826331269")
      expectMatches(over.fittedRate, "0.763931962181")
      expectMatches(over.gaps[0], "0.63974713707971215712")
      // The spec's gaps at the horizon carry 20 digits, but runs of order 20/24/28 at local
      // tolerances 1e−30/1e−32/1e−36 agree with each other to 22 digits and differ from the
      // spec by 3.3e−23 (here) and 2.1e−21 (underdamped) absolute: the references' last digits
      // are below the accuracy of the spec's own integration of H ≈ O(1). They are compared as
      // absolute values to that accuracy (reported to the lead).
      expectAbsolute(over.gaps.last!, "1.2084928430298208107e-10", within: "1e-22")
      let under = RateRun(.underdamped, order: 20, tolerance: tolerance)
      #expect(under.predicted == 1)
      expectMatches(under.fittedRate, "0.995965889385")
      expectAbsolute(under.gaps.last!, "1.3393524565015741138e-10", within: "1e-20")
      let firstIncrease = under.objective.indices.dropFirst().first {
        under.objective[$0] > under.objective[$0 - 1]
      }
      #expect(firstIncrease.map { under.times[$0] } == T(Rational(7, 4)))
    }
  }
}

/// The whole claim at its defaults (as committed in `claims/`): every check passes, which needs
/// every negative control rejected.
@Suite struct HamiltonianClaimTests {
  @Test func everyCheckPassesAndEveryControlIsRejected() throws {
    let report = try committedReport(HamiltonianDissipation())
    let results = report.checks
    // M3's bounds are decided in Arb balls from the certified eigenvalues of GᵀG (issue 16).
    let certified: Set = ["M3-lower-bound", "M3-upper-bound"]
    for result in results {
      let expected: Verdict = certified.contains(result.id) ? .proved : .pass
      #expect(result.verdict == expected, "\(result.id): \(result.detail)")
      for control in result.controls {
        #expect(
          control.rejected,
          "\(result.id): control '\(control.description)' measured \(control.measured)")
      }
    }
    expectSpecControls(results, [
      ("M1-gradient", ["wrong power", "wrong parametrisation", "unregularized polar factor"]),
      ("M2-fenchel-young", ["conjugate −ε"]),
      ("M3-polar-rate", ["exponent 1/2"]),
      ("M4-hessian-at-zero", ["∇²Ψ_ε(0) = I/ε"]),
      ("M6-pointwise", ["(a) Euclidean kinetic energy", "(b)", "(c)", "particle force"]),
      ("M6-monotone", ["(e) anti-damping"]),
      ("M7-objective-increases", ["the energy H_N"]),
      ("M8-rate-overdamped", ["rate 2γ", "rate γ (the envelope rate"]),
      ("M8-rate-underdamped", ["rate 2γ", "rate γ/2"]),
      ("M9-monotone", ["h = 12·h_max"]),
      ("M9-energy-identity", ["the identity without the Bregman term"]),
    ])
    let names = report.values.map(\.name)
    for name in [
      "sigma_1", "sigma_2", "psi", "nuclear", "psi_star_at_grad", "dissipation_G", "J", "H",
      "dHdt", "d2Hdt2", "dJdt", "H_T", "Q_T", "kappa_fit_overdamped", "kappa_fit_underdamped",
    ] {
      #expect(names.contains(name), "value \(name) not recorded")
    }
  }
}

/// n ≥ 3 goes through numeric's Jacobi SVD and eigen-decomposition instead of the closed forms.
@Suite struct HamiltonianWiderMatrixTests {
  typealias T = BigFloat

  @Test func smoothingIdentitiesForFourByThree() throws {
    try withPrecision(256) {
      let smoothing = SmoothingMeasurements(
        instance: .init(rows: 4, columns: 3), epsilon: Rational(1, 4))
      let tight = T(Rational.pow(2, -236))
      let gradient = try smoothing.gradientResidual()
      let fenchelYoung = try smoothing.fenchelYoungResidual()
      let gap = try smoothing.fenchelYoungGapAtGenericDelta()
      #expect(gradient <= tight)
      #expect(fenchelYoung <= tight)
      #expect(smoothing.mirrorInversionResidual() <= T(Rational.pow(2, -232)))
      #expect(smoothing.operatorNormResidual() <= tight)
      #expect(smoothing.hessianAtZeroResidual(claimed: 2) <= tight)
      #expect(smoothing.rayleighQuotients().allSatisfy { $0 >= 0 && $0 <= 2 })
      #expect(gap > 0)
      // The n = 2 closed form and the SVD route agree on the 3 × 2 instance as well.
      let narrow = SmoothingMeasurements(instance: .init(), epsilon: Rational(1, 4))
      #expect(
        narrow.psi.gradient(narrow.g).relativeDistance(to: narrow.psi.spectralGradient(narrow.g))
          <= tight)
      #expect(T.abs(narrow.psi.value(narrow.g) - narrow.psi.spectralValue(narrow.g)) <= tight)
    }
  }

  @Test func dissipationIdentityForFourByThree() {
    withPrecision(256) {
      let dynamics = DynamicsMeasurements(
        instance: .init(rows: 4, columns: 3), epsilon: Rational(1, 4), damping: Rational(7, 10))
      let tight = T(Rational.pow(2, -236))
      #expect(DynamicsMeasurements.relative(dynamics.energyRate(), dynamics.claimedRate()) <= tight)
      #expect(dynamics.hamiltonianResidual() <= tight)
      #expect(dynamics.taylorResidual() <= T(Rational.pow(2, -226)))
      #expect(
        DynamicsMeasurements.relative(
          dynamics.energyRate(forceScale: Rational(1, 2)), dynamics.claimedRate())
          >= T(Rational(1, 100)))
    }
  }
}
