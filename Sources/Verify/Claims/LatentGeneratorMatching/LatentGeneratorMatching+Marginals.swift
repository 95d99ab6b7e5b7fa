import Numeric

/// The joint marginals' cross-check, C1 (the instantaneous identity) and C2 (the projected
/// chain's marginals).
extension LatentGeneratorMatching {
  /// `max_y |a_y − b_y|` over every pair of rows.
  static func largestDeviation(_ a: [[BigFloat]], _ b: [[BigFloat]]) -> BigFloat {
    zip(a, b).map { zip($0, $1).map { ($0 - $1).magnitude }.maximumMagnitude }.maximumMagnitude
  }

  /// `p_t` by the series against the Taylor integrator at every time the checks use: the C2
  /// times (the first is C1's) and the Gauss–Legendre nodes of C3.
  func seriesCheck(_ instance: Instance, _ measurements: Measurements) throws -> InequalityCheck {
    let chain = instance.chain
    let rule = try GaussLegendre.rule(points: Self.quadraturePoints, as: BigFloat.self)
    let nodes = rule.nodes.map { ($0 + 1) / 2 }
    let times = (instance.times.map { BigFloat($0) } + nodes).sorted()
    let lawSeries = LawSeries(chain, radius: times.last!)
    let series = times.map { lawSeries.law(at: $0) }
    let deviation = Self.largestDeviation(
      series,
      chain.integratedLaw(at: times, order: Self.integratorOrder, tolerance: Self.integratorTolerance))
    measurements.record("chain_series_vs_integrator", deviation)
    return InequalityCheck(
      id: "chain-series",
      statement:
        "[derived] p_t by its Taylor series (coefficients up to a tail bound of 2^-(p+10) for every t up to the largest, Horner's rule at each t) equals p_t by the Taylor integrator (order \(Self.integratorOrder), tolerance 2^-(p/2+5)) at all \(times.count) times used (the C2 times and the \(Self.quadraturePoints) Gauss–Legendre nodes of C3): max |difference|",
      value: { deviation }, .lessThanOrEqual, bound: { Self.agreementBound },
      controls: [
        // The spec gives this check no control: the generator frozen at t = 0.
        .init("the integrator with B dropped, Q_t = A (added)") {
          Self.largestDeviation(
            series,
            chain.integratedLaw(
              at: times, order: Self.integratorOrder, tolerance: Self.integratorTolerance, frozen: true))
        }
      ])
  }

  /// `(Φ_*(pQ), pX Q̄(p))` for the law `p`, the rates `q` and a weighting.
  static func identitySides<T: FieldElement>(
    _ p: [T], _ q: [[T]], _ map: FibreMap, _ weighting: FibreWeighting
  ) -> (lhs: [T], rhs: [T], projected: [[T]]) {
    let projected = map.projectedGenerator(q, weights: weighting.weights(p, on: map))
    return (map.pushforward(p.times(q)), map.pushforward(p).times(projected), projected)
  }

  func recordGenerator(_ projected: [[BigFloat]], _ prefix: String, _ measurements: Measurements) {
    for x in projected.indices {
      for x2 in projected.indices where x2 != x { measurements.record("\(prefix)_\(x)_\(x2)", projected[x][x2]) }
    }
  }

  /// C1 on the arbitrary rational law at the rational time 7/10, in exact arithmetic.
  func exactIdentityCheck(
    _ instance: Instance, name: String, map: FibreMap, _ measurements: Measurements
  ) -> ExactCheck {
    let (p, q) = (instance.law, instance.chain.rates(at: Self.lawTime))
    let sides = Self.identitySides(p, q, map, .conditional)
    for (x, value) in sides.lhs.enumerated() { measurements.record("C1_dpX_\(name)_arb_\(x)", BigFloat(value)) }
    recordGenerator(sides.projected.map { $0.map { BigFloat($0) } }, "C1_Qbar_\(name)_arb", measurements)
    func decide(_ weighting: FibreWeighting) -> ExactOutcome {
      let sides = Self.identitySides(p, q, map, weighting)
      return .equal(sides.lhs, sides.rhs, "Φ_*(pQ_t) against pX Q̄_t(p)")
    }
    return ExactCheck(
      id: "C1-law-\(name)",
      statement:
        "[paper; exact algebraic form derived] Φ = \(name == "proj" ? "phi" : "phi_nonproj"), t = \(Self.lawTime), p the arbitrary law (weights 1/4 + u from seed + 1000): Φ_*(pQ_t) = pX Q̄_t(p), in exact rationals",
      decide: { decide(.conditional) },
      controls: [.init("uniform fibre weights 1/|Φ⁻¹(x)| instead of p(y)/pX(x)") { decide(.uniform) }])
  }

