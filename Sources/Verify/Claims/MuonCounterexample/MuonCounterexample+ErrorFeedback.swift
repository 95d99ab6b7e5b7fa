import Numeric

/// C4 on the trap (EF-Muon with the horizon-tuned constant step, exact) with NC4a (no memory)
/// and NC4b (a 1/T rate), and C5 (decaying steps) with NC5 (no memory).
struct ErrorFeedbackSetting: Sendable {
  let trap: TrapSetting
  let horizons: [Int]
  let anytimeHorizon: Int
  let anytimeGammaBar: Rational

  init(_ arguments: Arguments, trap: TrapSetting) throws(UsageError) {
    self.trap = trap
    horizons = arguments[MuonCounterexample.errorFeedbackHorizons]
    anytimeHorizon = arguments[MuonCounterexample.anytimeHorizon]
    anytimeGammaBar = arguments[MuonCounterexample.anytimeGammaBar]
    guard zip(horizons, horizons.dropFirst()).allSatisfy(<) else {
      throw UsageError("ef_horizons = \(horizons.map(String.init).joined(separator: ",")) is not increasing")
    }
    guard anytimeHorizon % 16 == 0 else {
      throw UsageError("ef_any_T = \(anytimeHorizon) is not a multiple of 16 (checkpoints T/16 … T)")
    }
  }

  /// `‖G‖_op ≤ L_op = 1 + ε` for every subgradient of the trap.
  var operatorLipschitz: Rational { 1 + trap.epsilon }

  /// B and C of the trap: `R = ‖W₀‖_F`, `L_F = √(2 + 2ε²)`, `L_op = 1 + ε`, `r = 2`.
  var bound: ErrorFeedbackBound {
    let bits = trap.bits
    let distanceSquared = trap.start.reduce(Rational(0)) { $0 + $1 * $1 }
    return ErrorFeedbackBound(
      distance: BigFloat.sqrt(BigFloat(distanceSquared, precision: bits)),
      frobeniusLipschitz: BigFloat.sqrt(BigFloat(2 + 2 * trap.epsilon * trap.epsilon, precision: bits)),
      operatorLipschitz: BigFloat(operatorLipschitz, precision: bits), rank: 2,
      beta: BigFloat(trap.beta, precision: bits))
  }

  /// EF-Muon and plain Muon with step `η` (E forced to 0) at one horizon of the ladder.
  struct HorizonRun {
    let horizon: Int
    let step: Rational
    let errorFeedback: ExactDiagonalRun
    let withoutMemory: ExactDiagonalRun
    let bound: BigFloat
  }

  /// EF-Muon (`memory`) or plain Muon with steps `η`, comparing the virtual iterates of
  /// `coefficients` as it runs.
  func run(
    _ steps: StepSizes, horizon: Int, memory: Bool, virtualIterateCoefficients coefficients: [Rational] = []
  ) throws -> ExactDiagonalRun {
    try ExactDiagonalRun(
      objective: .trap(epsilon: trap.epsilon), start: trap.start, beta: trap.beta,
      horizon: horizon, steps: memory ? steps : steps.scaled(by: operatorLipschitz),
      method: memory ? .errorFeedback(lipschitz: operatorLipschitz) : .muon,
      virtualIterateCoefficients: coefficients)
  }

  /// The momentum term of (ii)'s virtual iterate `Zₜ = Wₜ − Eₜ − c mₜ₋₁`: the theorem's, and
  /// none for its control. The ladder's runs compare both as they go.
  enum VirtualIterateTerm: CaseIterable {
    /// `c = γβ/(1−β)`.
    case theorem
    /// `c = 0`.
    case withoutMomentum

    func coefficient(step: Rational, beta: Rational) -> Rational {
      switch self {
      case .theorem: step * beta / (1 - beta)
      case .withoutMomentum: 0
      }
    }
  }

  func horizonRuns() throws -> [HorizonRun] {
    let bound = self.bound
    return try horizons.map { horizon in
      let step = bound.tunedStep(horizon: horizon)
      let steps = StepSizes.fixed(Array(repeating: step, count: horizon))
      return HorizonRun(
        horizon: horizon, step: step,
        errorFeedback: try run(
          steps, horizon: horizon, memory: true,
          virtualIterateCoefficients: VirtualIterateTerm.allCases.map { $0.coefficient(step: step, beta: trap.beta) }),
        withoutMemory: try run(steps, horizon: horizon, memory: false),
        bound: bound.bound(step: step, horizon: horizon))
    }
  }

