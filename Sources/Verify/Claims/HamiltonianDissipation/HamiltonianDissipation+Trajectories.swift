import Numeric
import Symbolic

/// Claim M6 integrated: the dynamics instance carried to `T = 2` by the Taylor integrator with the
/// dissipated energy `Q(t) = (γ/N) ∫₀ᵗ Σᵢ ⟨Pᵢ, ∇Ψ_ε(Pᵢ)⟩ ds` as an extra state.
struct TrajectoryRun: Sendable {
  typealias T = BigFloat
  let initialEnergy: T
  let finalEnergy: T
  let dissipated: T
  /// The state at `T`.
  let end: PhasePoint<T>
  /// The same balance for the Euclidean energy `J + (1/N)Σ½‖Pᵢ‖²` (a negative control).
  let euclideanBalance: T
  /// `dJ/dt` and `dH_N/dt` (closed forms) at `t = 0, 1/4, …, T`.
  let objectiveRates: [T]
  let energyRates: [T]
  let steps: Int

  /// `|H(T) − H(0) + Q(T)|`.
  var balance: T { T.abs(finalEnergy - initialEnergy + dissipated) }

  /// Integrates at the current precision to a local tolerance `tolerance` with order `order`.
  init(_ dynamics: DynamicsMeasurements, horizon: Rational, order: Int, tolerance: T) {
    let jetSystem = dynamics.system(as: Jet<T>.self)
    let shape = dynamics.state
    let rate = T(dynamics.damping) / T(dynamics.particles)
    let integrator = TaylorIntegrator<T>(order: order, tolerance: tolerance) { y in
      let x: PhasePoint<Jet<T>> = shape.reshaped(Array(y.dropLast()))
      let velocity = jetSystem.velocity(x)
      // Ẇᵢ = ∇Ψ_ε(Pᵢ): the field's own, where computing it again recorded every particle's
      // Gram series and P·Z products twice (a third of a step).
      var density = Jet<T>.constant(0)
      for (p, gradient) in zip(x.momenta, velocity.positions) {
        density = density + p.frobeniusInnerProduct(gradient)
      }
      return velocity.flattened + [Jet.constant(rate) * density]
    }
    let samples = Int((horizon * 4).doubleValue.rounded())
    let times = (1...samples).map { T(Rational($0, 4)) }
    let (states, steps) = integrator.solve(from: shape.flattened + [0], at: times)
    let points = [shape] + states.map { shape.reshaped(Array($0.dropLast())) as PhasePoint<T> }
    end = points.last!
    let system = dynamics.system(as: T.self)
    objectiveRates = points.map { system.objectiveRate($0) }
    energyRates = points.map { system.dissipationRate($0) }
    let euclidean = { (x: PhasePoint<T>) in system.energy(x) { $0.frobeniusInnerProduct($0) / 2 } }
    initialEnergy = system.energy(shape)
    finalEnergy = system.energy(end)
    dissipated = states.last!.last!
    euclideanBalance = T.abs(euclidean(end) - euclidean(shape) + dissipated)
    self.steps = steps
  }
}

/// Claim M8: one rate instance (`f = (λ/2)‖W − W*‖²`, `P(0) = 0`) sampled on its grid.
struct RateRun: Sendable {
  typealias T = BigFloat
  let rate: HamiltonianInstances.Rate
  let times: [T]
  /// `H − H_min = (λ/2)‖W − W*‖² + Σᵢ σᵢ(P)²/(√(σᵢ(P)² + ε) + √ε)` at the sample times.
  let gaps: [T]
  /// `f(W(t))` at the sample times.
  let objective: [T]
  /// `κ = γ − √(γ² − 4ω²)` if `γ² > 4ω²`, else `γ`, with `ω² = λ/√ε`.
  let predicted: T

