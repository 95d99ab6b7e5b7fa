import Numeric

/// C3, the trap for `β ≥ 1/2`: the start is placed in the exact interval `I(γ)` of offsets whose
/// sign alternates under the schedule; NC3 runs the same schedules from the fixed start `W₀`.
struct AlternationSetting: Sendable {
  let beta: Rational
  let epsilon: Rational
  let horizon: Int
  let gammaBar: Rational
  /// NC3's start, the trap's `W₀`.
  let fixedStart: [Rational]
  let bits: Int

  /// C3's five schedules.
  static let schedules: [StepSchedule] = [.constant, .inverseSquareRoot, .inverse, .cosine, .linear]

  init(_ arguments: Arguments, trap: TrapSetting) throws(UsageError) {
    (beta, epsilon) = (arguments[MuonCounterexample.betaLarge], arguments[MuonCounterexample.epsilonLarge])
    (horizon, gammaBar, fixedStart, bits) = (trap.horizon, trap.gammaBar, trap.start, trap.bits)
    let limit = (1 - beta) / (1 + beta)
    guard epsilon < limit else {
      throw UsageError(
        "eps_large = \(epsilon) is not below (1 − beta_large)/(1 + beta_large) = \(limit): C3 needs it")
    }
  }

  /// One schedule's C3 run from the midpoint of `I(γ)` (nil when `I(γ)` is empty) and NC3's run.
  struct Runs {
    let schedule: StepSchedule
    let interval: AlternatingStart?
    let adapted: ExactDiagonalRun?
    let fixed: ExactDiagonalRun
  }

  func runs() throws -> [Runs] {
    let trap = AffinePenaltySum.trap(epsilon: epsilon)
    return try Self.schedules.map { schedule in
      let steps = schedule.sizes(horizon: horizon, base: gammaBar, seed: 0, bits: bits)!
      func run(from start: [Rational]) throws -> ExactDiagonalRun {
        try ExactDiagonalRun(
          objective: trap, start: start, beta: beta, horizon: horizon, steps: .fixed(steps),
          method: .muon)
      }
      let interval = AlternatingStart(steps: steps)
      let adapted = try interval.map { try run(from: [1 + $0.midpoint / 2, 1 - $0.midpoint / 2]) }
      return Runs(schedule: schedule, interval: interval, adapted: adapted, fixed: try run(from: fixedStart))
    }
  }

  /// C3's statement on one run: trace conserved, alternating sign of `W₁₁ − W₂₂` and, unless
  /// `structuralOnly`, the gap at least `ε tr W₀` (`2ε` from C3's start).
  func outcome(_ run: ExactDiagonalRun?, _ name: String, structuralOnly: Bool = false) -> ExactOutcome {
    guard let run else {
      return .condition(false, "", witness: "\(name): I(γ) is empty, C3's construction does not apply")
    }
    let floor = epsilon * run.iterates[0].reduce(Rational(0), +)
    return .all(
      [run.traceConservation(name), run.alternation(name)]
        + (structuralOnly ? [] : [run.gapFloor(floor, name)]), name)
  }

  func checks(recordingIn measurements: Measurements) throws -> [any Check] {
    let runs = try runs()
    for r in runs {
      let name = r.schedule.rawValue
      if let interval = r.interval, let adapted = r.adapted {
        measurements.record("C3_I_lower_\(name)", interval.lower, bits: bits)
        measurements.record("C3_I_upper_\(name)", interval.upper, bits: bits)
        measurements.record("C3_u0_\(name)", interval.midpoint, bits: bits)
        measurements.record("C3_min_gap_\(name)", adapted.minimumGap, bits: bits)
      } else {
        measurements.record("C3_min_gap_\(name)", text: "I(γ) empty")
      }
      measurements.record("NC3_first_trace_change_\(name)", text: r.fixed.firstTraceChange.map(String.init) ?? "none")
      measurements.record("NC3_min_gap_\(name)", r.fixed.minimumGap, bits: bits)
    }
    let all = { (structuralOnly: Bool, run: (Runs) -> ExactDiagonalRun?) in
      ExactOutcome.all(
        runs.map { outcome(run($0), $0.schedule.rawValue, structuralOnly: structuralOnly) },
        (structuralOnly ? "trace and alternation" : "trace, alternation and floor 2ε")
          + " in \(runs.count) runs of \(horizon) steps")
    }
    return [
      ExactCheck(
        id: "c3-alternating-trap",
        statement: "Muon (β = \(beta) ≥ 1/2) on f_ε, ε = \(epsilon) < (1−β)/(1+β), from "
          + "W_0 = Diag(1 + u_0/2, 1 − u_0/2) with u_0 the midpoint of the exact interval I(γ), for "
          + "constant, inv_sqrt, inv_t, cosine, linear (γ̄ = \(gammaBar), T = \(horizon)): sgn(W₁₁ − W₂₂) "
          + "alternates for t = 0..T, tr W_t = 2 exactly, f_ε(W_t) − f* ≥ 2ε",
        decide: { all(false, \.adapted) },
        controls: [
          // NC3's gap shortfall can be 6 %: the exact tests alone decide it (NC3_min_gap_*).
          .init("NC3: the fixed start W_0 = Diag(\(fixedStart[0]), \(fixedStart[1])), no adaptation (trace and alternation)") {
            all(true, \.fixed)
          }
        ])
    ]
  }
}
