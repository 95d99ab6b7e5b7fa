import Numeric

/// The spec's linear SGD + EMA system (Section 1) in its SDE parametrisation: one scalar target
/// `θ` with minibatch gradient `g = aθ − cζ − b + ξ/√B` (`Var ξ = σ²`), and its EMA `ζ`, updated
/// after the optimiser step:
///
///     θ_{k+1} = θ_k − η g_k,      ζ_{k+1} = ρ ζ_k + (1 − ρ) θ_{k+1}.
///
/// `c ≠ 0` lets the EMA feed back into the target's gradient (a linear stand-in for BYOL). Runs
/// are parametrised by the EMA relaxation rate `β = (1 − ρ)/η`, the SDE noise level
/// `γ = η σ²/B` and the horizon `T`; as `η → 0` they approach the SDE
/// `dΘ = −(aΘ − cZ − b) dt + √γ dW`, `dZ = β(Θ − Z) dt` from `(θ₀, ζ₀)`.
struct LinearEMAModel: Sendable, Hashable {
  var a: Rational
  var c: Rational
  var b: Rational
  /// SDE noise level `γ`: the per-step gradient-noise variance of the base run is `γ/η`.
  var gamma: Rational
  /// EMA relaxation rate `β`: the base run's momentum is `ρ = 1 − βη`.
  var beta: Rational
  /// The horizon `T` every run covers exactly.
  var horizon: Rational
  var theta0: Rational
  var zeta0: Rational

  /// The drift matrix `F = [[−a, c], [β, −β]]` of the SDE, row-major.
  var drift: [Rational] { [-a, c, beta, -beta] }

  /// Whether the iteration matrix `M` of a run with learning rate `η` and momentum `ρ`
  /// (``MomentRecursion``) has spectral radius < 1, decided exactly.
  ///
  /// `M = [[1 − ηa, ηc], [(1 − ρ)(1 − ηa), ρ + (1 − ρ)ηc]]` has `det M = ρ(1 − ηa)` and
  /// `tr M = 1 − ηa + ρ + (1 − ρ)ηc`; both roots of `z² − tr·z + det` lie in the open unit disk
  /// iff `|det| < 1` and `|tr| < 1 + det` (Jury's criterion for degree 2).
  func isContracting(learningRate eta: Rational, momentum rho: Rational) -> Bool {
    let determinant = rho * (1 - eta * a)
    let trace = 1 - eta * a + rho + (1 - rho) * eta * c
    return determinant.magnitude < 1 && trace.magnitude < 1 + determinant
  }
}
