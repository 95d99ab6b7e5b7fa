import Numeric

/// C1's independent route: the moments of the joint slice `p(·, y)`, evaluated directly from
/// the joint covariances, by composite Gauss–Legendre in x (spec Section 3).
///
/// Panels of width at most 1 (and at most `σ_min`, the smallest conditional standard deviation,
/// rounded down to `1/n`), 40 nodes each, on `[−16, 16]` widened to cover `m_k ± 17 √v_k` for every
/// component: the truncated tails are below `e^{−144}` of each component's mass, and each
/// panel spans at most a standard deviation, where 40 nodes integrate a Gaussian to far below
/// the working precision at 256 bits.
struct SliceQuadrature {
  /// `∫ p(x, y) dx = pY(y)`.
  let mass: BigFloat
  /// `∫ x p(x, y) dx / pY`.
  let mean: BigFloat
  /// `∫ x² p(x, y) dx / pY − mean²`.
  let variance: BigFloat

  static let nodes = 40
  static let reach = 17

  init(_ mixture: GaussianMixture, at y: [Rational]) throws {
    let conditioned = mixture.conditioned(at: y)
    let density: (BigFloat) -> BigFloat = mixture.directSlice(at: y)
    // Integer ends and a panel count per unit from binary64 estimates: only the extent and the
    // panel width depend on them, not the values integrated.
    let sigmas = conditioned.map { $0.variance.doubleValue.squareRoot() }
    let means = conditioned.map { $0.mean.doubleValue }
    let reach = Double(Self.reach)
    let low = Int(zip(means, sigmas).map { $0 - reach * $1 }.min()!.rounded(.down))
    let high = Int(zip(means, sigmas).map { $0 + reach * $1 }.max()!.rounded(.up))
    let perUnit = max(1, Int((1 / sigmas.min()!).rounded(.up)))
    var (m0, m1, m2) = (BigFloat.zero, BigFloat.zero, BigFloat.zero)
    let rule = try GaussLegendre.rule(points: Self.nodes, as: BigFloat.self)
    let halfWidth = BigFloat(Rational(1, 2 * perUnit))
    for panel in (min(low, -16) * perUnit)..<(max(high, 16) * perUnit) {
      let centre = BigFloat(Rational(2 * panel + 1, 2 * perUnit))
      for (node, weight) in zip(rule.nodes, rule.weights) {
        let x = centre + halfWidth * node
        let w = halfWidth * weight * density(x)
        m0 += w
        m1 += w * x
        m2 += w * x * x
      }
    }
    mass = m0
    mean = m1 / m0
    variance = m2 / m0 - mean * mean
  }
}
