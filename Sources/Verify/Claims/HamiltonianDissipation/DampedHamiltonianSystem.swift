import Numeric

/// A point `(W₁ … W_N, P₁ … P_N)` of particle phase space (row-major matrices).
public struct PhasePoint<T: Scalar>: Sendable {
  public var positions: [Matrix<T>]
  public var momenta: [Matrix<T>]

  public init(positions: [Matrix<T>], momenta: [Matrix<T>]) {
    precondition(positions.count == momenta.count, "one momentum per particle")
    self.positions = positions
    self.momenta = momenta
  }

  /// All entries, positions first, for integrators that work on flat vectors.
  public var flattened: [T] { positions.flatMap(\.entries) + momenta.flatMap(\.entries) }

  /// The point whose entries are `flat`, shaped like `self`.
  public func reshaped<U: Scalar>(_ flat: [U]) -> PhasePoint<U> {
    var index = 0
    func take(_ shape: [Matrix<T>]) -> [Matrix<U>] {
      shape.map { m in
        let count = m.rowCount * m.columnCount
        defer { index += count }
        return Matrix(
          rowCount: m.rowCount, columnCount: m.columnCount,
          entries: Array(flat[index..<index + count]))
      }
    }
    let w = take(positions)
    let p = take(momenta)
    precondition(index == flat.count, "flat vector of the wrong length")
    return PhasePoint<U>(positions: w, momenta: p)
  }
}

/// The inertial limit of regularized Muon: a Hamiltonian system with linear damping whose
/// kinetic energy is the mirror potential `Ψ_ε`,
///
///     dWᵢ/dt = ∇Ψ_ε(Pᵢ),   dPᵢ/dt = −∇_W (δJ/δρ)(Wᵢ) − γ Pᵢ,
///     H_N = J(ρ_N) + (1/N) Σᵢ Ψ_ε(Pᵢ),
///
/// so that `Ẇᵢ = N ∂H_N/∂Pᵢ`, `Ṗᵢ = −N ∂H_N/∂Wᵢ − γPᵢ` and, exactly,
/// `dH_N/dt = −(γ/N) Σᵢ D(Pᵢ) ≤ 0` with `D(P) = ⟨P, ∇Ψ_ε(P)⟩`.
public struct DampedHamiltonianSystem<Objective: ParticleObjective>: Sendable {
  public typealias T = Objective.Value
  public let objective: Objective
  public let kinetic: SmoothedNuclearNorm<T>
  /// The damping `γ` (negative values give the anti-damped negative control).
  public let damping: T
  /// The factor on the force, 1 for the true dynamics; `1/N` gives the negative control that
  /// pushes particle `i` by `−∂J(ρ_N)/∂Wᵢ` instead of `−∇_W (δJ/δρ)(Wᵢ)`.
  public let forceScale: T

  public init(
    objective: Objective, kinetic: SmoothedNuclearNorm<T>, damping: T, forceScale: T = 1
  ) {
    self.objective = objective
    self.kinetic = kinetic
    self.damping = damping
    self.forceScale = forceScale
  }

  /// `(Ẇᵢ, Ṗᵢ) = (∇Ψ_ε(Pᵢ), −∇_W (δJ/δρ)(Wᵢ) − γPᵢ)`.
  public func velocity(_ x: PhasePoint<T>) -> PhasePoint<T> {
    let forces = objective.firstVariationGradients(x.positions)
    return PhasePoint(
      positions: x.momenta.map { kinetic.gradient($0) },
      momenta: zip(forces, x.momenta).map { force, p in -forceScale * force - damping * p })
  }

  /// `H_N = J(ρ_N) + (1/N) Σᵢ K(Pᵢ)` for a kinetic energy `K` (`Ψ_ε` unless a negative control
  /// substitutes another).
  public func energy(_ x: PhasePoint<T>, kineticEnergy: (Matrix<T>) -> T) -> T {
    var kineticSum = T.zero
    for p in x.momenta { kineticSum += kineticEnergy(p) }
    return objective.value(x.positions) + kineticSum / T(x.momenta.count)
  }

  /// `H_N = J(ρ_N) + (1/N) Σᵢ Ψ_ε(Pᵢ)`.
  public func energy(_ x: PhasePoint<T>) -> T {
    energy(x) { kinetic.value($0) }
  }

  /// The claimed rate `−(γ/N) Σᵢ D(Pᵢ)`, with `D` from the singular values of the momenta.
  public func dissipationRate(_ x: PhasePoint<T>) -> T {
    var sum = T.zero
    for p in x.momenta { sum += kinetic.dissipation(p) }
    return -damping * sum / T(x.momenta.count)
  }

  /// `dJ/dt = (1/N) Σᵢ ⟨∇_W (δJ/δρ)(Wᵢ), ∇Ψ_ε(Pᵢ)⟩`, which has no sign.
  public func objectiveRate(_ x: PhasePoint<T>) -> T {
    let forces = objective.firstVariationGradients(x.positions)
    var sum = T.zero
    for (force, p) in zip(forces, x.momenta) {
      sum += force.frobeniusInnerProduct(kinetic.gradient(p))
    }
    return sum / T(x.momenta.count)
  }
}
