import Numeric
import Symbolic

/// The measurements of claims M5–M7 on the dynamics instance (N particles, tanh features), each
/// computed from the exact instance at the working precision when called.
struct DynamicsMeasurements: Sendable {
  typealias T = BigFloat
  typealias System<U: Scalar> = DampedHamiltonianSystem<TanhFeatureObjective<U>>
  let instance: HamiltonianInstances.Dynamics
  let epsilon: Rational
  let damping: Rational

  var particles: Int { instance.positions.count }
  var state: PhasePoint<T> { instance.state() }

  /// The system in the arithmetic `U`; `dampingSign = −1` is the anti-damped control and
  /// `forceScale = 1/N` the control that forgets the `N` of the particle force.
  func system<U: Scalar>(
    as type: U.Type = U.self, dampingSign: Int = 1, forceScale: Rational = 1
  ) -> System<U> {
    DampedHamiltonianSystem(
      objective: instance.objective(as: U.self), kinetic: SmoothedNuclearNorm(epsilon: epsilon),
      damping: U(Rational(dampingSign) * damping), forceScale: U(forceScale))
  }

  /// `d/dt E(x(t))` at `t = 0` along the field of `flow`: one forward-mode JVP of `E`.
  func rate(
    of energy: (System<Dual<T>>, PhasePoint<Dual<T>>) -> Dual<T>, along flow: System<T>
  ) -> T {
    let x = state
    let direction = flow.velocity(x).flattened
    let point: PhasePoint<Dual<T>> = x.reshaped(
      zip(x.flattened, direction).map { Dual($0, derivative: $1) })
    return energy(system(as: Dual<T>.self), point).derivative
  }

  /// `dH_N/dt` by AD along the true field.
  func energyRate(dampingSign: Int = 1, forceScale: Rational = 1) -> T {
    rate(of: { $0.energy($1) }, along: system(dampingSign: dampingSign, forceScale: forceScale))
  }

  /// `dJ/dt` by AD along the true field.
  func objectiveRate() -> T { rate(of: { $0.objective.value($1.positions) }, along: system()) }

  /// `(γ/N) Σᵢ g(Pᵢ)` for a density `g` (`D` for the claim; `‖P‖²`, `‖∇Ψ_ε(P)‖²` for controls).
  func dampedSum(_ density: (Matrix<T>) -> T) -> T {
    var sum = T.zero
    for p in state.momenta { sum += density(p) }
    return T(damping) * sum / T(particles)
  }

  /// `|a − b| / |b|`.
  static func relative(_ a: T, _ b: T) -> T { T.abs(a - b) / T.abs(b) }

  // MARK: M5

  /// The largest relative mismatch of `Ẇᵢ` with `N ∂H_N/∂Pᵢ` and of `Ṗᵢ` with
  /// `−N ∂H_N/∂Wᵢ − γPᵢ`, the partials by one reverse sweep over `H_N`.
  func hamiltonianResidual(forceScale: Rational = 1, euclideanVelocity: Bool = false) -> T {
    let x = state
    let reverse = system(as: Reverse<T>.self)
    let (_, gradient) = Symbolic.gradient(of: { reverse.energy(x.reshaped($0)) }, at: x.flattened)
    let partials: PhasePoint<T> = x.reshaped(gradient)
    let field = system(forceScale: forceScale).velocity(x)
    let n = T(particles)
    var worst = T.zero
    for i in 0..<particles {
      let velocity = euclideanVelocity ? x.momenta[i] : field.positions[i]
      worst = T.maxOrNaN(
        worst, velocity.relativeDistance(to: n * partials.momenta[i]))
      let force = -n * partials.positions[i] - T(damping) * x.momenta[i]
      worst = T.maxOrNaN(worst, field.momenta[i].relativeDistance(to: force))
    }
    return worst
  }

  // MARK: M6 in Taylor order

  /// The field `y ↦ (Ẇ, Ṗ)` on flat jet vectors, for Taylor mode.
  func jetField(dampingSign: Int = 1) -> ([Jet<T>]) -> [Jet<T>] {
    let jetSystem = system(as: Jet<T>.self, dampingSign: dampingSign)
    let shape = state
    return { jetSystem.velocity(shape.reshaped($0)).flattened }
  }

  /// The Taylor coefficients `H_k` (of `H_N`, or of a substitute energy) and `D_k` (of
  /// `Σᵢ D(Pᵢ)`) along the flow at `t = 0`, `k = 0 … order`.
  func energySeries(order: Int, euclidean: Bool = false) -> (h: [T], d: [T]) {
    let flow = TaylorIntegrator(order: order, tolerance: T(1), field: jetField())
    let coefficients = flow.series(at: state.flattened)
    let jets = state.flattened.indices.map { i in Jet(coefficients: coefficients.map { $0[i] }) }
    let x: PhasePoint<Jet<T>> = state.reshaped(jets)
    let jetSystem = system(as: Jet<T>.self)
    let energy =
      euclidean
      ? jetSystem.energy(x) { $0.frobeniusInnerProduct($0) / 2 } : jetSystem.energy(x)
    var dissipation = Jet<T>.constant(0)
    for p in x.momenta { dissipation = dissipation + jetSystem.kinetic.dissipation(p) }
    return ((0...order).map { energy[$0] }, (0...order).map { dissipation[$0] })
  }

