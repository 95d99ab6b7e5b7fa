import Numeric

/// C1 (imbalance identity), C2 (neuron-wise form), C3 (conservation for class A).
extension FrobeniusImbalance {
  /// An extra SplitMix64 instance of the spec's family (L ∈ {3,4,5}, widths 2–6, n 4–8).
  static let extraInstance = NetworkInstance(
    widths: [2, 5, 6, 4, 2], samples: 7, seed: 11, scale: Rational(1))

  /// The identity of `activation` on `instance` at each rung's precision, shared by the check
  /// and its controls: each one's network run over the data set is the expensive part.
  typealias Identities = PerRung<ImbalanceIdentity<BigFloat>>

  static func identities(
    _ instance: NetworkInstance, _ activation: Activation, _ loss: PerSampleLoss
  ) -> Identities {
    PerRung { _ in
      ImbalanceIdentity(
        network: instance.network(activation, as: BigFloat.self), data: instance.dataset(),
        loss: loss)
    }
  }

  /// The residual `max_l ρ_l` at `bits`, with
  /// `ρ_l = |LHS_l − RHS_l| / max(|S_l|, |S_{l+1}|)`.
  static func identityResidual(_ identities: Identities, bits: Int) throws -> BigFloat {
    let identity = try identities.value(bits: bits)
    return (1..<identity.network.depth).map { identity.residual($0, against: identity.rhs($0)) }
      .maxOrNaN()!
  }

  /// The spec's wrong variants of the right-hand side, each rejected when its residual is at
  /// least 1e−3 at every hidden layer (the smallest residual over the layers is reported).
  static func identityControls(
    _ identities: Identities, _ activation: Activation, depth: Int
  ) -> [IdentityCheck.Control] {
    let kind = DefectSeries<BigFloat>(activation).classify(zero: zeroThreshold(bits: 256)).0
    let forgetting = IdentityCheck.Control("φ → zσ′(z) (forgetting the −σ term)") { bits in
      try worstLayer(identities, bits) { id, l in
        id.rhs(layer: l) { z in z * activation.derivative(z) }
      }
    }
    // φ ≡ 0: sign, factor and layer are invisible; only forgetting −σ changes anything.
    guard kind != .a else { return [forgetting] }
    var controls: [IdentityCheck.Control] = [
      .init("sign flip φ → σ(z) − zσ′(z)") { bits in
        try worstLayer(identities, bits) { id, l in -id.rhs(l) }
      },
      .init("factor 1 instead of 2") { bits in
        try worstLayer(identities, bits) { id, l in id.rhs(l) / BigFloat(2) }
      },
      forgetting,
    ]
    if kind == .d {
      controls.append(
        .init("dropping the constant, φ → zσ′(z) − σ(z) + σ(0)") { bits in
          let sigma0 = activation.value(BigFloat.zero)
          return try worstLayer(identities, bits) { id, l in
            id.rhs(layer: l) { z in activation.defect(z) + sigma0 }
          }
        })
    }
    // The index shift needs a second hidden layer; with one, the other variants still control C1.
    if depth > 2 {
      controls.append(
        .init("index shift: dΔ_1/dt against the right-hand side at layer 2") { bits in
          let id = try identities.value(bits: bits)
          return id.residual(1, against: id.rhs(2))
        })
    }
    return controls
  }

  /// `min_l ρ_l` of a wrong right-hand side: a variant is rejected only if it fails at every layer.
  static func worstLayer(
    _ identities: Identities, _ bits: Int,
    _ variant: (ImbalanceIdentity<BigFloat>, Int) -> BigFloat
  ) throws -> BigFloat {
    let id = try identities.value(bits: bits)
    return (1..<id.network.depth).map { id.residual($0, against: variant(id, $0)) }.minOrNaN()!
  }

  /// The identities of every activation and loss on one instance, one per rung, shared by the
  /// C1–C3 checks: c2 and c3 read the identities the c1 checks of the same activations build.
  final class IdentityStore {
    let instance: NetworkInstance
    private var stored: [String: Identities] = [:]

    init(_ instance: NetworkInstance) { self.instance = instance }

    func identities(_ activation: Activation, _ loss: PerSampleLoss) -> Identities {
      let key = "\(activation.rawValue) \(loss.rawValue)"
      if let found = stored[key] { return found }
      let made = FrobeniusImbalance.identities(instance, activation, loss)
      stored[key] = made
      return made
    }
  }

  static func identityCheck(
    id: String, _ store: IdentityStore, _ activation: Activation, _ loss: PerSampleLoss,
    what: String
  ) -> IdentityCheck {
    let instance = store.instance
    let identities = store.identities(activation, loss)
    return IdentityCheck(
      id: id,
      statement: "C1 on \(what), σ = \(activation.rawValue), \(loss.rawValue) loss: "
        + "max_l |(−2S_{l+1} + 2S_l) − (2/n)Σ_p⟨g_l, φ_σ(z_l)⟩| / max(|S_l|, |S_{l+1}|) vanishes",
      residual: { bits in try identityResidual(identities, bits: bits) },
      controls: identityControls(identities, activation, depth: instance.widths.count - 1))
  }