  /// (i) `‖Eₜ‖_op ≤ factor · η` for every `t` and horizon (`Eₜ` is diagonal: its largest entry).
  func memoryOutcome(_ runs: [HorizonRun], radiusFactor factor: Rational) -> ExactOutcome {
    .all(
      runs.map { r in
        let margin = factor * r.step * operatorLipschitz - r.errorFeedback.largestMemoryEntry
        return ExactOutcome(
          holds: margin.signum >= 0,
          evidence: "T = \(r.horizon): \(factor == 1 ? "" : "\(factor)·")η − max_t ‖E_t‖_op = "
            + DecimalFormat.short(BigFloat(margin, precision: trap.bits)),
          discrepancy: margin.signum >= 0 ? 0 : -margin)
      }, "max_t ‖E_t‖_op ≤ \(factor == 1 ? "" : "\(factor)·")η at \(runs.count) horizons")
  }

  /// (ii) `Zₜ₊₁ = Zₜ − γ Gₜ` with `Zₜ = Wₜ − Eₜ − c mₜ₋₁`, `c` from `term` (compared by each
  /// run as it went).
  func virtualIterateOutcome(_ runs: [HorizonRun], _ term: VirtualIterateTerm) -> ExactOutcome {
    let index = VirtualIterateTerm.allCases.firstIndex(of: term)!
    return .all(
      runs.map { r in
        r.errorFeedback.virtualIterateComparisons[index].outcome("Z_{t+1} against Z_t − γG_t, T = \(r.horizon)")
      }, "Z_{t+1} = Z_t − γG_t at \(runs.count) horizons")
  }

  func trapChecks(recordingIn measurements: Measurements) throws -> [any Check] {
    let bits = trap.bits
    let runs = try horizonRuns()
    measurements.record("C4_C", bound.constant)
    let big = { (x: Rational) in BigFloat(x, precision: bits) }
    for r in runs {
      let margin = r.step * operatorLipschitz - r.errorFeedback.largestMemoryEntry
      measurements.record("C4_gamma_T\(r.horizon)", r.step)
      measurements.record("C4_bound_T\(r.horizon)", r.bound)
      measurements.record("C4_avg_gap_T\(r.horizon)", r.errorFeedback.averageGap(before: r.horizon), bits: bits)
      measurements.record("C4_no_memory_avg_gap_T\(r.horizon)", r.withoutMemory.averageGap(before: r.horizon), bits: bits)
      measurements.record("C4_memory_margin_T\(r.horizon)", margin, bits: bits)
    }
    let x = runs.map { big(Rational($0.horizon)) }
    let averages = { (memory: Bool) in
      runs.map { big((memory ? $0.errorFeedback : $0.withoutMemory).averageGap(before: $0.horizon)) }
    }
    measurements.record("C4_slope", RateCheck.Scale.logLog.fit(x: x, y: averages(true)).slope)
    // (iii) at every horizon, as the largest ratio of the average gap to the bound.
    let ratio = { (memory: Bool, bound: (HorizonRun) -> BigFloat) in
      zip(runs, averages(memory)).map { $1 / bound($0) }.reduce(BigFloat.zero, BigFloat.maxOrNaN)
    }
    let first = runs[0]
    return [
      ExactCheck(
        id: "c4-memory-bound",
        statement: "(i) EF-Muon on the trap, γ_T = R/√(2CT) on the 2⁻⁶⁰ grid, η = γ_T L_op: "
          + "‖E_t‖_op ≤ η exactly at every step, T ∈ {\(horizons.map(String.init).joined(separator: ", "))}",
        decide: { memoryOutcome(runs, radiusFactor: 1) },
        controls: [.init("the radius halved, ‖E_t‖_op ≤ η/2") { memoryOutcome(runs, radiusFactor: Rational(1, 2)) }]),
      ExactCheck(
        id: "c4-virtual-iterate",
        statement: "(ii) Z_t = W_t − E_t − (γβ/(1−β)) M_{t−1} (Z_0 = W_0) satisfies Z_{t+1} = Z_t − γ G_t exactly",
        decide: { virtualIterateOutcome(runs, .theorem) },
        controls: [.init("without the momentum term, Z_t = W_t − E_t") { virtualIterateOutcome(runs, .withoutMomentum) }]),
      InequalityCheck(
        id: "c4-bound",
        statement: "(iii) (1/T) Σ_{t<T} (f(W_t) − f*) ≤ B(γ_T, T) = R²/(2γT) + γC at every T of the ladder "
          + "(measured: the largest ratio of the average gap to B)",
        value: { ratio(true) { $0.bound } }, .lessThanOrEqual, bound: { 1 },
        controls: [
          .init("NC4a: no memory (E_t = 0, plain Muon with step η)", value: { ratio(false) { $0.bound } }),
          .init("NC4b: the 1/T rate B(γ_{T₀}, T₀) · T₀/T, T₀ = \(first.horizon)", value: {
            ratio(true) { first.bound * BigFloat(first.horizon) / BigFloat($0.horizon) }
          }),
        ]),
      RateCheck(
        id: "c4-rate",
        statement: "the average gap of EF-Muon with γ_T decays like T^(−1/2): least-squares slope of "
          + "ln(avg gap) against ln T in [−0.55, −0.45]",
        xLabel: "horizon T", yLabel: "average gap", exponent: Rational(-1, 2), tolerance: Rational(1, 20),
        data: { (x, averages(true)) },
        controls: [
          .init("NC4b: a 1/T rate, slope in [−1.05, −0.95]", exponent: -1),
          .init("NC4a: no memory (E_t = 0)", data: { (x, averages(false)) }),
        ]),
    ]
  }

