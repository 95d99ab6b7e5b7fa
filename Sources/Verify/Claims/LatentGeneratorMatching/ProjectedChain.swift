import Numeric
import Symbolic

/// The chain on X whose generator is the projected `Q̄_t(p_t)`, integrated together with the
/// latent law (spec C2): the state `(t, p, q)` solves `t′ = 1`, `p′ = p Q_t`, `q′ = q Q̄_t`,
/// `q₀ = pX₀`, with the fibre weights `weighting` builds from `p_t` (or, for the controls,
/// from nothing or from `p₀`).
///
/// By C1, `d/dt pX_t = pX_t Q̄_t(p_t)`: `pX_t` solves q's linear equation, whose solution is
/// unique, so `q_t = pX_t`. The integrator works at the working precision with `tolerance`.
struct ProjectedChain {
  let chain: LatentChain
  let map: FibreMap
  let weighting: FibreWeighting

  /// `q_t` at each of `times` (ascending, > 0).
  func marginals(at times: [BigFloat], order: Int, tolerance: BigFloat) -> [[BigFloat]] {
    typealias J = Jet<BigFloat>
    let (chain, map, weighting) = (chain, map, weighting)
    let n = chain.states
    let integrator = TaylorIntegrator<BigFloat>(order: order, tolerance: tolerance) { y in
      let t = y[0]
      let p = Array(y[1...n])
      let q = Array(y[(n + 1)...])
      let rates = chain.rates(at: t)
      let projected = map.projectedGenerator(rates, weights: weighting.weights(p, on: map))
      return [J.constant(1)] + p.times(rates) + q.times(projected)
    }
    let p0 = chain.initial.map { BigFloat($0) }
    let start = [BigFloat(0)] + p0 + map.pushforward(p0)
    return integrator.solve(from: start, at: times).states.map { Array($0[(n + 1)...]) }
  }
}
