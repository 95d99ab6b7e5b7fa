import Numeric

/// The linear model of the rates out of each observed state,
/// `F^θ_t(x)(x′) = th0[x][x′] + t·th1[x][x′]` (`x′ ≠ x`; the diagonal is drawn but unused).
struct MatchingModel: Sendable {
  let th0: [[Rational]]
  let th1: [[Rational]]

  /// θ_a then θ_b from SplitMix64 `seed` (spec Section 4.4): for each, `th0` (`nX × nX`
  /// row-major, entry `2u`) then `th1` (entry `2u − 1`).
  static func pair(states nX: Int, seed: UInt64) -> (a: MatchingModel, b: MatchingModel) {
    var generator = SplitMix64(seed: seed)
    func draw() -> MatchingModel {
      let th0 = (0..<nX).map { _ in (0..<nX).map { _ in 2 * generator.nextUniform() } }
      let th1 = (0..<nX).map { _ in generator.symmetricEntries(nX, scale: 1) }
      return MatchingModel(th0: th0, th1: th1)
    }
    let a = draw()
    return (a, draw())
  }

  func rate(_ x: Int, _ x2: Int, at t: BigFloat) -> BigFloat {
    BigFloat(th0[x][x2]) + t * BigFloat(th1[x][x2])
  }
}

/// The penalty of the matching losses: the squared error (a Bregman divergence, for which the
/// conditional and marginal losses differ by a θ-independent constant) or the absolute error
/// (not Bregman: the spec's negative control).
enum Penalty: Sendable {
  case squared
  case absolute

  func value(_ r: BigFloat) -> BigFloat {
    switch self {
    case .squared: r * r
    case .absolute: r.magnitude
    }
  }

  /// `dφ/dr`; for |r| the sign, which is constant between the kinks the integrals split at.
  func slope(_ r: BigFloat) -> BigFloat {
    switch self {
    case .squared: 2 * r
    case .absolute: r > 0 ? BigFloat(1) : (r < 0 ? BigFloat(-1) : BigFloat(0))
    }
  }
}
