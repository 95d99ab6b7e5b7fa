/// Gauss–Hermite quadrature: the `n`-point rule for `∫ f(x) e^{−x²} dx` over ℝ, exact for
/// polynomials of degree ≤ 2n − 1, with nodes and weights computed at the working precision;
/// and expectations over the standard normal distribution.
///
/// The nodes are the roots of the orthonormal Hermite polynomial `p̃ₙ`, from
/// `p̃₀ = π^{−1/4}`, `p̃ⱼ₊₁ = x√(2/(j+1)) p̃ⱼ − √(j/(j+1)) p̃ⱼ₋₁` (no factorial overflow), with
/// `p̃ₙ′ = √(2n) p̃ₙ₋₁` and weights `2 / p̃ₙ′(xᵢ)²`. Newton starts in binary64 from the
/// asymptotic guesses of Numerical Recipes (`gauher`) and finishes at the working precision.
public enum GaussHermite {
  /// The `n`-point rule for the weight `e^{−x²}`, cached per precision.
  public static func rule<T: Scalar>(points n: Int, as type: T.Type = T.self) throws -> QuadratureRule<T> {
    precondition(n >= 1, "a Gauss rule needs at least one point")
    return try QuadratureRule.cached("Gauss–Hermite", n) {
      let p = { (x: T) in hermite(n, x) }
      var nodes: [T] = []
      var weights: [T] = []
      for guess in try doubleNodes(n) {
        let x = try QuadratureRule<T>.polishedRoot(from: T(guess), of: p)
        let derivative = p(x).derivative
        nodes.append(x)
        weights.append(2 / (derivative * derivative))
      }
      return try QuadratureRule(validatingNodes: nodes, weights: weights, family: "Gauss–Hermite")
    }
  }

  /// `E[f(Z)]` for a standard normal `Z`: `π^{−1/2} Σᵢ wᵢ f(√2 xᵢ)` with the `n`-point rule.
  public static func normalExpectation<T: Scalar>(
    of f: (T) throws -> T, points n: Int
  ) throws -> T {
    let scale = T.sqrt(2)
    return try rule(points: n).apply { try f(scale * $0) } / T.sqrt(T.pi)
  }

  /// `(p̃ₙ(x), p̃ₙ′(x))` for the orthonormal Hermite polynomials.
  static func hermite<T: Scalar>(_ n: Int, _ x: T) -> (value: T, derivative: T) {
    var (previous, current) = (T.zero, 1 / T.root(T.pi, 4))
    for j in 0..<n {
      let next = x * T.sqrt(T(2) / T(j + 1)) * current - T.sqrt(T(j) / T(j + 1)) * previous
      (previous, current) = (current, next)
    }
    return (current, T.sqrt(T(2 * n)) * previous)
  }

  /// The nodes in binary64, ascending, from `gauher`'s guesses for the largest roots and linear
  /// extrapolation from the previous two for the rest, each refined by Newton.
  static func doubleNodes(_ n: Int) throws -> [Double] {
    var positive: [Double] = []  // descending
    var z = 0.0
    let m = (n + 1) / 2
    for i in 0..<m {
      switch i {
      case 0: z = Double(2 * n + 1).squareRoot() - 1.85575 * Double.pow(Double(2 * n + 1), -0.16667)
      case 1: z -= 1.14 * Double.pow(Double(n), 0.426) / z
      case 2: z = 1.86 * z - 0.86 * positive[0]
      case 3: z = 1.91 * z - 0.91 * positive[1]
      default: z = 2 * z - positive[i - 2]
      }
      z = try Newton.solve({ hermite(n, $0).value }, derivative: { hermite(n, $0).derivative },
        from: z, absoluteTolerance: 1e-14).root
      positive.append(z)
    }
    let negative = positive.map { -$0 }
    return n % 2 == 0 ? negative + positive.reversed() : negative + positive.reversed().dropFirst()
  }
}
