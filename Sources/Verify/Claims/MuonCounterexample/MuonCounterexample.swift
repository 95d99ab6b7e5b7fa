import Numeric

/// Parshakova, Khaled, Crawshaw, Garrigos, Gower, "Muon Does Not Converge on Convex Lipschitz
/// Functions" (arXiv:2605.08980): on diagonal objectives Muon is signed momentum (C1); on a
/// convex Lipschitz trap its gap stays above a positive floor for every schedule (C2 for
/// β < 1/2, C3 for β ≥ 1/2), while plain subgradient descent converges (PC2); error feedback
/// restores the O(1/√T) rate (C4) and converges with decaying steps (C5). Spec:
/// `shared/claims/muon-counterexample.md`. Every diagonal run is exact (GMP rationals); the
/// generic polar factor runs in MPFR. No reference value of the spec appears here.
public struct MuonCounterexample: Claim {
  public init() {}

  public let id = "muon-counterexample"
  /// A scheduling hint: the default run takes about 3 s.
  public var schedulingWeight: Int { 3 }
  public let title = "Muon does not converge on convex Lipschitz functions; error feedback repairs it"
  public let source = Source(
    title: "Muon Does Not Converge on Convex Lipschitz Functions", arxiv: "2605.08980",
    location: "abstract (a)–(c); counterexamples, EF rate and proofs derived in the spec, C1–C5")
  public let statement = """
    Muon `M_t = β M_{t−1} + (1−β) G_t`, `W_{t+1} = W_t − γ_t msign(M_t)` (msign maps zero \
    singular values to zero). (C1) On `f(W) = φ(diag W)` its iterates are `W_0 + Diag(x_t − x_0)` \
    with `x_t` signed momentum on φ. (C2) On the trap `f_ε(W) = ε|W₁₁ + W₂₂| + |W₁₁ − W₂₂|` with \
    `β < 1/2`, `ε < 1 − 2β`, `tr W_0 > 0`, for every positive schedule: `tr W_t = tr W_0`, the \
    diagonal signs of `M_t` stay opposite and `f_ε(W_t) − f* ≥ ε tr W_0`; plain subgradient \
    descent converges on the same function (PC2). (C3) For `β ≥ 1/2`, `ε < (1−β)/(1+β)`, a \
    start in the exact interval `I(γ)` makes `sgn(W₁₁ − W₂₂)` alternate, `tr W_t = 2` and the \
    gap `≥ 2ε`. (C4) EF-Muon (`P_t = E_t + γ M_t`, `W_{t+1} = W_t − η msign(P_t)`, \
    `E_{t+1} = P_t − η msign(P_t)`, `η = γ L_op`) has `‖E_t‖_op ≤ η`, the virtual iterate \
    `Z_t = W_t − E_t − (γβ/(1−β)) M_{t−1}` with `Z_{t+1} = Z_t − γ G_t` exactly, and average gap \
    `≤ B(γ,T) = R²/(2γT) + γC`, `O(1/√T)` at `γ_T = R/√(2CT)`. (C5) With `γ_t = γ̄/√(t+1)` EF-Muon \
    drives the best gap far below the trap floor, the average gap decaying at least like `t^{−1/2}`.
    """
  public let defaultSeed: UInt64 = 3

  /// Everything the checks run on, decoded and validated once.
  public struct Instance: Sendable {
    let reduction: ReductionSetting
    let trap: TrapSetting
    let alternation: AlternationSetting
    let errorFeedback: ErrorFeedbackSetting
    let matrix: MatrixSetting
  }

  public func instance(_ arguments: Arguments) throws(UsageError) -> Instance {
    // MPFR evaluations of step sizes and bounds use at least the 128 bits the spec asks for.
    let bits = max(arguments.precision, 128)
    let trap = try TrapSetting(arguments, bits: bits)
    return Instance(
      reduction: try ReductionSetting(arguments, bits: bits), trap: trap,
      alternation: try AlternationSetting(arguments, trap: trap),
      errorFeedback: try ErrorFeedbackSetting(arguments, trap: trap),
      matrix: try MatrixSetting(arguments, bits: bits))
  }

  public func measure(_ instance: Instance, _ measurements: Measurements) throws {
    measurements.add(try instance.reduction.checks(recordingIn: measurements))
    measurements.add(try instance.trap.checks(recordingIn: measurements))
    measurements.add(try instance.alternation.checks(recordingIn: measurements))
    measurements.add(try instance.errorFeedback.trapChecks(recordingIn: measurements))
    measurements.add(try instance.matrix.checks(recordingIn: measurements))
    measurements.add(try instance.errorFeedback.anytimeChecks(recordingIn: measurements))
  }
}

extension Measurements {
  /// Records an exact rational as a decimal with `bits` of precision (≥ 128: 38 digits).
  func record(_ name: String, _ value: Rational, bits: Int) {
    record(name, BigFloat(value, precision: bits))
  }
}
