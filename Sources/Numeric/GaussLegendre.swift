/// Gauss–Legendre quadrature: the `n`-point rule on `[−1, 1]` (weight 1) exact for polynomials
/// of degree ≤ 2n − 1, with nodes and weights computed at the working precision.
///
/// The nodes are the roots of the Legendre polynomial `Pₙ`, from `(k+1)Pₖ₊₁ = (2k+1)xPₖ − kPₖ₋₁`,
/// found by Newton from Tricomi's guesses `cos(π(i + 3/4)/(n + 1/2))`; the weights are
/// `2 / ((1 − xᵢ²) Pₙ′(xᵢ)²)` with `Pₙ′ = n(xPₙ − Pₙ₋₁)/(x² − 1)`.
public enum GaussLegendre {
  /// The `n`-point rule on `[−1, 1]`, cached per precision.
  public static func rule<T: Scalar>(points n: Int, as type: T.Type = T.self) throws -> QuadratureRule<T> {
    precondition(n >= 1, "a Gauss rule needs at least one point")
    return try QuadratureRule.cached("Gauss–Legendre", n) {
      let p = { (x: T) in legendre(n, x) }
      var nodes: [T] = []
      var weights: [T] = []
      for i in (0..<n).reversed() {
        let guess = T.cos(T.pi * (T(i) + T(Rational(3, 4))) / (T(n) + T.half))
        let x = try QuadratureRule<T>.polishedRoot(from: guess, of: p)
        let derivative = p(x).derivative
        nodes.append(x)
        weights.append(2 / ((1 - x * x) * derivative * derivative))
      }
      return try QuadratureRule(validatingNodes: nodes, weights: weights, family: "Gauss–Legendre")
    }
  }

  /// `∫ₐᵇ f(x) dx` by the `n`-point rule mapped to `[a, b]`.
  public static func integrate<T: Scalar>(
    _ f: (T) throws -> T, from a: T, to b: T, points n: Int
  ) throws -> T {
    let (halfWidth, midpoint) = ((b - a) / 2, (a + b) / 2)
    return try halfWidth * rule(points: n).apply { try f(halfWidth * $0 + midpoint) }
  }

  /// `(Pₙ(x), Pₙ′(x))`.
  static func legendre<T: Scalar>(_ n: Int, _ x: T) -> (value: T, derivative: T) {
    var (previous, current) = (T.zero, T(1))
    for k in 0..<n {
      (previous, current) = (current, (T(2 * k + 1) * x * current - T(k) * previous) / T(k + 1))
    }
    return (current, T(n) * (x * current - previous) / (x * x - 1))
  }
}
