import Numeric
import Symbolic

/// The first two moments at time `T` of the SDE limit of a ``LinearEMAModel``,
///
///     dΘ = −(aΘ − cZ − b) dt + √γ dW,      dZ = β(Θ − Z) dt,
///
/// whose mean solves `m′ = F m + (b, 0)` and covariance `P′ = F P + P Fᵀ + γ e₁e₁ᵀ` with
/// `F = [[−a, c], [β, −β]]`, from `m(0) = (θ₀, ζ₀)`, `P(0) = 0`.
///
/// The library has no matrix exponential in `main` yet, so the five linear equations (for
/// `m₁, m₂, P₁₁, P₁₂, P₂₂`) are integrated with the ``TaylorIntegrator`` instead: for a linear
/// field with constant coefficients the Taylor series of order K has no error below order K+1,
/// and with order 60 and a local tolerance of `2^(−p−16)` per step the result is exact to the
/// working precision `p` up to rounding (the tests hold E θ_T of E1 to `1 − e^{−2}` within
/// `2^−240`, and every moment of E1 and E2 to the spec's 40 digits).
enum SDEMoments {
  static func observables(of model: LinearEMAModel) -> Observables<BigFloat> {
    typealias J = Jet<BigFloat>
    let f = model.drift.map { J.constant(BigFloat($0)) }
    let (b, gamma) = (J.constant(BigFloat(model.b)), J.constant(BigFloat(model.gamma)))
    let precision = Precision.bits
    let integrator = TaylorIntegrator<BigFloat>(
      order: 60, tolerance: BigFloat(Rational.pow(2, -precision - 16))
    ) { y in
      let (m1, m2, p11, p12, p22) = (y[0], y[1], y[2], y[3], y[4])
      return [
        f[0] * m1 + f[1] * m2 + b,
        f[2] * m1 + f[3] * m2,
        2 * (f[0] * p11 + f[1] * p12) + gamma,
        f[0] * p12 + f[1] * p22 + f[2] * p11 + f[3] * p12,
        2 * (f[2] * p12 + f[3] * p22),
      ]
    }
    let start = [BigFloat(model.theta0), BigFloat(model.zeta0), 0, 0, 0]
    let end = integrator.solve(from: start, at: [BigFloat(model.horizon)]).states[0]
    return Observables(components: end)
  }
}
