import Numeric

/// `f(W) = (λ/2) ‖W − W*‖_F²`, the gradient-dominated objective of the rate claim (one
/// particle): `∇f(W) = λ (W − W*)`, minimum 0 at `W*`.
public struct QuadraticObjective<T: Scalar>: ParticleObjective {
  public let curvature: T
  public let minimizer: Matrix<T>

  public init(curvature: T, minimizer: Matrix<T>) {
    self.curvature = curvature
    self.minimizer = minimizer
  }

  public func value(_ particles: [Matrix<T>]) -> T {
    precondition(particles.count == 1, "a single-matrix objective")
    let d = particles[0] - minimizer
    return curvature * d.frobeniusInnerProduct(d) / 2
  }

  public func firstVariationGradients(_ particles: [Matrix<T>]) -> [Matrix<T>] {
    precondition(particles.count == 1, "a single-matrix objective")
    return [curvature * (particles[0] - minimizer)]
  }
}
