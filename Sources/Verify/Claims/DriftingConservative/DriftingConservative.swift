import Numeric

/// "Finite-Particle Convergence Rates for Conservative and Non-Conservative Drifting Models"
/// (arXiv, 2026), on the displacement drift of Deng et al., "Generative Modeling via Drifting"
/// (arXiv:2602.04770). Spec: `shared/claims/drifting-conservative.md`, claims C1–C4: the exact
/// divergence of the N-particle conservative field with its reciprocal-KDE self term (C1) and
/// its Liouville form along the flow (C1b); the conservative velocity is a gradient field, the
/// Laplace displacement drift has a curl (C2); the sharp-companion split of the Laplace drift
/// (C3); the rate exponents of the bias–variance bound (C4). Only the abstract was read: every
/// explicit formula is derived in the spec and reported as such. The checks live beside this
/// file (`DriftingConservative+*.swift`); no reference value of the spec appears here.
public struct DriftingConservative: Claim {
  public init() {}

  public let id = "drifting-conservative"
  /// A scheduling hint: the default run takes about 31 s.
  public var schedulingWeight: Int { 31 }
  public let title =
    "Conservative KDE-score drifting: the finite-particle divergence identity, gradient structure, the sharp split of the Laplace drift, rate exponents"
  public let source = Source(
    title: "Finite-Particle Convergence Rates for Conservative and Non-Conservative Drifting Models",
    arxiv: "2026 (number not given in the spec)",
    location: "abstract; the explicit forms (divergence constant, Liouville form, companion kernel, curl, bound shape) are derived in the spec, claims C1–C4")
  public let statement = """
    Gaussian sums `S_P`, `S_Q` over data and particles, bandwidth h. (C1) The N-particle field \
    `F_i = ∇ log S_P(x_i) − ∇_z log S_Q(x_i)` (own kernel in `S_Q`) has `div F = Σ_i [Δ log \
    S_P(x_i) − Δ_z log S_Q(x_i) − d/(h² S_Q(x_i))]`, the last the reciprocal-KDE self term; the \
    leave-one-out field has none. (C1b) Along the flow `log det DΦ_T = ∫_0^T div F dt`, the \
    joint-entropy change. (C2) `v = ∇ log S_P − ∇ log S_Q` is a gradient field (symmetric \
    Jacobian, zero circulation) and `V_g = h² v`; the Laplace displacement drift V_k has \
    `curl V_k = −τ²[(∇K_P × ∇K#_P)/K_P² − (∇K_Q × ∇K#_Q)/K_Q²]` and a non-zero circulation. (C3) \
    With the companion `k#(r) = (1 + r/τ)e^{−r/τ}`, `V_k = τ² r_P (s#_P − s#_Q) + τ² (r_P − r_Q) \
    s#_Q`. (C4) `E(h) = A h^{2−β} + B/(N h^{d+2})` is minimised at \
    `h* = ((d+2)B/((2−β)AN))^{1/(d+4−β)}` with `√E(h*) ∝ N^{−(2−β)/(2(d+4−β))}` (`N^{−1/(d+4)}` at \
    β = 0); on a lattice the self term is `d δ^d/((2π)^{d/2} h^{d+2} ϑ^d)`.
    """
  public let defaultSeed: UInt64 = 2026

  /// Everything the checks run on, drawn and validated once.
  public struct Instance: Sendable {
    let divergence: DivergenceSetting
    let planar: PlanarSetting
    let rates: RateSetting
  }

  public func instance(_ arguments: Arguments) throws(UsageError) -> Instance {
    Instance(
      divergence: DivergenceSetting(arguments), planar: try PlanarSetting(arguments),
      rates: try RateSetting(arguments))
  }

  public func measure(_ instance: Instance, _ measurements: Measurements) throws {
    measurements.add(instance.divergence.divergenceChecks(recordingIn: measurements))
    measurements.add(try instance.divergence.liouvilleChecks(recordingIn: measurements))
    measurements.add(try instance.planar.curlChecks(recordingIn: measurements))
    measurements.add(instance.planar.sharpSplitChecks(recordingIn: measurements))
    measurements.add(try instance.rates.rateChecks(recordingIn: measurements))
    measurements.add(instance.rates.latticeChecks(recordingIn: measurements))
  }
}
