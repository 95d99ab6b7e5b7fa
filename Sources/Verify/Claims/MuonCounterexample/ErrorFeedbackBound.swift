import Numeric

/// The rate bound (iii) of C4 for EF-Muon with a constant step `γ` over `T` steps:
/// `B(γ, T) = R²/(2γT) + γ C` with `C = L_F²/2 + L_F(√r L_op + β L_F/(1−β))`, minimised by
/// `γ_T = R/√(2CT)` (where `B = R√(2C)/√T`), for an oracle with `‖G‖_F ≤ L_F`, `‖G‖_op ≤ L_op` on
/// matrices of rank at most `r`, `R = ‖W₀ − W*‖_F`. Evaluated in MPFR at the inputs' precision.
struct ErrorFeedbackBound {
  let distance: BigFloat
  let frobeniusLipschitz: BigFloat
  let operatorLipschitz: BigFloat
  let rank: Int
  let beta: BigFloat

  /// `C = L_F²/2 + L_F(√r L_op + β L_F/(1−β))`.
  var constant: BigFloat {
    let lf = frobeniusLipschitz
    let momentumDrift = beta * lf / (1 - beta)
    return lf * lf / 2 + lf * (BigFloat.sqrt(BigFloat(rank, precision: lf.precision)) * operatorLipschitz + momentumDrift)
  }

  /// `γ_T = R/√(2CT)` on the spec's `2⁻⁶⁰` grid, exactly.
  func tunedStep(horizon: Int) -> Rational {
    StepSchedule.onGrid(distance / BigFloat.sqrt(2 * constant * BigFloat(horizon, precision: distance.precision)))
  }

  /// `B(γ, T) = R²/(2γT) + γC`.
  func bound(step: Rational, horizon: Int) -> BigFloat {
    let gamma = BigFloat(step, precision: distance.precision)
    return distance * distance / (2 * gamma * BigFloat(horizon, precision: distance.precision))
      + gamma * constant
  }
}
