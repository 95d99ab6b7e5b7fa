import Numeric

/// "Move on Muon: A Hamiltonian probability gradient flow perspective of Muon optimizer"
/// (arXiv:2605.23871): regularized Muon's orthogonalization is the gradient of a smoothed nuclear
/// norm `Ψ_ε`; its inertial limit is a damped Hamiltonian flow with kinetic energy `Ψ_ε` whose
/// energy decays exactly at the rate `γ⟨P, ∇Ψ_ε(P)⟩`. Spec: `claims/hamiltonian-dissipation.md`,
/// claims M1–M9. The measurements live beside this file (`HamiltonianDissipation+*.swift`).
public struct HamiltonianDissipation: Claim {
  public init() {}

  public let id = "hamiltonian-dissipation"
  public let title =
    "Regularized Muon as a damped Hamiltonian flow: smoothing, mirror map, exact dissipation"
  public let source = Source(
    title: "Move on Muon: A Hamiltonian probability gradient flow perspective of Muon optimizer",
    arxiv: "2605.23871", location: "abstract (a)–(g); formulas derived in the spec, claims M1–M9")
  public let statement = """
    With `Ψ_ε(G) = Σᵢ √(σᵢ(G)² + ε)`: (M1) `∇Ψ_ε(G) = G(GᵀG + εI)^{−1/2}`, the regularized \
    orthogonalization; (M2) its conjugate `Ψ_ε^*(Δ) = −√ε Σ√(1 − σᵢ(Δ)²)` gives Fenchel–Young \
    equality at `∇Ψ_ε(G)` and `∇Ψ_ε^* ∘ ∇Ψ_ε = id`; (M3) `max(‖G‖_*, n√ε) ≤ Ψ_ε ≤ ‖G‖_* + n√ε` \
    and `∇Ψ_ε → UVᵀ` linearly in ε; (M4) `0 ≤ ∇²Ψ_ε ≤ I/√ε` with equality at 0; (M5) \
    `Ẇᵢ = ∇Ψ_ε(Pᵢ)`, `Ṗᵢ = −∇_W(δJ/δρ)(Wᵢ) − γPᵢ` is Hamiltonian with damping for \
    `H_N = J(ρ_N) + (1/N)ΣΨ_ε(Pᵢ)`; (M6) `dH_N/dt = −(γ/N) Σᵢ ⟨Pᵢ, ∇Ψ_ε(Pᵢ)⟩ ≤ 0` exactly; \
    (M7) `J` alone can increase; (M8) for a quadratic objective `H − H_min` decays at \
    `κ = γ − √(γ² − 4λ/√ε)` (overdamped) or `γ` (underdamped); (M9) the implicit-damping \
    discretisation is heavy-ball Muon with an exact discrete energy identity and is monotone for \
    `h ≤ 2γ√ε/L_f`.
    """
  public let defaultSeed: UInt64 = 11

  static let rows = Parameter<Int>.integer(
    "m", default: 3, in: 1...8, help: "rows of G, W, P (a wide m < n is drawn as n × m)")
  static let columns = Parameter<Int>.integer(
    "n", default: 2, in: 1...8, help: "columns of G, W, P (closed forms for n = 2, SVD otherwise)")
  static let epsilon = Parameter<Rational>.rational(
    "eps", default: Rational(1, 4), in: Rational(1, 1_000_000)...100,
    help: "smoothing ε (ε ≠ 1 for the M2 control)")
  static let damping = Parameter<Rational>.rational(
    "gamma", default: Rational(7, 10), in: Rational(1, 100)...10,
    help: "damping γ of the dynamics instance")
  static let features = Parameter<Int>.integer(
    "features", default: 3, in: 1...8, help: "features k of the particle objective")
  static let particles = Parameter<Int>.integer(
    "particles", default: 2, in: 1...8, help: "particles N")
  static let dynamicsSeed = Parameter<Int>.integer(
    "dynamics_seed", default: 12, in: 0...1_000_000,
    help: "SplitMix64 seed of the dynamics instance")
  static let scale = Parameter<Rational>.rational(
    "scale", default: 1, in: Rational(1, 1000)...1000,
    help: "entry scale of the smoothing instance's G")

  public var parameters: [any ParameterDeclaration] {
    [
      Self.rows, Self.columns, Self.epsilon, Self.damping, Self.features, Self.particles,
      Self.dynamicsSeed, Self.scale,
    ]
  }

  /// The smoothing instance (M1–M4) and the dynamics instance (M5–M7) the parameters select.
  public struct Instance: Sendable {
    let smoothing: SmoothingMeasurements
    let dynamics: DynamicsMeasurements
    let precision: Int
  }

  public func instance(_ arguments: Arguments) -> Instance {
    // Matrices are tall (m ≥ n); a wide shape is the spec's "work with Gᵀ": it is drawn tall.
    let (m, n) = (
      max(arguments[Self.rows], arguments[Self.columns]),
      min(arguments[Self.rows], arguments[Self.columns])
    )
    return Instance(
      smoothing: SmoothingMeasurements(
        instance: .init(rows: m, columns: n, seed: arguments.seed, scale: arguments[Self.scale]),
        epsilon: arguments[Self.epsilon]),
      dynamics: DynamicsMeasurements(
        instance: .init(
          rows: m, columns: n, features: arguments[Self.features],
          particles: arguments[Self.particles], seed: UInt64(arguments[Self.dynamicsSeed])),
        epsilon: arguments[Self.epsilon], damping: arguments[Self.damping]),
      precision: arguments.precision)
  }

  public func measure(_ instance: Instance, _ measurements: Measurements) {
    let (smoothing, dynamics) = (instance.smoothing, instance.dynamics)
    smoothing.record(in: measurements)
    dynamics.record(in: measurements)
    let trajectory = TrajectoryRun.run(dynamics, precision: instance.precision)
    measurements.record("H_T", trajectory.finalEnergy)
    measurements.record("Q_T", trajectory.dissipated)
    let rates = RateRun.runs(precision: instance.precision)
    for rate in rates { measurements.record("kappa_fit_\(rate.rate.name)", rate.fittedRate) }
    measurements.add(smoothing.checks())
    measurements.add(dynamics.checks())
    measurements.add(trajectory.integratedDissipationCheck)
    measurements.add(dynamics.objectiveRateCheck())
    measurements.add(trajectory.objectiveIncreasesCheck)
    measurements.add(RateRun.checks(rates))
    measurements.add(DiscreteRun.checks())
  }
}
