import Numeric

/// `f(W) = (λ/2) ‖W − W*‖_F²`, the gradient-dominated objective of the rate claim (one
/// particle): `∇f(W) = λ (W − W*)`, minimum 0 at `W*`.
public struct QuadraticObjective<T: Scalar>: ParticleObjective {
  public let curvature: T
  public let minimizer: [T]

  public init(curvature: T, minimizer: [T]) {
    self.curvature = curvature
    self.minimizer = minimizer
  }

  public func value(_ particles: [[T]]) -> T {
    precondition(particles.count == 1, "a single-matrix objective")
    var sum = T.zero
    for (x, y) in zip(particles[0], minimizer) { sum += (x - y) * (x - y) }
    return curvature * sum / 2
  }

  public func firstVariationGradients(_ particles: [[T]]) -> [[T]] {
    precondition(particles.count == 1, "a single-matrix objective")
    return [zip(particles[0], minimizer).map { curvature * ($0 - $1) }]
  }
}
