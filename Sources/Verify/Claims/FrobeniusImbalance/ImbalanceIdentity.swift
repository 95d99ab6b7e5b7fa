import Numeric

/// The two sides of the Frobenius imbalance identity (C1) of a biasless MLP,
///
///     dΔ_l/dt = −2 S_{l+1} + 2 S_l  =  (2/n) Σ_p ⟨g_l(x_p), φ_σ(z_l(x_p))⟩,
///
/// where `Δ_l = ‖W_{l+1}‖²_F − ‖W_l‖²_F`, `S_l = ⟨W_l, ∇_{W_l}L⟩_F` is the scaling derivative
/// and `φ_σ(z) = zσ′(z) − σ(z)` the Euler defect. The left side uses only the loss's scaling
/// behaviour (tangent passes), the right side only back-propagated signals: they share the
/// forward pass and `∇_ŷ ℓ` (one ``BiaslessMLP/Propagation``) and nothing else.
public struct ImbalanceIdentity<T: Scalar> {
  public let network: BiaslessMLP<T>
  public let data: Dataset<T>
  public let loss: PerSampleLoss
  /// `S_1 … S_L` (stored 0-based), by tangent passes.
  public let scalingDerivatives: [T]
  /// The network run once on every sample, which both sides read.
  public let propagation: BiaslessMLP<T>.Propagation

  public init(network: BiaslessMLP<T>, data: Dataset<T>, loss: PerSampleLoss) {
    self.network = network
    self.data = data
    self.loss = loss
    let propagation = network.propagate(data, loss)
    self.propagation = propagation
    scalingDerivatives = (1...network.depth).map {
      network.scalingDerivative(layer: $0, of: propagation)
    }
  }

  /// `S_l`, 1-based.
  public func s(_ l: Int) -> T { scalingDerivatives[l - 1] }

  /// The left side `dΔ_l/dt = −2 S_{l+1} + 2 S_l` (gradient flow: `d‖W_l‖²/dt = −2 S_l`).
  public func lhs(_ l: Int) -> T { T(2) * (s(l) - s(l + 1)) }

  /// The normaliser `max(|S_l|, |S_{l+1}|)`, which keeps residuals meaningful where both
  /// sides vanish (class A).
  public func scale(_ l: Int) -> T { T.maxOrNaN(s(l).magnitude, s(l + 1).magnitude) }

  /// A right-hand side `factor · (1/n) Σ_p ⟨g_m, ψ(z_m)⟩` at layer m. The true statement is
  /// `factor = 2`, `ψ = φ_σ`, `m = l`; the claim's negative controls change one of them.
  public func rhs(layer m: Int, factor: T = T(2), defect psi: (T) -> T) -> T {
    let units = network.upstreamDefectAverages(layer: m, of: propagation, defect: psi)
    return factor * units.reduce(T.zero, +)
  }

  /// The true right-hand side, with the Euler defect of the network's activation.
  public func rhs(_ l: Int) -> T {
    let activation = network.activation
    return rhs(layer: l) { activation.defect($0) }
  }

  /// `ρ = |lhs(l) − value| / max(|S_l|, |S_{l+1}|)`.
  public func residual(_ l: Int, against value: T) -> T {
    (lhs(l) - value).magnitude / scale(l)
  }

  /// The neuron-wise left side (C2) for unit i (1-based) of hidden layer l, pairing row i of
  /// `W_l` with column j of `W_{l+1}` (j = i is the true statement):
  /// `−2 ⟨W_{l+1}[:, j], ∇_{W_{l+1}[:, j]} L⟩ + 2 ⟨W_l[i, :], ∇_{W_l[i, :]} L⟩`,
  /// returned with its normaliser, the larger magnitude of the two inner products.
  public func unitLHS(layer l: Int, row i: Int, column j: Int, gradients: [Matrix<T>])
    -> (value: T, scale: T)
  {
    let rowTerm = zip(network.weight(l).row(i - 1), gradients[l - 1].row(i - 1))
      .reduce(T.zero) { $0 + $1.0 * $1.1 }
    let columnTerm = zip(network.weight(l + 1).column(j - 1), gradients[l].column(j - 1))
      .reduce(T.zero) { $0 + $1.0 * $1.1 }
    return (T(2) * (rowTerm - columnTerm), T.maxOrNaN(rowTerm.magnitude, columnTerm.magnitude))
  }
}
