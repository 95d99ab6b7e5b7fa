import Numeric

/// One SGD + EMA run of the ``LinearEMAModel``: learning rate `η`, momentum `ρ`, per-step
/// gradient-noise variance `σ²/B` and a number of steps.
///
/// Only the first two moments of the noise enter, so the mean `m = (E θ, E ζ)` and covariance
/// `P` obey, exactly (spec Section 1),
///
///     m_{k+1} = M m_k + u,      P_{k+1} = M P_k Mᵀ + (σ²/B) w wᵀ,
///     M = [[1 − ηa, ηc], [(1 − ρ)(1 − ηa), ρ + (1 − ρ)ηc]],
///     u = (ηb, (1 − ρ)ηb),      w = (−η, −(1 − ρ)η),
///
/// from `m₀ = (θ₀, ζ₀)`, `P₀ = 0`. Evaluated in `T` at its working precision, the recursion
/// loses about `log₂(steps)` bits to rounding: 14 bits for 12,288 steps.
struct MomentRecursion<T: Scalar>: Sendable {
  var learningRate: T
  var momentum: T
  var noiseVariance: T
  var steps: Int

  /// The observables after `steps` steps of `model`.
  func observables(of model: LinearEMAModel) -> Observables<T> {
    let (eta, rho) = (learningRate, momentum)
    let relax = 1 - rho
    let m11 = 1 - eta * T(model.a), m12 = eta * T(model.c)
    let m21 = relax * m11, m22 = rho + relax * m12
    let u1 = eta * T(model.b), u2 = relax * u1
    let w1 = -eta, w2 = -relax * eta
    let (q11, q12, q22) = (noiseVariance * w1 * w1, noiseVariance * w1 * w2, noiseVariance * w2 * w2)
    var (x, y) = (T(model.theta0), T(model.zeta0))
    var (p11, p12, p22) = (T.zero, T.zero, T.zero)
    for _ in 0..<steps {
      (x, y) = (m11 * x + m12 * y + u1, m21 * x + m22 * y + u2)
      // (M P)ᵢⱼ, then (M P Mᵀ)ᵢⱼ = Σₖ (M P)ᵢₖ Mⱼₖ; P stays symmetric.
      let a11 = m11 * p11 + m12 * p12, a12 = m11 * p12 + m12 * p22
      let a21 = m21 * p11 + m22 * p12, a22 = m21 * p12 + m22 * p22
      (p11, p12, p22) = (
        a11 * m11 + a12 * m12 + q11, a11 * m21 + a12 * m22 + q12, a21 * m21 + a22 * m22 + q22
      )
    }
    return Observables(mean: (x, y), covariance: (p11, p12, p22))
  }
}
