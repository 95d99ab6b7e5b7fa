import Numeric
import Symbolic

/// The first two moments at time `T` of the SDE limit of a ``LinearEMAModel``,
///
///     dΘ = −(aΘ − cZ − b) dt + √γ dW,      dZ = β(Θ − Z) dt,
///
/// whose mean solves `m′ = F m + (b, 0)` and covariance `P′ = F P + P Fᵀ + γ e₁e₁ᵀ` with
/// `F = [[−a, c], [β, −β]]`, from `m(0) = (θ₀, ζ₀)`, `P(0) = 0`.
///
/// Both are linear with constant forcing, so each is one matrix exponential of an augmented
/// system whose extra coordinate is the constant 1 (spec Section 3): 3 × 3 for the mean,
///
///     (m₁, m₂, 1)′ = [[−a, c, b], [β, −β, 0], [0, 0, 0]] (m₁, m₂, 1),
///
/// and 4 × 4 for the covariance entries `(P₁₁, P₁₂, P₂₂, 1)`, from `P₁₁′ = −2aP₁₁ + 2cP₁₂ + γ`,
/// `P₁₂′ = βP₁₁ − (a + β)P₁₂ + cP₂₂`, `P₂₂′ = 2βP₁₂ − 2βP₂₂`. ``Matrix/exponential()`` is
/// accurate to a few units of the working precision times `2^s` for `s` squarings (in the
/// claim's parameter box `‖AT‖_∞ ≤ 24`, so `s ≤ 6`): about 2^−244 at 256 bits.
///
/// A second, independent route integrates the same five equations, unaugmented, with the
/// ``TaylorIntegrator`` (order 60, local tolerance `2^(−p−16)`); the two must agree to the
/// working precision at every precision.
enum SDEMoments {
  static func observables(of model: LinearEMAModel) throws -> Observables<BigFloat> {
    let (a, c, b, beta) = (model.a, model.c, model.b, model.beta)
    let mean = Matrix<BigFloat>(
      rounding: [-a, c, b, beta, -beta, 0, 0, 0, 0].map { $0 * model.horizon }, 3, 3)
    let covariance = Matrix<BigFloat>(
      rounding: [
        -2 * a, 2 * c, 0, model.gamma,
        beta, -a - beta, c, 0,
        0, 2 * beta, -2 * beta, 0,
        0, 0, 0, 0,
      ].map { $0 * model.horizon }, 4, 4)
    let m = try mean.exponential() * [BigFloat(model.theta0), BigFloat(model.zeta0), 1]
    // P(0) = 0: the moments at T are the last column of the exponential.
    let p = try covariance.exponential().column(3)
    return Observables(mean: (m[0], m[1]), covariance: (p[0], p[1], p[2]))
  }

  /// The moments by Taylor integration of `m′ = Fm + (b, 0)`, `P′ = FP + PFᵀ + γe₁e₁ᵀ`; with
  /// `transposeTerm` false, of the wrong `P′ = FP + γe₁e₁ᵀ` (a negative control).
  static func integrated(of model: LinearEMAModel, transposeTerm: Bool = true)
    -> Observables<BigFloat>
  {
    typealias J = Jet<BigFloat>
    let f = model.drift.map { J.constant(BigFloat($0)) }
    let (b, gamma) = (J.constant(BigFloat(model.b)), J.constant(BigFloat(model.gamma)))
    let integrator = TaylorIntegrator<BigFloat>(
      order: 60, tolerance: BigFloat(Rational.pow(2, -Precision.bits - 16))
    ) { y in
      let (m1, m2, p11, p12, p22) = (y[0], y[1], y[2], y[3], y[4])
      // F P, and P Fᵀ = (F P)ᵀ since P is symmetric.
      let fp = [
        f[0] * p11 + f[1] * p12, f[0] * p12 + f[1] * p22,
        f[2] * p11 + f[3] * p12, f[2] * p12 + f[3] * p22,
      ]
      let pf = transposeTerm ? [fp[0], fp[2], fp[3]] : Array(repeating: J.constant(0), count: 3)
      return [
        f[0] * m1 + f[1] * m2 + b, f[2] * m1 + f[3] * m2,
        fp[0] + pf[0] + gamma, fp[1] + pf[1], fp[3] + pf[2],
      ]
    }
    let start = [BigFloat(model.theta0), BigFloat(model.zeta0), 0, 0, 0]
    return Observables(
      components: integrator.solve(from: start, at: [BigFloat(model.horizon)]).states[0])
  }
}