  init(_ rate: HamiltonianInstances.Rate, order: Int, tolerance: T) {
    self.rate = rate
    func system<U: Scalar>(_ type: U.Type) -> DampedHamiltonianSystem<QuadraticObjective<U>> {
      DampedHamiltonianSystem(
        objective: QuadraticObjective(
          curvature: U(rate.curvature), minimizer: Matrix(rounding: rate.minimizer, 2, 2)),
        kinetic: SmoothedNuclearNorm(epsilon: rate.epsilon), damping: U(rate.damping))
    }
    let start = PhasePoint<T>(positions: [Matrix(rounding: rate.start, 2, 2)], momenta: [Matrix.zeros(2, 2)])
    let jetSystem = system(Jet<T>.self)
    let integrator = TaylorIntegrator<T>(order: order, tolerance: tolerance) {
      jetSystem.velocity(start.reshaped($0)).flattened
    }
    let count = Int(((rate.horizon / rate.sampleStep).doubleValue).rounded())
    times = (0...count).map { T(Rational($0) * rate.sampleStep) }
    let states = integrator.solve(from: start.flattened, at: Array(times.dropFirst())).states
    let points = [start] + states.map { start.reshaped($0) as PhasePoint<T> }
    let real = system(T.self)
    objective = points.map { real.objective.value($0.positions) }
    gaps = zip(points, objective).map { $1 + real.kinetic.excess($0.momenta[0]) }
    let gamma = T(rate.damping)
    let omegaSquared = T(rate.curvature) / T.sqrt(T(rate.epsilon))
    let discriminant = gamma * gamma - 4 * omegaSquared
    predicted = discriminant > 0 ? gamma - T.sqrt(discriminant) : gamma
  }

  /// The samples inside the fit window.
  var window: (t: [T], gap: [T]) {
    let inside = times.indices.filter { rate.window.contains(times[$0].doubleValue) }
    return (inside.map { times[$0] }, inside.map { gaps[$0] })
  }

  /// The least-squares decay rate `−slope` of `ln(H − H_min)` against `t` over the window.
  var fittedRate: T {
    let (t, gap) = window
    return -LinearFit(x: t, y: gap.map { T.log($0) }).slope
  }

  /// `max_j (y_{j+1} − y_j)`.
  static func largestIncrease(_ y: [T]) -> T { zip(y, y.dropFirst()).map { $1 - $0 }.maxOrNaN()! }

  /// `max_j (y_{j+1} − y_j)/y_j`.
  static func largestRelativeIncrease(_ y: [T]) -> T {
    zip(y, y.dropFirst()).map { ($1 - $0) / $0 }.maxOrNaN()!
  }
}

// MARK: - Checks and values

extension TrajectoryRun {
  /// The Taylor order of M6's integration. With the step set by the last terms, a step of
  /// order K costs about K² and advances about `(tol)^{1/K}` times the series' radius, so the
  /// cost per unit time `K² tol^{−1/K}` is least near `K = −ln(tol)/2 ≈ 35` for `tol = 1e−30`
  /// (Jorba & Zou 2005); order 20 took three times the steps and 1.6–1.9× the time.
  static let order = 32

  /// Integration settings: order `order` at ≥ 128 bits, local tolerance 1e−30.
  static func run(_ dynamics: DynamicsMeasurements, precision: Int) -> TrajectoryRun {
    withPrecision(max(128, precision / 2)) {
      TrajectoryRun(
        dynamics, horizon: 2, order: order, tolerance: T(Rational.pow(Rational(10), -30)))
    }
  }

  /// M6 integrated: the energy balance at `T` with the dissipation integrated with the state.
  var integratedDissipationCheck: InequalityCheck {
    InequalityCheck(
      id: "M6-integrated",
      statement:
        "|H(T) − H(0) + Q(T)| ≤ 1e−25 at T = 2, Q(T) = (γ/N)∫₀ᵀ Σᵢ ⟨Pᵢ, ∇Ψ_ε(Pᵢ)⟩ dt integrated with the state (Taylor order \(Self.order), ≥ 128 bits, local tolerance 1e−30; \(steps) steps)",
      value: { balance }, .lessThanOrEqual, bound: { T(Rational.pow(Rational(10), -25)) },
      controls: [
        .init("(a) Euclidean kinetic energy J + (1/N)Σ½‖Pᵢ‖²", value: { euclideanBalance })
      ])
  }

