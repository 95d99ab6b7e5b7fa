import Numeric

/// The mean-field objective of the dynamics instance,
///
///     J(ρ) = ½ ‖m̄ − b‖²,   m̄ = ∫ F dρ,   F_j(W) = tanh(u_jᵀ W v_j)   (j = 1 … k),
///
/// whose first variation has gradient
/// `∇_W (δJ/δρ)(W) = Σ_j (m̄_j − b_j) (1 − tanh²(u_jᵀ W v_j)) u_j v_jᵀ`.
public struct TanhFeatureObjective<T: Scalar>: ParticleObjective {
  /// `u_j ∈ ℝᵐ`.
  public let left: [[T]]
  /// `v_j ∈ ℝⁿ`.
  public let right: [[T]]
  /// The target `b ∈ ℝᵏ`.
  public let target: [T]

  public init(left: [[T]], right: [[T]], target: [T]) {
    precondition(left.count == right.count && right.count == target.count, "k features")
    self.left = left
    self.right = right
    self.target = target
  }

  /// The same objective with exact inputs, rounded once into `T`.
  public init(left: [[Rational]], right: [[Rational]], target: [Rational]) {
    self.init(
      left: left.map { $0.map { T($0) } }, right: right.map { $0.map { T($0) } },
      target: target.map { T($0) })
  }

  /// `u_jᵀ W v_j` for every feature `j`.
  public func preactivations(_ w: Matrix<T>) -> [T] {
    left.indices.map { j in
      var sum = T.zero
      for (u, wv) in zip(left[j], w * right[j]) { sum += u * wv }
      return sum
    }
  }

  /// `F(W) = (tanh(u_jᵀ W v_j))_j`.
  public func features(_ w: Matrix<T>) -> [T] { preactivations(w).map { T.tanh($0) } }

  /// `m̄ = (1/N) Σᵢ F(Wᵢ)`.
  public func meanFeatures(_ particles: [Matrix<T>]) -> [T] { mean(particles.map(features)) }

  /// `(1/N) Σᵢ Fᵢ` of the features `Fᵢ` of each particle.
  func mean(_ features: [[T]]) -> [T] {
    var mean = [T](repeating: T.zero, count: target.count)
    for f in features {
      for (j, value) in f.enumerated() { mean[j] += value }
    }
    let count = T(features.count)
    return mean.map { $0 / count }
  }

  public func value(_ particles: [Matrix<T>]) -> T {
    var sum = T.zero
    for (x, y) in zip(meanFeatures(particles), target) { sum += (x - y) * (x - y) }
    return sum / 2
  }

  public func firstVariationGradients(_ particles: [Matrix<T>]) -> [Matrix<T>] {
    // Each particle's features once, for the mean and for its own weights: on jets every
    // operation is recorded, and computing them twice doubled the objective's share of a
    // Taylor step.
    let perParticle = particles.map(features)
    let average = mean(perParticle)
    let u = Matrix(left).transposed
    return perParticle.map { tanh in
      let weights = tanh.indices.map { j in (average[j] - target[j]) * (1 - tanh[j] * tanh[j]) }
      // Σ_j weight_j u_j v_jᵀ = U diag(weight) Vᵀ with the u_j, v_j as columns of U, V.
      let weightedV = Matrix(zip(weights, right).map { weight, v in v.map { weight * $0 } })
      return u * weightedV
    }
  }
}
