import Numeric

/// The unnormalised Gaussian kernel sum `S(z) = Σⱼ exp(−|z − pⱼ|²/(2h²))` over centres
/// `pⱼ ∈ ℝᵈ`, with its gradient and Laplacian in closed form:
///
///     ∇S(z) = Σⱼ wⱼ (pⱼ − z)/h²,      ΔS(z) = Σⱼ wⱼ (|z − pⱼ|²/h⁴ − d/h²),      wⱼ = exp(−|z − pⱼ|²/(2h²)),
///
/// so `∇ log S = ∇S/S` (the KDE score; a constant factor of the KDE drops out) and
/// `Δ log S = ΔS/S − |∇S|²/S²`. Generic over `Scalar`: the centres may be the very variables a
/// dual or jet differentiates (the particles of ``ConservativeDrift``).
struct GaussianKernelSum<T: Scalar> {
  var centres: [[T]]
  var bandwidth: T

  /// `(S, ∇S, ΔS)` at `z`.
  func evaluate(at z: [T]) -> (sum: T, gradient: [T], laplacian: T) {
    let h2 = bandwidth * bandwidth
    let d = T(z.count)
    var sum = T.zero
    var gradient = [T](repeating: 0, count: z.count)
    var laplacian = T.zero
    for p in centres {
      let offset = zip(p, z).map { $0 - $1 }
      let r2 = offset.dot(offset)
      let w = T.exp(-r2 / (2 * h2))
      sum += w
      for a in offset.indices { gradient[a] += w * offset[a] / h2 }
      laplacian += w * (r2 / (h2 * h2) - d / h2)
    }
    return (sum, gradient, laplacian)
  }

  /// The score `∇ log S(z) = Σⱼ wⱼ (pⱼ − z) / (h² Σⱼ wⱼ)`, without the Laplacian's terms (the
  /// flow of C1b evaluates it on jets, where every operation costs).
  func score(at z: [T]) -> [T] {
    let scale = 1 / (2 * bandwidth * bandwidth)
    var sum = T.zero
    var moment = [T](repeating: 0, count: z.count)
    for p in centres {
      let offset = zip(p, z).map { $0 - $1 }
      let w = T.exp(-scale * offset.dot(offset))
      sum += w
      for a in offset.indices { moment[a] += w * offset[a] }
    }
    let denominator = bandwidth * bandwidth * sum
    return moment.map { $0 / denominator }
  }

  /// `Δ log S(z) = ΔS/S − |∇S|²/S²`.
  func laplacianOfLog(at z: [T]) -> T {
    let (sum, gradient, laplacian) = evaluate(at: z)
    return laplacian / sum - gradient.dot(gradient) / (sum * sum)
  }
}
