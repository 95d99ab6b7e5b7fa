import Numeric

/// The conditional and marginal matching losses over `t ∈ [0, 1]` (spec C3),
///
///     L_cond(θ) = ∫ Σ_y p_t(y) Σ_{x′≠Φ(y)} φ(F^θ_t(Φ(y))(x′) − F^y_t(x′)) dt,
///     L_marg(θ) = ∫ Σ_x pX_t(x) Σ_{x′≠x} φ(F^θ_t(x)(x′) − Q̄_t(x, x′)) dt,
///
/// with `F^y_t(x′) = R_t(y, x′)` the rates out of `Φ(y)` seen from y, the constant
/// `K = ∫ Σ_y p_t(y) Σ_{x′} φ(F^y_t(x′) − Q̄_t(Φ(y), x′)) dt`, and the gradients at θ_a
/// (closed form: `∂/∂th_j[x][x′]` integrates `φ′(residual)·tʲ` with the same weights).
///
/// For the squared penalty `Q̄_t(x, ·)` is the `p_t(·|x)`-mean of `F^y_t`, so pointwise in t
/// the conditional integrand is the marginal one plus K's: the identity holds for any rule,
/// to rounding. The integrands are analytic on [0, 1] (p_t is entire, `Q̄_t` rational in
/// p_t with `pX_t > 0`), so Gauss–Legendre converges geometrically; `points` nodes are used.
/// The absolute penalty's integrands have kinks where a residual changes sign: the interval
/// is split there (conditional residuals are affine in t, their zeros exact; the marginal
/// ones and K's are bracketed on a grid of `gridCells` cells and refined by Brent), and each
/// piece gets its own rule.
struct MatchingLosses {
  let chain: LatentChain
  let map: FibreMap
  let models: [MatchingModel]
  let points: Int
  static let gridCells = 32
  /// Nodes per piece between kinks: a piece is short against the distance to the nearest
  /// singularity of the integrand, so a few nodes reach the working precision.
  static let piecePoints = 16

  /// The integrals, in one vector: for each model `L_cond`, `L_marg`; then K; then the
  /// gradients of `L_cond` and of `L_marg` at `models[0]`, each over ``gradientEntries``.
  struct Totals {
    var conditional: [BigFloat]
    var marginal: [BigFloat]
    var constant: BigFloat
    var conditionalGradient: [BigFloat]
    var marginalGradient: [BigFloat]
  }

  /// `(j, x, x2)` for every parameter `th_j[x][x2]`, `x2 ≠ x`, in that order.
  var gradientEntries: [(j: Int, x: Int, x2: Int)] {
    [0, 1].flatMap { j in
      (0..<map.count).flatMap { x in (0..<map.count).filter { $0 != x }.map { (j, x, $0) } }
    }
  }

  /// What the integrands need at one time.
  private struct Snapshot {
    let t: BigFloat
    let law: [BigFloat]
    let marginal: [BigFloat]
    /// `R_t(y, x′)`.
    let fibreRates: [[BigFloat]]
    let projected: [[BigFloat]]
  }

  /// The snapshot at `t`, with the law from `series`.
  private func snapshot(at t: BigFloat, _ series: LawSeries) -> Snapshot {
    let law = series.law(at: t)
    let rates = chain.rates(at: t)
    return Snapshot(
      t: t, law: law, marginal: map.pushforward(law), fibreRates: map.fibreRates(rates),
      projected: map.projectedGenerator(rates, weights: FibreWeighting.conditional.weights(law, on: map)))
  }

