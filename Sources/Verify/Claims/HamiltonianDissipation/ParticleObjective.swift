import Numeric

/// An objective on empirical measures of matrix particles, `J(ρ_N)` with
/// `ρ_N = (1/N) Σᵢ δ_{Wᵢ}`, and its first-variation gradient `∇_W (δJ/δρ)(Wᵢ)`.
///
/// The particle partials carry the `1/N` weights: `N ∂J(ρ_N)/∂Wᵢ = ∇_W (δJ/δρ)(Wᵢ)`. For one
/// particle both are the ordinary gradient of `f(W) = J(δ_W)`.
public protocol ParticleObjective: Sendable {
  associatedtype Value: Scalar

  /// `J(ρ_N)` for the particles `W₁ … W_N`.
  func value(_ particles: [Matrix<Value>]) -> Value

  /// `∇_W (δJ/δρ)(Wᵢ)` for every particle `i` (the force on particle `i`, up to sign).
  func firstVariationGradients(_ particles: [Matrix<Value>]) -> [Matrix<Value>]
}