  func anytimeChecks(recordingIn measurements: Measurements) throws -> [any Check] {
    let bits = trap.bits
    let steps = StepSizes.fixed(
      StepSchedule.inverseSquareRoot.sizes(horizon: anytimeHorizon, base: anytimeGammaBar, seed: 0, bits: bits)!)
    let memory = try run(steps, horizon: anytimeHorizon, memory: true)
    let plain = try run(steps, horizon: anytimeHorizon, memory: false)
    let checkpoints = [16, 8, 4, 2, 1].map { anytimeHorizon / $0 }
    let x = checkpoints.map { BigFloat($0, precision: bits) }
    let averages = { (run: ExactDiagonalRun) in
      checkpoints.map { BigFloat(run.averageGap(before: $0), precision: bits) }
    }
    for (prefix, run) in [("C5", memory), ("NC5", plain)] {
      for t in checkpoints {
        measurements.record("\(prefix)_best_gap_t\(t)", run.bestGap(before: t), bits: bits)
        measurements.record("\(prefix)_avg_gap_t\(t)", run.averageGap(before: t), bits: bits)
      }
      measurements.record("\(prefix)_slope", RateCheck.Scale.logLog.fit(x: x, y: averages(run)).slope)
    }
    let threshold = trap.epsilon * trap.trace / 100
    return [
      InequalityCheck(
        id: "c5-best-gap",
        statement: "EF-Muon with γ_t = γ̄/√(t+1), γ̄ = \(anytimeGammaBar), η_t = γ_t L_op on the trap: "
          + "min_{s<T} (f(W_s) − f*) ≤ 10⁻² ε tr W_0 = \(threshold), T = \(anytimeHorizon)",
        value: { BigFloat(memory.bestGap(before: anytimeHorizon), precision: bits) }, .lessThanOrEqual,
        bound: { BigFloat(threshold, precision: bits) },
        controls: [
          .init("NC5: no memory (E_t = 0, plain Muon with steps η_t)", value: {
            BigFloat(plain.bestGap(before: anytimeHorizon), precision: bits)
          })
        ]),
      RateCheck(
        id: "c5-rate",
        statement: "its average gap (1/t) Σ_{s<t} (f(W_s) − f*) at t = T/16 … T decays at least like "
          + "t^(−1/2): least-squares slope of ln(avg gap) against ln t ≤ −0.45",
        xLabel: "step t", yLabel: "average gap", slopeAtMost: Rational(-9, 20),
        data: { (x, averages(memory)) },
        controls: [.init("NC5: no memory (E_t = 0)", data: { (x, averages(plain)) })]),
    ]
  }
}