  /// The integrand vector (in ``Totals``' order) at one time.
  private func integrand(_ s: Snapshot, _ penalty: Penalty) -> [BigFloat] {
    let nX = map.count
    func conditional(_ model: MatchingModel) -> BigFloat {
      s.law.indices.map { y in
        let x = map.image[y]
        return s.law[y] * (0..<nX).filter { $0 != x }
          .map { penalty.value(model.rate(x, $0, at: s.t) - s.fibreRates[y][$0]) }.total
      }.total
    }
    func marginal(_ model: MatchingModel) -> BigFloat {
      (0..<nX).map { x in
        s.marginal[x] * (0..<nX).filter { $0 != x }
          .map { penalty.value(model.rate(x, $0, at: s.t) - s.projected[x][$0]) }.total
      }.total
    }
    let constant = s.law.indices.map { y in
      let x = map.image[y]
      return s.law[y] * (0..<nX).filter { $0 != x }
        .map { penalty.value(s.fibreRates[y][$0] - s.projected[x][$0]) }.total
    }.total
    let model = models[0]
    let entries = gradientEntries
    let power = { (j: Int) in j == 0 ? BigFloat(1) : s.t }
    let conditionalGradient = entries.map { e in
      map.fibres[e.x].map { y in
        s.law[y] * penalty.slope(model.rate(e.x, e.x2, at: s.t) - s.fibreRates[y][e.x2])
      }.total * power(e.j)
    }
    let marginalGradient = entries.map { e in
      s.marginal[e.x] * penalty.slope(model.rate(e.x, e.x2, at: s.t) - s.projected[e.x][e.x2])
        * power(e.j)
    }
    return models.flatMap { [conditional($0), marginal($0)] } + [constant]
      + conditionalGradient + marginalGradient
  }

  func totals(_ penalty: Penalty) throws -> Totals {
    let series = LawSeries(chain, radius: 1)
    let pieces = penalty == .absolute ? try kinks(series) : []
    let ends = [BigFloat(0)] + pieces + [BigFloat(1)]
    let rule = try GaussLegendre.rule(points: pieces.isEmpty ? points : Self.piecePoints, as: BigFloat.self)
    var sum: [BigFloat]? = nil
    for (low, high) in zip(ends, ends.dropFirst()) {
      let (half, middle) = ((high - low) / 2, (high + low) / 2)
      for (node, weight) in zip(rule.nodes, rule.weights) {
        let values = integrand(snapshot(at: middle + half * node, series), penalty).map { $0 * weight * half }
        sum = sum.map { zip($0, values).map { $0 + $1 } } ?? values
      }
    }
    let v = sum!
    let m = models.count
    let g = gradientEntries.count
    return Totals(
      conditional: (0..<m).map { v[2 * $0] }, marginal: (0..<m).map { v[2 * $0 + 1] },
      constant: v[2 * m], conditionalGradient: Array(v[(2 * m + 1)..<(2 * m + 1 + g)]),
      marginalGradient: Array(v[(2 * m + 1 + g)...]))
  }

  /// The zeros in (0, 1) of every residual the absolute penalty sees, ascending, with the law
  /// from `series` (of radius 1).
  func kinks(_ series: LawSeries) throws -> [BigFloat] {
    let nX = map.count
    var zeros: [BigFloat] = []
    // Conditional residuals th0 + t·th1 − (R_A + t·R_B) are affine: their zeros are exact.
    let (ratesA, ratesB) = (map.fibreRates(chain.a), map.fibreRates(chain.b))
    for model in models {
      for y in 0..<chain.states {
        let x = map.image[y]
        for x2 in 0..<nX where x2 != x {
          let slope = model.th1[x][x2] - ratesB[y][x2]
          guard slope != 0 else { continue }
          let zero = (ratesA[y][x2] - model.th0[x][x2]) / slope
          if zero > 0 && zero < 1 { zeros.append(BigFloat(zero)) }
        }
      }
    }
    // Marginal residuals and K's involve Q̄_t: bracketed on a grid, refined by Brent.
    var residuals: [(Snapshot) -> BigFloat] = []
    for model in models {
      for x in 0..<nX {
        for x2 in 0..<nX where x2 != x {
          residuals.append { model.rate(x, x2, at: $0.t) - $0.projected[x][x2] }
        }
      }
    }
    for y in 0..<chain.states {
      let x = map.image[y]
      for x2 in 0..<nX where x2 != x {
        residuals.append { $0.fibreRates[y][x2] - $0.projected[x][x2] }
      }
    }
    let grid = (0...Self.gridCells).map { snapshot(at: BigFloat(Rational($0, Self.gridCells)), series) }
    for residual in residuals {
      let values = grid.map(residual)
      for i in 0..<Self.gridCells where values[i].isFinite && values[i + 1].isFinite {
        guard (values[i] < 0) != (values[i + 1] < 0) else { continue }
        zeros.append(try Brent.root(of: { residual(snapshot(at: $0, series)) }, in: grid[i].t...grid[i + 1].t))
      }
    }
    return zeros.filter { $0 > 0 && $0 < 1 }.sorted()
  }
}
