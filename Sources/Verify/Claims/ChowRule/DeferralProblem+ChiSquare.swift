import Numeric

/// Pearson χ² ideals, the non-KL control of C3: minimising `E_Q L + χ²(Q‖p)/λ_χ` over
/// distributions on X (Lagrange condition `L + (2/λ_χ)(q/p − 1) + μ = 0`, `Σ q = 1`) gives the
/// density `q/p = 1 + (λ_χ/2)(L̄ − L(x))`, `L̄ = Σ_x p(x) L(x)`, a distribution when positive.
extension DeferralProblem {
  /// `q/p` of the χ² ideal of the conditional risk `risk`.
  func chiSquareDensity(risk: [Rational], lambda: Rational) -> [Rational] {
    let mean = zip(mass, risk).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
    return risk.map { 1 + lambda / 2 * (mean - $0) }
  }

  /// `r_χ(x) = (q/p)_h / (q/p)_e`.
  func chiSquareRatio(lambda: Rational) -> [Rational] {
    zip(
      chiSquareDensity(risk: modelRisk, lambda: lambda),
      chiSquareDensity(risk: expertRisk, lambda: lambda)
    ).map { $0 / $1 }
  }
}
