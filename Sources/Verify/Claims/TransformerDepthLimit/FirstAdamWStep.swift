import Numeric

/// C5: the first update of layer l's value matrix from zero moments, entrywise in the gradient
/// `g = ∂l/∂V_l = O(1/L)`. With bias correction AdamW's first moments are `m̂ = g`, `v̂ = g²`,
/// so its step is `−lr (g/(|g| + ε) + wd V_l)`, whatever β₁, β₂.
enum FirstStepRule: String, CaseIterable, Sendable {
  /// AdamW with `ε_L = ε/L`: the depth-consistent rule of the claim.
  case adamW = "adamw"
  /// Plain SGD, `−lr g`: each layer moves by `O(1/L)`.
  case sgd = "sgd"
  /// AdamW with an `L`-independent ε.
  case adamWFixedEps = "adamw_fixed_eps"

  var summary: String {
    switch self {
    case .adamW: "AdamW with ε/L"
    case .sgd: "SGD (dV_l = −lr g)"
    case .adamWFixedEps: "AdamW with fixed ε"
    }
  }

  /// `dV_l` for the gradient `g`, the layer's value matrix `v` and depth `L`.
  func update<T: Scalar>(
    gradient g: Matrix<T>, value v: Matrix<T>, depth: Int, lr: T, wd: T, eps: T
  ) -> Matrix<T> {
    switch self {
    case .adamW: Self.adaptive(g, v, lr: lr, wd: wd, eps: eps / T(depth))
    case .sgd: -lr * g
    case .adamWFixedEps: Self.adaptive(g, v, lr: lr, wd: wd, eps: eps)
    }
  }

  /// `−lr (g/(|g| + ε) + wd v)` entrywise. With `g → G/L`, `ε → ε/L` this is the limit target
  /// `u(t) = −lr (G/(|G| + ε) + wd V(t))`.
  static func adaptive<T: Scalar>(_ g: Matrix<T>, _ v: Matrix<T>, lr: T, wd: T, eps: T) -> Matrix<T> {
    -lr * (g.combined(with: v) { g, v in g / (g.magnitude + eps) + wd * v })
  }
}