  /// `max_k |(k+1) H_{k+1} + (γ/N) D_k| / max_k |(γ/N) D_k|` for `k = 0, 1, 2`.
  func taylorResidual(euclidean: Bool = false) -> T {
    let (h, d) = energySeries(order: 3, euclidean: euclidean)
    let rate = T(damping) / T(particles)
    let scale = (0...2).map { T.abs(rate * d[$0]) }.maxOrNaN()!
    return (0...2).map { k in T.abs(T(k + 1) * h[k + 1] + rate * d[k]) }.maxOrNaN()! / scale
  }
}

// MARK: - Checks and values

extension DynamicsMeasurements {
  /// `−(γ/N) Σᵢ D(Pᵢ)`, the claimed rate, with `D` from the singular values.
  func claimedRate() -> T { -dampedSum { system().kinetic.dissipation($0) } }

  func record(in measurements: Measurements) {
    let flow = system(as: T.self)
    measurements.record("J", flow.objective.value(state.positions))
    measurements.record("H", flow.energy(state))
    measurements.record("dHdt", energyRate())
    measurements.record("d2Hdt2", 2 * energySeries(order: 2).h[2])
    measurements.record("dJdt", objectiveRate())
  }

  func checks() -> [any Check] {
    let n = Rational(particles)
    let forgetN =
      particles >= 2
      ? [
        IdentityCheck.Control(
          "particle force −∂J_N/∂Wᵢ (not multiplied by N)",
          residual: { _ in
            Self.relative(energyRate(forceScale: 1 / n), claimedRate())
          })
      ]
      : []
    return [
      IdentityCheck(
        id: "M5-hamiltonian",
        statement:
          "Ẇᵢ = N ∂H_N/∂Pᵢ = ∇Ψ_ε(Pᵢ) and Ṗᵢ = −N ∂H_N/∂Wᵢ − γPᵢ (partials by reverse-mode AD of H_N)",
        residual: { _ in hamiltonianResidual() },
        controls: (particles >= 2
          ? [
            .init(
              "force −∂J_N/∂Wᵢ (without N)",
              residual: { _ in hamiltonianResidual(forceScale: 1 / n) })
          ] : [])
          + [
            .init(
              "Euclidean velocity Ẇᵢ = Pᵢ",
              residual: { _ in hamiltonianResidual(euclideanVelocity: true) })
          ]),
      IdentityCheck(
        id: "M6-pointwise",
        statement:
          "dH_N/dt (forward-mode JVP of H_N along the field) = −(γ/N) Σᵢ Σⱼ σⱼ(Pᵢ)²/√(σⱼ(Pᵢ)² + ε), relative",
        rejectionThreshold: Rational(1, 100),
        residual: { _ in Self.relative(energyRate(), claimedRate()) },
        controls: [
          .init(
            "(a) Euclidean kinetic energy J + (1/N)Σ½‖Pᵢ‖² with the Muon dynamics",
            residual: { _ in
              Self.relative(
                rate(of: { $0.energy($1) { $0.frobeniusInnerProduct($0) / 2 } }, along: system()),
                claimedRate())
            }),
          .init(
            "(b) rate −(γ/N)Σ‖Pᵢ‖²",
            residual: { _ in
              Self.relative(-dampedSum { $0.frobeniusInnerProduct($0) }, energyRate())
            }),
          .init(
            "(c) rate −(γ/N)Σ‖∇Ψ_ε(Pᵢ)‖²",
            residual: { _ in
              Self.relative(
                -dampedSum {
                  let g = system().kinetic.gradient($0)
                  return g.frobeniusInnerProduct(g)
                }, energyRate())
            }),
        ] + forgetN),
      InequalityCheck(
        id: "M6-monotone", statement: "dH_N/dt ≤ 0 at the instance (JVP)",
        value: { energyRate() }, .lessThanOrEqual, bound: { 0 },
        controls: [.init("(e) anti-damping +γP", value: { energyRate(dampingSign: -1) })]),
      IdentityCheck(
        id: "M6-taylor",
        statement:
          "(k+1) H_{k+1} = −(γ/N) D_k for k = 0, 1, 2: Taylor coefficients at t = 0 of H_N and of Σᵢ D(Pᵢ) along the flow (Jet, recursive coefficients)",
        slack: 30, rejectionThreshold: Rational(1, 100),
        residual: { _ in taylorResidual() },
        controls: [
          .init("(a) Euclidean kinetic energy", residual: { _ in taylorResidual(euclidean: true) })
        ]),
    ]
  }
}

extension DynamicsMeasurements {
  /// M7's formula for `dJ/dt`, checked at the instance.
  func objectiveRateCheck() -> any Check {
    IdentityCheck(
      id: "M7-objective-rate",
      statement: "dJ/dt (JVP) = (1/N) Σᵢ ⟨∇_W(δJ/δρ)(Wᵢ), ∇Ψ_ε(Pᵢ)⟩",
      residual: { _ in Self.relative(objectiveRate(), system().objectiveRate(state)) },
      controls: [
        .init(
          "Euclidean velocity: (1/N) Σᵢ ⟨∇_W(δJ/δρ)(Wᵢ), Pᵢ⟩",
          residual: { _ in
            let forces = system().objective.firstVariationGradients(state.positions)
            var sum = T.zero
            for (force, p) in zip(forces, state.momenta) { sum += force.frobeniusInnerProduct(p) }
            return Self.relative(sum / T(particles), objectiveRate())
          })
      ])
  }
}
