import Numeric
import Symbolic

/// C9: the permutation-symmetric set is flow-invariant and carries the reduced flow.
extension FrobeniusImbalance {
  /// The spec's instance (4.5): N = 4, d = 3, L = 4, gelu, squared loss, 5 samples, seed 5,
  /// drawn as u, w_2, w_3, v_2, v_3, c, X, Y (all scale 1).
  struct InvarianceInstance {
    let point: SymmetricPoint<BigFloat>
    let controlRows: [[BigFloat]]
    let data: Dataset<BigFloat>

    init() {
      var generator = SplitMix64(seed: 5)
      let u: [BigFloat] = generator.symmetricEntries(3, scale: 1)
      let middle: [BigFloat] = generator.symmetricEntries(2, scale: 1)
      controlRows = (0..<2).map { _ in generator.symmetricEntries(4, scale: 1) }
      let c: BigFloat = generator.nextSymmetric(scale: 1)
      let inputs = (0..<5).map { _ in generator.symmetricEntries(3, scale: 1, as: BigFloat.self) }
      let targets = (0..<5).map { _ in generator.symmetricEntries(1, scale: 1, as: BigFloat.self) }
      point = SymmetricPoint(width: 4, u: u, middle: middle, c: c, activation: .gelu)
      data = Dataset(inputs: inputs, targets: targets)
    }

    /// `∇_{W_l}L` by reverse-mode AD of the generic loss.
    static func gradients(_ network: BiaslessMLP<BigFloat>, _ data: Dataset<BigFloat>) -> [Matrix<BigFloat>] {
      ScalingRoutes(network: network, data: data, loss: .squared).reverseGradients
    }

    /// The structure violation relative to the largest gradient entry.
    func violation(of network: BiaslessMLP<BigFloat>) -> BigFloat {
      let gradients = Self.gradients(network, data)
      return SymmetricPoint.structureViolation(gradients)
        / gradients.map(\.maximumMagnitude).maxOrNaN()!
    }
  }

  func invarianceChecks(_ instance: Instance) -> [any Check] {
    [
      IdentityCheck(
        id: "c9-invariant-set",
        statement: "C9 (N = 4, d = 3, L = 4, gelu, seed 5): at a point of S = {W_1 = 1uᵀ, "
          + "W_l = w_l11ᵀ, W_L = c1ᵀ} the reverse-AD gradient keeps the structure (identical rows "
          + "of ∇W_1, constant ∇W_l), relative to the largest gradient entry",
        residual: { _ in
          let instance = InvarianceInstance()
          return instance.violation(of: instance.point.network)
        },
        controls: [
          .init("middle layers with identical but non-constant rows W_l = 1v_lᵀ") { _ in
            let instance = InvarianceInstance()
            return instance.violation(of: instance.point.identicalRowsNetwork(rows: instance.controlRows))
          }
        ]),
      IdentityCheck(
        id: "c9-reduced-flow",
        statement: "C9: on S the full flow's velocities of the shared entries equal the reduced "
          + "scalar-chain flow u̇ = −(1/N)∇_uL, ṗ_l = −∂L/∂p_l, ṗ_L = −N∂L/∂p_L (p_l = Nw_l, "
          + "p_L = Nc), relative to the largest velocity",
        residual: { _ in
          let instance = InvarianceInstance()
          let full = InvarianceInstance.gradients(instance.point.network, instance.data)
          let reduced = InvarianceInstance.gradients(instance.point.reducedNetwork, instance.data)
          return instance.point.reductionMismatch(full: full, reduced: reduced)
            / full.map(\.maximumMagnitude).maxOrNaN()!
        },
        controls: [
          .init("reduced flow without the metric factors (u̇ = −∇_uL, ṗ_L = −∂L/∂p_L)") { _ in
            let instance = InvarianceInstance()
            let full = InvarianceInstance.gradients(instance.point.network, instance.data)
            let reduced = InvarianceInstance.gradients(instance.point.reducedNetwork, instance.data)
            return instance.point.reductionMismatch(full: full, reduced: reduced, metric: false)
              / full.map(\.maximumMagnitude).maxOrNaN()!
          }
        ]),
    ]
  }
}
