import Numeric
import Symbolic

/// The run of claim M9: 40 steps of the discrete scheme on `f = ½‖AW − B‖²` at a step that is a
/// multiple of `h_max = 2γ√ε/L_f`, with the heavy-ball Muon form run alongside.
struct DiscreteRun: Sendable {
  typealias T = BigFloat
  /// `H_0 … H_K`.
  let energies: [T]
  /// `max_k |(H_{k+1} − H_k) − (−γh D − B_Ψ + (h²/2)‖A∇Ψ‖²)| / H_0`.
  let identityResidual: T
  /// `max_k [(H_{k+1} − H_k) − (−γh D + (L_f h²/2)‖∇Ψ‖²)]`, ≤ 0 when the inequality holds.
  let inequalityExcess: T
  /// The same without the Bregman term (a negative control).
  let identityResidualWithoutBregman: T
  /// The same without the `(L_f h²/2)‖∇Ψ_ε‖²` term (a negative control).
  let inequalityExcessWithoutSmoothness: T
  /// `max_k ‖∇Ψ_ε^*((W_{k+1} − W_k)/h) − P_{k+1}‖_max / ‖P_{k+1}‖_max`: the W-step solves the
  /// mirror step `argmin_W {−⟨P_{k+1}, W − W_k⟩ + hΨ_ε^*((W − W_k)/h)}` (first-order condition).
  let proxResidual: T
  /// The same for the Euclidean step `(W_{k+1} − W_k)/h = P_{k+1}` (a negative control).
  let euclideanProxResidual: T
  /// `max_k ‖W_k(heavy ball) − W_k(scheme)‖_max`.
  let heavyBallMismatch: T
  let scheme: RegularizedMuonScheme<LeastSquaresObjective<T>>
  let smoothness: T

  /// The number of steps with `H_{k+1} > H_k`; a step with a NaN energy counts as one, so a
  /// broken run can never look monotone.
  var increases: Int { zip(energies, energies.dropFirst()).filter { !($1 <= $0) }.count }

  /// `L_f = λ_max(AᵀA)`, by numeric's Jacobi eigen-decomposition.
  static func smoothness(of objective: LeastSquaresObjective<T>) throws -> T {
    try (objective.a.transposed * objective.a).symmetricEigenvalues().last!
  }

  /// Runs the instance at `stepMultiple · h_max`; `rescaledEpsilon: false` runs heavy-ball Muon
  /// with `ε` in place of `ε'` (a negative control).
  init(
    _ instance: HamiltonianInstances.Discrete, stepMultiple: Rational, rescaledEpsilon: Bool = true
  ) throws {
    let objective = instance.objective(as: T.self)
    let kinetic = SmoothedNuclearNorm<T>(epsilon: instance.epsilon)
    let damping = T(instance.damping)
    smoothness = try Self.smoothness(of: objective)
    let hMax = 2 * damping * kinetic.rootEpsilon / smoothness
    scheme = RegularizedMuonScheme(
      objective: objective, kinetic: kinetic, damping: damping, step: T(stepMultiple) * hMax)
    var w: Matrix<T> = Matrix(rounding: instance.w0, 3, 2)
    var p: Matrix<T> = Matrix(rounding: instance.p0, 3, 2)
    var heavyW = w
    var momentum = p / (-scheme.step * scheme.momentumFactor)
    var energies = [scheme.energy(w, p)]
    var identity = T.zero
    var excess = -T(Double.infinity)
    var mismatch = T.zero
    var withoutBregman = T.zero
    var withoutSmoothness = -T(Double.infinity)
    var prox = T.zero
    var euclideanProx = T.zero
    let heavyBallEpsilon = rescaledEpsilon ? scheme.heavyBallEpsilon : kinetic.epsilon
    for _ in 0..<instance.steps {
      let (nextW, nextP) = scheme.advance(w, p)
      energies.append(scheme.energy(nextW, nextP))
      let change = energies[energies.count - 1] - energies[energies.count - 2]
      let predicted = scheme.energyChange(from: p, to: nextP)
      identity = T.maxOrNaN(identity, T.abs(change - predicted))
      withoutBregman = T.maxOrNaN(withoutBregman, T.abs(change - predicted - scheme.bregman(p, nextP)))
      excess = T.maxOrNaN(excess, change - scheme.energyChangeBound(next: nextP, smoothness: smoothness))
      withoutSmoothness = T.maxOrNaN(
        withoutSmoothness, change - scheme.energyChangeBound(next: nextP, smoothness: T.zero))
      let move = (nextW - w) / scheme.step
      prox = T.maxOrNaN(
        prox, kinetic.conjugateGradient(move).relativeDistance(to: nextP))
      euclideanProx = T.maxOrNaN(euclideanProx, move.relativeDistance(to: nextP))
      (heavyW, momentum) = scheme.heavyBallAdvance(heavyW, momentum, epsilon: heavyBallEpsilon)
      mismatch = T.maxOrNaN(mismatch, (heavyW - nextW).maximumMagnitude)
      (w, p) = (nextW, nextP)
    }
    self.energies = energies
    identityResidual = identity / energies[0]
    identityResidualWithoutBregman = withoutBregman / energies[0]
    inequalityExcessWithoutSmoothness = withoutSmoothness
    inequalityExcess = excess
    heavyBallMismatch = mismatch
    proxResidual = prox
    euclideanProxResidual = euclideanProx
  }
}

