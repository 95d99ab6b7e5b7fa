import Numeric

/// The discrete scheme (regularized Muon with implicit damping), step `h > 0`:
///
///     P_{k+1} = (P_k − h ∇f(W_k)) / (1 + γh),   W_{k+1} = W_k + h ∇Ψ_ε(P_{k+1}),
///
/// with energy `H_k = f(W_k) + Ψ_ε(P_k)`. With `β = 1/(1+γh)`, `ε' = ε/(hβ)²` and
/// `M_k = −P_k/(hβ)` it is heavy-ball Muon, `M_{k+1} = βM_k + ∇f(W_k)`,
/// `W_{k+1} = W_k − h ∇Ψ_{ε'}(M_{k+1})`, because `∇Ψ_ε(cX) = ∇Ψ_{ε/c²}(X)` for `c > 0`.
public struct RegularizedMuonScheme<Objective: ParticleObjective>: Sendable {
  public typealias T = Objective.Value
  public let objective: Objective
  public let kinetic: SmoothedNuclearNorm<T>
  public let damping: T
  public let step: T

  public init(objective: Objective, kinetic: SmoothedNuclearNorm<T>, damping: T, step: T) {
    self.objective = objective
    self.kinetic = kinetic
    self.damping = damping
    self.step = step
  }

  /// `∇f(W)`.
  public func gradient(_ w: Matrix<T>) -> Matrix<T> { objective.firstVariationGradients([w])[0] }

  /// One step `(W_k, P_k) ↦ (W_{k+1}, P_{k+1})`.
  public func advance(_ w: Matrix<T>, _ p: Matrix<T>) -> (w: Matrix<T>, p: Matrix<T>) {
    let divisor = 1 + damping * step
    let next = (p - step * gradient(w)) / divisor
    return (w + step * kinetic.gradient(next), next)
  }

  /// `H = f(W) + Ψ_ε(P)`.
  public func energy(_ w: Matrix<T>, _ p: Matrix<T>) -> T {
    objective.value([w]) + kinetic.value(p)
  }

  /// `β = 1/(1 + γh)`.
  public var momentumFactor: T { 1 / (1 + damping * step) }

  /// `ε' = ε/(hβ)²`, the regularization seen by heavy-ball Muon's orthogonalization.
  public var heavyBallEpsilon: T {
    let scale = step * momentumFactor
    return kinetic.epsilon / (scale * scale)
  }

  /// One heavy-ball Muon step `(W_k, M_k) ↦ (W_{k+1}, M_{k+1})`, computed without the
  /// Hamiltonian variables, orthogonalizing with `ε'` (or another `epsilon`).
  public func heavyBallAdvance(
    _ w: Matrix<T>, _ m: Matrix<T>, epsilon: T? = nil
  ) -> (w: Matrix<T>, m: Matrix<T>) {
    let beta = momentumFactor
    let next = beta * m + gradient(w)
    return (
      w - step * SmoothedNuclearNorm(epsilon: epsilon ?? heavyBallEpsilon).gradient(next), next
    )
  }

  /// The Bregman divergence `B_Ψ(P, Q) = Ψ_ε(P) − Ψ_ε(Q) − ⟨∇Ψ_ε(Q), P − Q⟩ ≥ 0`.
  public func bregman(_ p: Matrix<T>, _ q: Matrix<T>) -> T {
    kinetic.value(p) - kinetic.value(q)
      - kinetic.gradient(q).frobeniusInnerProduct(p - q)
  }

  /// The bound of the discrete dissipation inequality for an `L_f`-smooth `f`:
  /// `H_{k+1} − H_k ≤ −γh D(P_{k+1}) + (L_f h²/2) ‖∇Ψ_ε(P_{k+1})‖²`.
  public func energyChangeBound(next p: Matrix<T>, smoothness: T) -> T {
    let g = kinetic.gradient(p)
    return -damping * step * kinetic.dissipation(p)
      + smoothness * step * step * g.frobeniusInnerProduct(g) / 2
  }
}

extension RegularizedMuonScheme {
  /// The exact energy change for `f(W) = ½‖AW − B‖²`:
  /// `H_{k+1} − H_k = −γh D(P_{k+1}) − B_Ψ(P_k, P_{k+1}) + (h²/2) ‖A ∇Ψ_ε(P_{k+1})‖²`.
  public func energyChange<U>(from p: Matrix<T>, to next: Matrix<T>) -> T
  where Objective == LeastSquaresObjective<U> {
    let image = objective.a * kinetic.gradient(next)
    return -damping * step * kinetic.dissipation(next) - bregman(p, next)
      + step * step * image.frobeniusInnerProduct(image) / 2
  }
}
