import Numeric

/// The activations of the copy-average claim and their pair kernels
/// `g(u, v) = E_x[σ(u·x) σ(v·x)]`, `x ~ N(0, I_d)`, in closed form.
///
/// Each kernel depends on `u` and `v` only through `|u|²`, `|v|²` and `u·v`, and is written
/// generically over `Scalar`, so the loss built on it is differentiated by AD with the
/// accuracy of its evaluation (gradients by reverse mode; Hessians by forward over reverse on
/// the kernel's three inputs, carried to the weights by the Gram chain rule).
///
/// - erf kernels, `σ(z) = erf(z √(κ/2))` (κ = 1: `erf(z/√2)`; κ = 2: plain `erf z`):
///   `g = (2/π) asin ρ`, `ρ = κ u·v / √((1 + κ|u|²)(1 + κ|v|²))` (Saad–Solla's arcsine
///   kernel). On the diagonal `ρ = κ|u|²/(1 + κ|u|²) < 1`, so AD needs no care there.
/// - ReLU: the degree-1 arc-cosine kernel `g = |u||v| (sin θ + (π − θ) cos θ)/(2π)`,
///   `cos θ = t = u·v/(|u||v|)`, with `t` clamped to `[−1, 1]` against rounding. It is C¹ but not
///   C² at `t = ±1`, and AD through `acos t` and `√(1 − t²)` there gives `∞ · 0`: the diagonal
///   is therefore the closed form `g(u, u) = |u|²/2`, and a gradient at two different aligned
///   arguments must come from the explicit formula (`ReLULossGradient`), with no Hessian.
enum StudentActivation: String, CaseIterable, Sendable {
  /// `erf(z/√2)`, the main activation (κ = 1).
  case erf
  /// Plain `erf z` (κ = 2), the C2 variant.
  case plainErf
  case relu

  /// The scaling κ of the erf kernels; nil for ReLU.
  var kappa: Int? {
    switch self {
    case .erf: 1
    case .plainErf: 2
    case .relu: nil
    }
  }

  /// `σ(z)` as written in the spec.
  var formula: String {
    switch self {
    case .erf: "erf(z/√2)"
    case .plainErf: "erf(z)"
    case .relu: "max(z, 0)"
    }
  }

  /// `g(u, v)` from `uu = |u|²`, `vv = |v|²`, `uv = u·v`, for two different arguments.
  func pair<S: Scalar>(_ uu: S, _ vv: S, _ uv: S) -> S {
    switch self {
    case .erf, .plainErf:
      let kappa = S(kappa!)
      let rho = kappa * uv / S.sqrt((1 + kappa * uu) * (1 + kappa * vv))
      return 2 / S.pi * S.asin(rho)
    case .relu:
      let norms = S.sqrt(uu * vv)
      let t = S.minOrNaN(S.maxOrNaN(uv / norms, -1), 1)
      return norms * (S.sqrt(1 - t * t) + (S.pi - S.acos(t)) * t) / (2 * S.pi)
    }
  }

  /// `g(u, u)` from `uu = |u|²`.
  func diagonal<S: Scalar>(_ uu: S) -> S {
    switch self {
    case .erf, .plainErf:
      let kappa = S(kappa!)
      return 2 / S.pi * S.asin(kappa * uu / (1 + kappa * uu))
    case .relu:
      return uu / 2
    }
  }
}