// MARK: - Checks

extension DiscreteRun {
  /// The M9 checks; the two runs are made once, at the working precision, except the identity
  /// ladders, which rerun the scheme at each precision.
  static func checks() -> [any Check] {
    let instance = HamiltonianInstances.Discrete()
    let atLimit = Result { try DiscreteRun(instance, stepMultiple: 1) }
    let beyond = Result { try DiscreteRun(instance, stepMultiple: 12) }
    // The ladders' reruns, shared by the checks and controls that read the same run.
    let ladderAtLimit = PerRung { _ in try DiscreteRun(instance, stepMultiple: 1) }
    let ladderBeyond = PerRung { _ in try DiscreteRun(instance, stepMultiple: 12) }
    return [
      IdentityCheck(
        id: "M9-heavy-ball",
        statement:
          "the scheme is heavy-ball Muon: M_{k+1} = βM_k + ∇f(W_k), W_{k+1} = W_k − h∇Ψ_{ε'}(M_{k+1}) with β = 1/(1+γh), ε' = ε/(hβ)², M = −P/(hβ) (W iterates, 40 steps at h_max)",
        slack: 30,
        residual: { bits in try ladderAtLimit.value(bits: bits).heavyBallMismatch },
        controls: [
          .init(
            "heavy-ball Muon with the unscaled ε in place of ε'",
            residual: { _ in
              try DiscreteRun(instance, stepMultiple: 1, rescaledEpsilon: false).heavyBallMismatch
            })
        ]),
      IdentityCheck(
        id: "M9-mirror-step",
        statement:
          "the W-step is the mirror step argmin_W {−⟨P_{k+1}, W − W_k⟩ + hΨ_ε^*((W − W_k)/h)}: ∇Ψ_ε^*((W_{k+1} − W_k)/h) = P_{k+1} at every step (h = h_max)",
        slack: 30,
        residual: { bits in try ladderAtLimit.value(bits: bits).proxResidual },
        controls: [
          .init(
            "the Euclidean step (W_{k+1} − W_k)/h = P_{k+1}",
            residual: { bits in try ladderAtLimit.value(bits: bits).euclideanProxResidual })
        ]),
      IdentityCheck(
        id: "M9-energy-identity",
        statement:
          "H_{k+1} − H_k = −γh D(P_{k+1}) − B_Ψ(P_k, P_{k+1}) + (h²/2)‖A∇Ψ_ε(P_{k+1})‖² at every step (f = ½‖AW − B‖², h = 12·h_max, relative to H_0)",
        slack: 30,
        residual: { bits in try ladderBeyond.value(bits: bits).identityResidual },
        controls: [
          .init(
            "the identity without the Bregman term",
            residual: { bits in try ladderBeyond.value(bits: bits).identityResidualWithoutBregman })
        ]),
      InequalityCheck(
        id: "M9-dissipation-inequality",
        statement:
          "H_{k+1} − H_k ≤ −γh D(P_{k+1}) + (L_f h²/2)‖∇Ψ_ε(P_{k+1})‖² at every step (h = h_max): the largest excess",
        value: { try atLimit.get().inequalityExcess }, .lessThanOrEqual, bound: { 0 },
        controls: [
          .init(
            "the inequality without the (L_f h²/2) term",
            value: { try atLimit.get().inequalityExcessWithoutSmoothness })
        ]),
      InequalityCheck(
        id: "M9-monotone",
        statement:
          "H_{k+1} ≤ H_k for all 40 steps at h = h_max = 2γ√ε/L_f: the number of increases",
        value: { T(try atLimit.get().increases) }, .lessThanOrEqual, bound: { 0 },
        controls: [.init("h = 12·h_max", value: { T(try beyond.get().increases) })]),
      limitCheck(),
    ]
  }
}

