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

  public var parameters: [Parameter] {
    [
      .integer(
        "m", default: 3, in: 1...8, help: "rows of G, W, P (a wide m < n is drawn as n × m)"),
      .integer(
        "n", default: 2, in: 1...8,
        help: "columns of G, W, P (closed forms for n = 2, SVD otherwise)"),
      .rational(
        "eps", default: Rational(1, 4), in: Rational(1, 1_000_000)...100,
        help: "smoothing ε (ε ≠ 1 for the M2 control)"),
      .rational(
        "gamma", default: Rational(7, 10), in: Rational(1, 100)...10,
        help: "damping γ of the dynamics instance"),
      .integer("features", default: 3, in: 1...8, help: "features k of the particle objective"),
      .integer("particles", default: 2, in: 1...8, help: "particles N"),
      .integer(
        "dynamics_seed", default: 12, in: 0...1_000_000,
        help: "SplitMix64 seed of the dynamics instance"),
      .rational(
        "scale", default: 1, in: Rational(1, 1000)...1000,
        help: "entry scale of the smoothing instance's G"),
    ]
  }

  public func run(_ context: Context) throws -> [any Check] {
    // Matrices are tall (m ≥ n); a wide shape is the spec's "work with Gᵀ": it is drawn tall.
    let (m, n) = (
      max(context.integer("m"), context.integer("n")),
      min(context.integer("m"), context.integer("n"))
    )
    let smoothing = SmoothingMeasurements(
      instance: .init(rows: m, columns: n, seed: context.seed, scale: context.rational("scale")),
      epsilon: context.rational("eps"))
    let dynamics = DynamicsMeasurements(
      instance: .init(
        rows: m, columns: n, features: context.integer("features"),
        particles: context.integer("particles"), seed: UInt64(context.integer("dynamics_seed"))),
      epsilon: context.rational("eps"), damping: context.rational("gamma"))
    smoothing.record(in: context)
    dynamics.record(in: context)
    let trajectory = try TrajectoryRun.run(dynamics, precision: context.precision).get()
    context.record("H_T", trajectory.finalEnergy)
    context.record("Q_T", trajectory.dissipated)
    let rates = RateRun.runs(precision: context.precision)
    for rate in rates { context.record("kappa_fit_\(rate.rate.name)", rate.fittedRate) }
    let integrated = TrajectoryRun.checks(trajectory)
    return smoothing.checks() + dynamics.checks()
      + [integrated[0], dynamics.objectiveRateCheck(), integrated[1]]
      + RateRun.checks(rates) + DiscreteRun.checks(context)
  }
}
