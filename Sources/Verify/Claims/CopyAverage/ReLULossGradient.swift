import Numeric

extension PopulationLoss {
  /// `∇_θ L` of the ReLU loss from the explicit kernel gradient, for points where two different
  /// arguments are aligned (a copy `wᵢ = vⱼ`, identical students), where the kernel is not C²
  /// and AD through `acos t`, `√(1 − t²)` meets `∞ · 0` (spec §1, ReLU caveat):
  ///
  ///     ∂_u g(u, v) = [(π − θ) v + |v| sin θ · u/|u|] / (2π),    cos θ = u·v/(|u||v|),
  ///     ∂L/∂wᵢ = ½aᵢ² wᵢ + Σ_{i'≠i} aᵢaᵢ' ∂₁g(wᵢ, wᵢ') − Σⱼ aᵢbⱼ ∂₁g(wᵢ, vⱼ),
  ///     ∂L/∂aᵢ = ½aᵢ|wᵢ|² + Σ_{i'≠i} aᵢ' g(wᵢ, wᵢ') − Σⱼ bⱼ g(wᵢ, vⱼ),
  ///
  /// the self term being `g(w, w) = |w|²/2`. At aligned arguments `∂_u g(v, v) = v/2`: finite.
  func reluGradient<T: Scalar>(at theta: [T]) -> [T] {
    precondition(activation == .relu, "the explicit gradient is the ReLU kernel's")
    let d = dimension
    let w = (0..<students).map { Array(theta[($0 * d)..<(($0 + 1) * d)]) }
    let a = Array(theta[(students * d)...])
    let v: [[T]] = teacher.vectors()
    let b = teacher.outputs.map { T($0) }
    var weightGradient = w.indices.map { i in w[i].map { a[i] * a[i] * $0 / 2 } }
    var outputGradient = w.indices.map { i in a[i] * w[i].dot(w[i]) / 2 }
    for i in w.indices {
      for (other, weight) in zip(w.indices, a) where other != i {
        weightGradient[i] = weightGradient[i].adding(
          Self.reluSlope(w[i], w[other]), scaledBy: a[i] * weight)
        outputGradient[i] +=
          weight * activation.pair(w[i].dot(w[i]), w[other].dot(w[other]), w[i].dot(w[other]))
      }
      for j in v.indices {
        weightGradient[i] = weightGradient[i].adding(
          Self.reluSlope(w[i], v[j]), scaledBy: -a[i] * b[j])
        outputGradient[i] -= b[j] * activation.pair(w[i].dot(w[i]), v[j].dot(v[j]), w[i].dot(v[j]))
      }
    }
    return weightGradient.flatMap { $0 } + outputGradient
  }

  /// `∂_u g(u, v)` of the ReLU kernel, with `cos θ` clamped to `[−1, 1]`.
  private static func reluSlope<T: Scalar>(_ u: [T], _ v: [T]) -> [T] {
    let (nu, nv) = (T.sqrt(u.dot(u)), T.sqrt(v.dot(v)))
    let t = T.minOrNaN(T.maxOrNaN(u.dot(v) / (nu * nv), -1), 1)
    let (theta, sine) = (T.acos(t), T.sqrt(1 - t * t))
    return zip(u, v).map { ui, vi in ((T.pi - theta) * vi + nv * sine * ui / nu) / (2 * T.pi) }
  }
}
