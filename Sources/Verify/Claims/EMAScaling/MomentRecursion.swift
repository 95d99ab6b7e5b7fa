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
/// from `m₀ = (θ₀, ζ₀)`, `P₀ = 0`: the step is the affine ``MomentMap``, and `steps` steps are
/// its power, by binary powering (O(log steps) compositions). Evaluated in `T` at its working
/// precision, the run loses at most about `log₂(steps)` bits to rounding, the step-by-step
/// loop's bound too: 14 bits for 12,288 steps (``MomentMap/power(_:)``).
struct MomentRecursion<T: Scalar>: Sendable {
  var learningRate: T
  var momentum: T
  var noiseVariance: T
  var steps: Int

  /// The observables after `steps` steps of `model`.
  func observables(of model: LinearEMAModel) -> Observables<T> {
    let run = MomentMap(
      a: model.a, c: model.c, b: model.b, learningRate: learningRate, momentum: momentum,
      noiseVariance: noiseVariance
    ).power(steps)
    // P₀ = 0, so the covariance after the run is the map's Q.
    return Observables(
      mean: run.mean(from: (T(model.theta0), T(model.zeta0))), covariance: (run.q11, run.q12, run.q22))
  }
}