  func identityChecks(_ instance: Instance, sharing store: IdentityStore? = nil) -> [any Check] {
    let network = instance.network
    let store = store ?? IdentityStore(network)
    var checks: [any Check] = Activation.selectable.map { activation in
      Self.identityCheck(
        id: "c1-identity-\(activation.rawValue)", store, activation, instance.loss,
        what: "instance I1 (widths \(network.widths), seed \(network.seed))")
    }
    checks += [Activation.tanh, .gelu].map { activation in
      Self.identityCheck(
        id: "c1-identity-logcosh-\(activation.rawValue)", store, activation, .logcosh,
        what: "instance I1")
    }
    checks.append(
      Self.identityCheck(
        id: "c1-identity-extra-instance", IdentityStore(Self.extraInstance), instance.activation,
        instance.loss,
        what: "widths \(Self.extraInstance.widths), n = 7, seed 11"))
    checks.append(scalingRoutesCheck(instance))
    return checks
  }

  /// `S_l` three ways: the tangent pass seeded with `ż_l = z_l`, forward-mode AD of
  /// `s ↦ L(…, (1+s)W_l, …)`, and `⟨W_l, ∇_{W_l}L⟩` with the gradient by reverse-mode AD.
  func scalingRoutesCheck(_ instance: Instance) -> IdentityCheck {
    let (network, activation, loss) = (instance.network, instance.activation, instance.loss)
    return IdentityCheck(
      id: "c1-scaling-derivative-routes",
      statement: "S_l = ⟨W_l, ∇_{W_l}L⟩ = d/ds L(…,(1+s)W_l,…): tangent pass, forward AD (Dual) "
        + "and reverse AD agree (σ = \(activation.rawValue))",
      residual: { _ in
        let routes = ScalingRoutes(
          network: network.network(activation, as: BigFloat.self),
          data: network.dataset() as Dataset<BigFloat>, loss: loss)
        return routes.disagreement()
      },
      controls: [
        .init("seeding the tangent with the all-ones direction instead of W_l") { _ in
          ScalingRoutes.onesSeedingDisagreement(
            network: network.network(activation, as: BigFloat.self), data: network.dataset(),
            loss: loss)
        }
      ])
  }

  static let neuronwiseStatement =
    "C2 on instance I1, all nine activations: for every hidden unit i, "
    + "d/dt(‖W_{l+1}[:,i]‖² − ‖W_l[i,:]‖²) = (2/n)Σ_p g_{l,i} φ_σ(z_{l,i}) "
    + "(max over units of the residual relative to the larger of the two inner products)"

  /// C2, or why it does not apply: with every hidden layer one unit wide, C2 is C1 itself and
  /// no unit can be paired with another's column, so nothing could control it.
  func addNeuronwiseChecks(
    _ instance: Instance, to measurements: Measurements, sharing store: IdentityStore? = nil
  ) {
    let hidden = instance.network.widths.dropFirst().dropLast()
    guard hidden.contains(where: { $0 > 1 }) else {
      measurements.notApplicable(
        id: "c2-neuronwise", kind: .identity, statement: Self.neuronwiseStatement,
        why: "every hidden layer of widths \(instance.network.widths) has one unit, so C2 is C1 "
          + "itself (checked by c1-identity-*) and no unit can be mispaired to control it")
      return
    }
    measurements.add(neuronwiseChecks(instance, store ?? IdentityStore(instance.network)))
  }

  func neuronwiseChecks(_ instance: Instance, _ store: IdentityStore) -> [any Check] {
    let loss = instance.loss
    let residual = { (pairing: (Int, Int) -> Int, worst: Bool, bits: Int) throws -> BigFloat in
      var values: [BigFloat] = []
      for activation in Activation.selectable {
        let id = try store.identities(activation, loss).value(bits: bits)
        let gradients = id.network.gradients(of: id.propagation)
        for l in 1..<id.network.depth {
          let units = id.network.upstreamDefectAverages(layer: l, of: id.propagation) { activation.defect($0) }
          let width = units.count
          guard width > 1 || worst else { continue }
          for i in 1...width {
            let (lhs, scale) = id.unitLHS(layer: l, row: i, column: pairing(i, width), gradients: gradients)
            values.append((lhs - BigFloat(2) * units[i - 1]).magnitude / scale)
          }
        }
      }
      // Some hidden layer is wider than one unit (addNeuronwiseChecks), so values is not empty.
      return worst ? values.maxOrNaN()! : values.minOrNaN()!
    }
    return [
      IdentityCheck(
        id: "c2-neuronwise", statement: Self.neuronwiseStatement,
        residual: { bits in try residual({ i, _ in i }, true, bits) },
        controls: [
          .init("row i of W_l paired with column j = i+1 of W_{l+1} (smallest residual over units)") { bits in
            try residual({ i, width in i % width + 1 }, false, bits)
          }
        ])
    ]
  }

  func conservationChecks(_ instance: Instance, sharing store: IdentityStore? = nil) -> [any Check] {
    let (store, loss) = (store ?? IdentityStore(instance.network), instance.loss)
    let conservation = { (activation: Activation, worst: Bool, bits: Int) throws -> BigFloat in
      let identity = try store.identities(activation, loss).value(bits: bits)
      let values = (1..<identity.network.depth).map { identity.lhs($0).magnitude / identity.scale($0) }
      return worst ? values.maxOrNaN()! : values.minOrNaN()!
    }
    return [
      IdentityCheck(
        id: "c3-conservation-class-a",
        statement: "C3 on instance I1: for σ linear and leaky ReLU, dΔ_l/dt = −2S_{l+1} + 2S_l = 0 "
          + "(relative to max(|S_l|, |S_{l+1}|)) at every layer",
        residual: { bits in
          BigFloat.maxOrNaN(try conservation(.linear, true, bits), try conservation(.leakyReLU, true, bits))
        },
        controls: [
          .init("the linear conservation law applied to tanh") { bits in try conservation(.tanh, false, bits) }
        ])
    ]
  }
}
