import Numeric

/// Tsimpos, Calvello, Belhadji, Nelsen, "One Operator for Many Densities: Amortized
/// Approximation of Conditioning by Neural Operators" (arXiv:2605.06873): the conditioning
/// operator `C(p)(x|y) = p(x, y)/pY(y)` is continuous on suitable classes of densities. Spec:
/// `shared/claims/gaussian-mixture-conditioning.md`; on Gaussian mixtures it checks the closed
/// form of the conditional (C1), a pointwise L1 Lipschitz bound (C2) and the tail-bump
/// counterexample that shows why the marginal must be bounded below (C3). Every L1 norm in x
/// is a sum of `erfc` integrals over the pieces between sign changes, enclosed in Arb balls
/// so that C2 and C3 are decided rigorously. No reference value of the spec appears here.
public struct MixtureConditioning: Claim {
  public init() {}

  public let id = "gaussian-mixture-conditioning"
  /// A scheduling hint: the default run takes about 2 s.
  public var schedulingWeight: Int { 2 }
  public let title =
    "Conditioning a Gaussian mixture: closed form, an L1 Lipschitz bound, and the tail counterexample"
  public let source = Source(
    title: "One Operator for Many Densities: Amortized Approximation of Conditioning by Neural Operators",
    arxiv: "2605.06873",
    location: "abstract and introduction (continuity of the conditioning operator; Gaussian-mixture "
      + "experiments); C1–C3 are derived in the spec, not the paper's theorem")
  public let statement = """
    For `p(x, y) = Σ_k π_k N((x, y); μ_k, S_k)` and `C(p)(·|y) = p(·, y)/pY(y)`: (C1, derived) \
    `C(p)(x|y) = Σ_k w_k(y) N(x; m_k(y), v_k)` with `w_k = π_k N(y; my_k, Syy_k)/pY`, \
    `m_k = mx_k + Sxy_k Syy_k⁻¹ (y − my_k)`, `v_k = Sxx_k − Sxy_k Syy_k⁻¹ Syx_k`. (C2, derived) \
    `‖C(p)(·|y) − C(q)(·|y)‖₁ ≤ 2 ‖p(·, y) − q(·, y)‖₁ / pY(y)`; along a mean shift `q_δ` the \
    left side is O(δ). (C3, derived) With `q = (1 − ε)p + εr`, `‖q − p‖_{L1(ℝ²)} ≤ 2ε` but \
    `‖C(q)(·|y) − C(p)(·|y)‖₁ = λ(y) ‖C(r)(·|y) − C(p)(·|y)‖₁`, \
    `λ = ε rY/((1 − ε)pY + ε rY)`, which is O(1) where `pY ≪ ε rY`: no uniform Lipschitz \
    constant without a lower bound on the marginal.
    """

  /// The instance of Section 3.1, decoded and validated.
  public struct Instance: Sendable {
    let mixture: GaussianMixture
    let ys: [Rational]
    let xs: [Rational]
    let mixture2: GaussianMixture
    let y2: [Rational]
    let shift: [Rational]
    let deltas: [Rational]
    let yLipschitz: Rational
    let bump: MixtureComponent
    let epsilon: Rational
    let yTail: [Rational]
  }

  public func measure(_ instance: Instance, _ measurements: Measurements) throws {
    measurements.add(try ClosedForm(instance).checks(recordingIn: measurements))
    measurements.add(try Stability(instance).checks(recordingIn: measurements))
    measurements.add(try TailBump(instance).checks(recordingIn: measurements))
  }
}
