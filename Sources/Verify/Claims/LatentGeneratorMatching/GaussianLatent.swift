import Numeric
import Symbolic

/// The linear-Gaussian latent of spec C4: `Y = (X, Z)`, `dY = AY dt + G dW`, `Σ = GGᵀ`,
/// `Y₀ ~ N(0, C₀)`. The covariance solves the Lyapunov equation `C′ = AC + CAᵀ + Σ`,
///
///     C₁₁′ = 2(a₁₁C₁₁ + a₁₂C₁₂) + Σ₁₁,
///     C₁₂′ = a₂₁C₁₁ + (a₁₁ + a₂₂)C₁₂ + a₁₂C₂₂ + Σ₁₂,
///     C₂₂′ = 2(a₂₁C₁₂ + a₂₂C₂₂) + Σ₂₂,
///
/// and the projected diffusion of `X` (drift `E[(AY)₁ | X = x] = (a₁₁ + a₁₂C₁₂/C₁₁)x`, the law
/// centred, diffusion `Σ₁₁`) has variance `v′ = 2(a₁₁ + a₁₂C₁₂/C₁₁)v + Σ₁₁`, `v₀ = C₀,₁₁`.
struct GaussianLatent: Sendable {
  /// `a₁₁, a₁₂, a₂₁, a₂₂`.
  let drift: [Rational]
  /// `Σ₁₁, Σ₁₂, Σ₂₂` from the lower-triangular `G = [[g₁₁, 0], [g₂₁, g₂₂]]`.
  let sigma: [Rational]
  /// `C₀,₁₁, C₀,₁₂, C₀,₂₂`.
  let start: [Rational]

  init(drift: [Rational], diffusion g: [Rational], start: [Rational]) {
    self.drift = drift
    sigma = [g[0] * g[0], g[0] * g[1], g[1] * g[1] + g[2] * g[2]]
    self.start = start
  }

  /// `(C₁₁, C₁₂, C₂₂)` at each time: the Lyapunov equation is linear with constant forcing, so
  /// with the extra coordinate 1 it is one matrix exponential of the 4 × 4 augmented system
  /// (the symmetric form of `K = A ⊗ I + I ⊗ A` with `vec Σ` as its last column), accurate to
  /// a few units of the working precision times `2^s` for `s` squarings.
  func covariances(at times: [Rational]) throws -> [[BigFloat]] {
    let (a11, a12, a21, a22) = (drift[0], drift[1], drift[2], drift[3])
    let generator: [Rational] = [
      2 * a11, 2 * a12, 0, sigma[0],
      a21, a11 + a22, a12, sigma[1],
      0, 2 * a21, 2 * a22, sigma[2],
      0, 0, 0, 0,
    ]
    return try times.map { t in
      let flow = try Matrix<BigFloat>(rounding: generator.map { $0 * t }, 4, 4).exponential()
      return Array((flow * (start.map { BigFloat($0) } + [1])).prefix(3))
    }
  }

  /// `(C₁₁, C₁₂, C₂₂, v)` at each time by the ``TaylorIntegrator`` on the joint system; with
  /// `transposeTerm` false, of the wrong `C′ = AC + Σ` (a negative control of the cross-check).
  func integrated(at times: [Rational], order: Int, tolerance: BigFloat, transposeTerm: Bool = true)
    -> [[BigFloat]]
  {
    typealias J = Jet<BigFloat>
    let a = drift.map { J.constant(BigFloat($0)) }
    let s = sigma.map { J.constant(BigFloat($0)) }
    let integrator = TaylorIntegrator<BigFloat>(order: order, tolerance: tolerance) { y in
      let (c11, c12, c22, v) = (y[0], y[1], y[2], y[3])
      // A C, and C Aᵀ = (A C)ᵀ since C is symmetric.
      let ac = [a[0] * c11 + a[1] * c12, a[0] * c12 + a[1] * c22, a[2] * c11 + a[3] * c12, a[2] * c12 + a[3] * c22]
      let ca = transposeTerm ? [ac[0], ac[2], ac[3]] : [J.constant(0), J.constant(0), J.constant(0)]
      let rate = a[0] + a[1] * c12 / c11
      return [ac[0] + ca[0] + s[0], ac[1] + ca[1] + s[1], ac[3] + ca[2] + s[2], 2 * rate * v + s[0]]
    }
    let y0 = start.map { BigFloat($0) } + [BigFloat(start[0])]
    return integrator.solve(from: y0, at: times.map { BigFloat($0) }).states
  }

  /// The variance of an Ornstein–Uhlenbeck process with constant rate r and diffusion Σ₁₁,
  /// `w_t = e^{2rt} w₀ + Σ₁₁ (e^{2rt} − 1)/(2r)` (`w₀ + Σ₁₁t` at r = 0), from `w₀ = C₀,₁₁`: the
  /// wrong projections of the controls (r = a₁₁, the latent ignored; r = a₁₁ + a₁₂C₀,₁₂/C₀,₁₁,
  /// the regression frozen at t = 0).
  func constantRateVariance(rate r: Rational, at t: Rational) -> BigFloat {
    let w0 = BigFloat(start[0])
    let s = BigFloat(sigma[0])
    guard r != 0 else { return w0 + s * BigFloat(t) }
    let growth = BigFloat.expMinusOne(BigFloat(2 * r * t))
    return w0 + w0 * growth + s * growth / BigFloat(2 * r)
  }

  var ignoredRate: Rational { drift[0] }
  var frozenRate: Rational { drift[0] + drift[1] * start[1] / start[0] }
}