  /// C1 on the flow, `p = p_t` at the first C2 time, over the precision ladder.
  func flowIdentityCheck(
    _ instance: Instance, name: String, map: FibreMap, _ measurements: Measurements
  ) -> IdentityCheck {
    let chain = instance.chain
    let time = instance.times[0]
    func sides(_ weighting: FibreWeighting) -> (lhs: [BigFloat], rhs: [BigFloat], projected: [[BigFloat]]) {
      let t = BigFloat(time)
      return Self.identitySides(chain.law(at: t), chain.rates(at: t), map, weighting)
    }
    let flow = sides(.conditional)
    for (x, value) in flow.lhs.enumerated() { measurements.record("C1_dpX_\(name)_flow_\(x)", value) }
    recordGenerator(flow.projected, "C1_Qbar_\(name)_flow", measurements)
    func residual(_ weighting: FibreWeighting) -> BigFloat {
      let s = sides(weighting)
      return zip(s.lhs, s.rhs).map { ($0 - $1).magnitude }.maximumMagnitude
    }
    return IdentityCheck(
      id: "C1-flow-\(name)",
      statement:
        "[paper; exact algebraic form derived] Φ = \(name == "proj" ? "phi" : "phi_nonproj"), t = \(time), p = p_t (series): max_x′ |Φ_*(p_tQ_t)(x′) − (pX_t Q̄_t(p_t))(x′)| vanishes",
      rejectionThreshold: Self.controlThreshold,
      residual: { _ in residual(.conditional) },
      controls: [.init("uniform fibre weights 1/|Φ⁻¹(x)| instead of p(y)/pX(x)") { _ in residual(.uniform) }])
  }

  /// C2: the projected chain integrated with the latent law matches `pX_t` from the series.
  func matchingCheck(
    _ instance: Instance, name: String, map: FibreMap, _ measurements: Measurements
  ) throws -> InequalityCheck {
    let chain = instance.chain
    let sorted = instance.times.sorted()
    let reals = sorted.map { BigFloat($0) }
    // Back from the sorted integration times to the order `times` lists them.
    let order = instance.times.map { sorted.firstIndex(of: $0)! }
    let series = LawSeries(chain, radius: reals.last!)
    let marginals = reals.map { map.pushforward(series.law(at: $0)) }
    func deviations(_ weighting: FibreWeighting) -> [BigFloat] {
      let q = ProjectedChain(chain: chain, map: map, weighting: weighting)
        .marginals(at: reals, order: Self.integratorOrder, tolerance: Self.integratorTolerance)
      return zip(q, marginals).map { zip($0, $1).map { ($0 - $1).magnitude }.maximumMagnitude }
    }
    let variants: [(String, FibreWeighting)] = [
      ("deviation", .conditional), ("nc_uniform", .uniform), ("nc_frozen", .frozen(chain.initial)),
    ]
    var results: [String: [BigFloat]] = [:]
    for (label, weighting) in variants { results[label] = deviations(weighting) }
    for (i, k) in order.enumerated() {
      for (x, value) in marginals[k].enumerated() { measurements.record("C2_pX_\(name)_\(i)_\(x)", value) }
      for (label, _) in variants { measurements.record("C2_\(label)_\(name)_\(i)", results[label]![k]) }
    }
    let control = { (label: String) in try finite(results[label]!.maximumMagnitude, label) }
    let threshold = BigFloat(Self.controlThreshold)
    let list = instance.times.map(\.description).joined(separator: ", ")
    return InequalityCheck(
      id: "C2-\(name)",
      statement:
        "[paper] Φ = \(name == "proj" ? "phi" : "phi_nonproj"): the chain on X with generator Q̄_t(p_t), integrated with p_t (Taylor integrator, tolerance 2^-(p/2+5)) from pX_0, has q_t = pX_t (series) at t ∈ {\(list)}: max |q_t − pX_t|",
      value: { try control("deviation") }, .lessThanOrEqual, bound: { Self.matchingBound },
      controls: [
        .init("uniform fibre weights 1/|Φ⁻¹(x)| instead of p_t(y)/pX_t(x)", value: { try control("nc_uniform") }, bound: { threshold }),
        .init("fibre weights frozen at t = 0, p_0(y)/pX_0(x)", value: { try control("nc_frozen") }, bound: { threshold }),
      ])
  }
}
