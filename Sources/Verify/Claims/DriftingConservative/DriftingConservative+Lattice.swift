import Numeric

/// C4's anchor [derived]: on the lattice the self term is its leading term
/// `d δ^d/((2π)^{d/2} h^{d+2})`, the `1/(N h^{d+2})` of the bound's variance, up to ϑ^{−d}.
extension RateSetting {
  var lattices: [LatticeSum] { lattice.map { LatticeSum(dimension: $0.dimension, bandwidth: $0.ratio) } }

  func latticeChecks(recordingIn measurements: Measurements) -> [any Check] {
    for (j, sum) in lattices.enumerated() { measurements.record("C4_lattice_self_\(j)", sum.selfTerm) }
    let rows = lattice.map { "(\($0.dimension), \($0.ratio))" }.joined(separator: ", ")
    let lattices = self.lattices
    func poissonResidual(rootTwoPi: Bool) -> T {
      lattices.map { sum in
        let direct = sum.direct
        return (direct - sum.poisson(rootTwoPi: rootTwoPi)).magnitude / direct
      }.reduce(T.zero) { T.maximum($0, $1) }
    }
    func leadingDistance(twoPi: Bool) -> T {
      let bits = Precision.bits
      return lattices.map { sum in
        // 1 − self/leading ≈ d e^{−2π²h²} cancels about 2π²h²/ln 2 bits (1823 at h = 8), so
        // it is formed with that many more: at p bits alone its rounding error, not the
        // difference, would be compared with the bound.
        withPrecision(bits + sum.cancelledBits) {
          (1 - sum.selfTerm / sum.leadingTerm(twoPi: twoPi)).magnitude / sum.thetaBound
        }.rounded(toPrecision: bits)
      }.reduce(T.zero) { T.maximum($0, $1) }
    }
    return [
      IdentityCheck(
        id: "C4-lattice-poisson",
        statement:
          "[derived] on δℤ^d (δ = 1) the own-kernel sum is S_Q = (Σₙ e^{−n²/(2h²)})^d = (√(2π) h ϑ)^d, ϑ = Σₘ e^{−2π²m²h²} (Poisson summation), at every (d, h/δ) of \(rows): largest relative difference",
        slack: 24, residual: { _ in poissonResidual(rootTwoPi: true) },
        controls: [
          .init("the Poisson form without √(2π) (added)") { _ in poissonResidual(rootTwoPi: false) }
        ]),
      InequalityCheck(
        id: "C4-lattice-leading",
        statement:
          "[derived] the lattice self term d/(h² S_Q) is its leading term d/((2π)^{d/2} h^{d+2}) up to ϑ^{−d}: |1 − self/leading| ≤ 2d e^{−2π²h²}/(1 − e^{−2π²h²}) at every (d, h/δ) of \(rows); the largest ratio of the two sides",
        value: { leadingDistance(twoPi: true) }, .lessThanOrEqual, bound: { 1 },
        controls: [
          .init("the leading term without (2π)^{d/2}") { leadingDistance(twoPi: false) }
        ]),
    ]
  }
}