// MARK: - The continuous limit

extension DiscreteRun {
  /// `‖(W_K, P_K) − (W(τ), P(τ))‖_max` for `K` steps of the scheme with `h = τ/K`, against the
  /// flow of M5 (Taylor order 20, local tolerance 1e−30) from the same start: first order in `h`.
  static func limitErrors(
    _ instance: HamiltonianInstances.Discrete, steps: [Int], horizon: Rational
  ) -> [T] {
    let kinetic = SmoothedNuclearNorm<T>(epsilon: instance.epsilon)
    let start = PhasePoint<T>(
      positions: [Matrix(rounding: instance.w0, 3, 2)], momenta: [Matrix(rounding: instance.p0, 3, 2)])
    let flow = DampedHamiltonianSystem(
      objective: instance.objective(as: Jet<T>.self),
      kinetic: SmoothedNuclearNorm(epsilon: instance.epsilon), damping: Jet<T>(instance.damping))
    let integrator = TaylorIntegrator<T>(order: 20, tolerance: T(Rational.pow(10, -30))) {
      flow.velocity(start.reshaped($0)).flattened
    }
    let exact = integrator.solve(from: start.flattened, at: [T(horizon)]).states[0]
    return steps.map { count in
      let scheme = RegularizedMuonScheme(
        objective: instance.objective(as: T.self), kinetic: kinetic, damping: T(instance.damping),
        step: T(horizon / Rational(count)))
      var (w, p) = (start.positions[0], start.momenta[0])
      for _ in 0..<count { (w, p) = scheme.advance(w, p) }
      return zip(w.entries + p.entries, exact).map { T.abs($0 - $1) }.maxOrNaN()!
    }
  }

  static func limitCheck() -> any Check {
    let steps = [20, 40, 80, 160]
    let horizon = Rational(2)
    return RateCheck(
      id: "M9-continuous-limit",
      statement:
        "as h → 0 (γ fixed) the scheme converges to the flow of M5: the error at τ = 2 after τ/h steps is first order in h (h = 1/10 … 1/80)",
      xLabel: "h", yLabel: "‖(W, P)_scheme − (W, P)_flow‖_max", exponent: 1,
      tolerance: Rational(5, 100),
      data: {
        withPrecision(max(128, Precision.bits / 2)) {
          (
            steps.map { T(horizon / Rational($0)) },
            limitErrors(HamiltonianInstances.Discrete(), steps: steps, horizon: horizon)
          )
        }
      },
      controls: [.init("second order in h", exponent: 2)])
  }
}