  /// M7: the objective alone increases somewhere on the same trajectory.
  var objectiveIncreasesCheck: CounterexampleCheck {
    CounterexampleCheck(
      id: "M7-objective-increases",
      statement:
        "J alone is not monotone: the largest dJ/dt = (1/N)Σᵢ⟨∇_W(δJ/δρ)(Wᵢ), ∇Ψ_ε(Pᵢ)⟩ over t = 0, 1/4, …, 2 on the trajectory is positive (at t = 0 see the value dJdt)",
      threshold: Rational(1, 1000), effect: { objectiveRates.maxOrNaN()! },
      controls: [
        .init(
          "the energy H_N: the largest dH_N/dt on the same samples",
          effect: { energyRates.maxOrNaN()! })
      ])
  }
}

extension RateRun {
  static func runs(precision: Int) -> [RateRun] {
    withPrecision(max(128, precision / 2)) {
      [HamiltonianInstances.Rate.overdamped, .underdamped].map {
        RateRun($0, order: 20, tolerance: T(Rational.pow(Rational(10), -25)))
      }
    }
  }

  /// The rate check of this instance: `ln(H − H_min)` against `t`, drawn through the log-log
  /// machinery with `x = eᵗ` (so `ln x = t` and the slope is `−κ`).
  func check() -> any Check {
    let (t, gap) = window
    let kappa = Rational(exactly: predicted)!
    let band = rate.name == "overdamped" ? Rational(5, 1000) : Rational(3, 100)
    let gamma = rate.damping
    let wrong: [RateCheck.Control] =
      [.init("rate 2γ", exponent: -2 * gamma)]
      + (rate.name == "overdamped"
        ? [.init("rate γ (the envelope rate, wrong when overdamped)", exponent: -gamma)]
        : [.init("rate γ/2", exponent: -gamma / 2)])
    return RateCheck(
      id: "M8-rate-\(rate.name)",
      statement:
        "H − H_min = O(e^{−κt}) with κ = \(DecimalFormat.short(predicted)) (\(rate.name): λ = \(rate.curvature), ε = \(rate.epsilon), γ = \(rate.damping)); fitted decay over t ∈ [\(Int(rate.window.lowerBound)), \(Int(rate.window.upperBound))] within ±\(band)·κ",
      scale: .exponential, xLabel: "t", yLabel: "H − H_min", exponent: -kappa,
      tolerance: band * kappa, data: { (t, gap) }, controls: wrong)
  }

  static func checks(_ runs: [RateRun]) -> [any Check] {
    let underdamped = runs[1]
    return runs.map { $0.check() } + [
      InequalityCheck(
        id: "M8-monotone",
        statement:
          "H − H_min is non-increasing on every sample interval of both rate instances: the largest increase",
        value: { runs.map { largestIncrease($0.gaps) }.maxOrNaN()! }, .lessThanOrEqual, bound: { 0 },
        controls: [
          .init(
            "the objective f(W(t)) alone (underdamped)",
            value: { largestIncrease(underdamped.objective) })
        ]),
      CounterexampleCheck(
        id: "M8-oscillation",
        statement:
          "underdamped: f(W(t)) increases on some sample interval while H decreases (effect: the largest relative increase of f)",
        threshold: Rational(1, 1000), effect: { largestRelativeIncrease(underdamped.objective) },
        controls: [
          .init("H − H_min on the same grid", effect: { largestRelativeIncrease(underdamped.gaps) })
        ]),
    ]
  }
}
