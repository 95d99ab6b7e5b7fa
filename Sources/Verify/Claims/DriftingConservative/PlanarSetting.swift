import Numeric

/// The planar instance P1 of C2 and C3: data, particles and evaluation points drawn from the
/// run's seed (`y₁ … y_M`, `x₁ … x_N`, `z₁ … z_K`, each point's x then y coordinate), the
/// fields' scales, C2's circle and the trapezoid node counts.
struct PlanarSetting: Sendable {
  let drift: PlanarDrift
  let points: [[Rational]]
  let centre: [Rational]
  let radius: Rational
  let nodes: [Int]

  init(_ arguments: Arguments) throws(UsageError) {
    typealias C = DriftingConservative
    var generator = arguments.generator()
    func draw(_ count: Int, scale: Rational) -> [[Rational]] {
      (0..<count).map { _ in generator.symmetricEntries(2, scale: scale) }
    }
    let data = draw(arguments[C.dataCount], scale: arguments[C.scale])
    let particles = draw(arguments[C.particleCount], scale: arguments[C.scale])
    points = draw(arguments[C.pointCount], scale: arguments[C.evalScale])
    drift = PlanarDrift(
      data: data, particles: particles, bandwidth: arguments[C.bandwidth], scale: arguments[C.tau])
    centre = arguments[C.centre]
    radius = arguments[C.radius]
    nodes = arguments[C.trapezoidNodes]
    guard nodes[0] < nodes[1] else {
      throw UsageError("trapN = \(nodes[0]),\(nodes[1]) must increase: the second count is the reference")
    }
    func squaredDistance(_ p: [Rational], _ q: [Rational]) -> Rational {
      zip(p, q).reduce(Rational(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
    // The Laplace kernel has a kink at its centre: C2's circulation needs a particle-free disc,
    // and the Jacobians at zₖ need zₖ off every centre.
    if let p = (data + particles).first(where: { squaredDistance($0, centre) <= radius * radius }) {
      throw UsageError(
        "the point (\(p[0]), \(p[1])) lies in the closed disc of centre (\(centre[0]), \(centre[1])) and radius \(radius): C2's circle must enclose no data point or particle")
    }
    for (k, z) in points.enumerated() where (data + particles).contains(z) {
      throw UsageError("evaluation point z_\(k + 1) coincides with a data point or particle, where the Laplace kernel is not differentiable")
    }
  }
}
