import Numeric

/// C2's circle `c + R(cos φ, sin φ)`: the circulation of a planar field around it and the area
/// integral of a function over its disc.
struct Circle: Sendable {
  let centre: [Rational]
  let radius: Rational

  private func point<T: Scalar>(_ r: T, _ phi: T) -> [T] {
    [T(centre[0]) + r * T.cos(phi), T(centre[1]) + r * T.sin(phi)]
  }

  /// `Γ(V) = ∫₀^{2π} V(c + R(cos φ, sin φ)) · R(−sin φ, cos φ) dφ` by the `nodes`-point
  /// trapezoid rule, which for a smooth periodic integrand converges geometrically.
  func circulation<T: Scalar>(of field: ([T]) -> [T], nodes: Int) -> T {
    let r = T(radius)
    var sum = T.zero
    for j in 0..<nodes {
      let phi = 2 * T.pi * T(j) / T(nodes)
      let v = field(point(r, phi))
      sum += r * (-v[0] * T.sin(phi) + v[1] * T.cos(phi))
    }
    return 2 * T.pi * sum / T(nodes)
  }

  /// `∬_disc f dA = ∫₀^R ∫₀^{2π} f(c + r(cos φ, sin φ)) r dφ dr`: Gauss–Legendre in r, the
  /// trapezoid rule in φ.
  func areaIntegral(of f: ([BigFloat]) -> BigFloat, radialPoints: Int, angularNodes: Int) throws
    -> BigFloat
  {
    try GaussLegendre.integrate(
      { r in
        (0..<angularNodes).reduce(BigFloat.zero) { sum, j in
          sum + f(point(r, 2 * BigFloat.pi * BigFloat(j) / BigFloat(angularNodes)))
        } * 2 * BigFloat.pi * r / BigFloat(angularNodes)
      }, from: 0, to: BigFloat(radius), points: radialPoints)
  }
}
