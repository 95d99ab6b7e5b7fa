import Numeric

/// Gibson & Reisinger, "Uniform Scaling Limits in AdamW-Trained Transformers"
/// (arXiv:2605.11059): the hidden states of a depth-L attention-only residual network and its
/// back-propagated variables converge to a forward–backward ODE system at rate `1/L`, with a
/// head-noise term in H, on a McKean–Vlasov drift, and AdamW's first step is depth-consistent.
/// Spec: `shared/claims/transformer-depth-limit.md`, claims C1–C5; the checks live beside this
/// file (`TransformerDepthLimit+*.swift`).
public struct TransformerDepthLimit: Claim {
  public init() {}

  public let id = "transformer-depth-limit"
  /// A scheduling hint: the default run takes about 8 s.
  public var schedulingWeight: Int { 8 }
  public let title =
    "Deep attention-only transformers converge to a forward–backward ODE at rate 1/L"
  public let source = Source(
    title: "Uniform Scaling Limits in AdamW-Trained Transformers", arxiv: "2605.11059",
    location: "the abstract's depth limit, rate O(L^-1 + L^-1/3 H^-1/2), McKean–Vlasov "
      + "structure and AdamW setting; the concrete model, the linear response of head noise and "
      + "the first AdamW step are derived in the spec (claims C1–C5)")
  public let statement = """
    On `X^{l+1} = X^l + F_{l/L}(X^l)/L`, `F_t(X)_i = Σ_j a_ij V(t) x_j`, \
    `a_ij = softmax_j(x_iᵀ M(t) x_j)`, `M(t) = M0 + t M1`, `V(t) = V0 + t V1`, with loss \
    `(1/(2n)) Σ_i |x_i − y_i|²` and adjoint `P = n ∂l/∂X`: (C1) `e_X(L) = c_X/L + O(L^-2)` \
    against the limit `dX/dt = F_t(X)`; (C2) `e_P(L) = c_P/L + O(L^-2)` against \
    `dP/dt = −J_tᵀP`, `P(1) = X(1) − Y`, and the value-gradient density \
    `L ∂l/∂V_{tL} → G(t) = (1/n) Σ_ij a_ij P_i x_jᵀ` at rate 1/L; (C3, linear response derived) \
    independent head noise `σΞ_{h,l}` gives mean square fluctuation `σ² S(L)/(3H)` with \
    `L S(L) → S_inf`: RMS `∝ (LH)^-1/2`, inside the paper's `L^-1/3 H^-1/2`; (C4) non-causal \
    attention is permutation equivariant and invariant under token duplication (the drift \
    depends on the empirical measure only); (C5, derived) the first AdamW step with ε/L \
    converges to `u(t) = −lr (G/(|G| + ε) + wd V(t))`, uniformly O(lr) in L.
    """
  public let defaultSeed: UInt64 = 5

  public var parameters: [any ParameterDeclaration] {
    [
      Self.tokens, Self.dimension, Self.scaleM, Self.scaleV, Self.depths, Self.sDepths, Self.lr,
      Self.wd, Self.eps, Self.sigma, Self.replicates, Self.heads, Self.mcDepths, Self.mcSeed,
    ]
  }

  /// The instance and the grids of every part.
  public struct Instance: Sendable {
    /// The tokens, targets and parameter paths of C1–C5.
    public let attention: AttentionInstance
    let depths: [Int]
    /// The depths of C3's sensitivity `S(L)`.
    public let sensitivityDepths: [Int]
    let lr: Rational
    let wd: Rational
    let eps: Rational
    let noise: HeadNoise
    let heads: [Int]
    let monteCarloDepths: [Int]
  }

  public func measure(_ instance: Instance, _ measurements: Measurements) throws {
    let study = DepthStudy(
      instance.attention, depths: instance.depths, lr: instance.lr, wd: instance.wd,
      eps: instance.eps)
    let noise = HeadNoiseStudy(instance)
    let meanField = MeanFieldStudy(instance: instance.attention, depth: instance.depths[1])
    study.record(in: measurements)
    noise.record(in: measurements)
    meanField.record(in: measurements)
    measurements.add(study.depthLimitChecks())
    measurements.add(noise.checks())
    measurements.add(meanField.checks())
    measurements.add(study.firstStepChecks())
  }
}
