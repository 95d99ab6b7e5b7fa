import Numeric

/// Rawal & DeWeese, "A Theory of Saddle Escape in Deep Nonlinear Networks" (arXiv:2605.01288):
/// the exact Frobenius-norm imbalance identity for any smooth activation, the four universality
/// classes of its Euler defect, the drift law near the small-initialisation saddle and the
/// critical-depth escape law. Spec: `shared/claims/frobenius-imbalance.md` (claims C1–C9).
///
/// Every check computes; no reference value of the spec appears here. The instances (widths,
/// seeds, ε grids, escape data) are the spec's inputs.
public struct FrobeniusImbalance: Claim {
  public init() {}

  public var id: String { "frobenius-imbalance" }
  /// A scheduling hint: the default run takes about 6 s.
  public var schedulingWeight: Int { 6 }
  public var title: String {
    "Frobenius imbalance identity, activation classes and the critical-depth escape law"
  }
  public var source: Source {
    Source(
      title: "A Theory of Saddle Escape in Deep Nonlinear Networks", arxiv: "2605.01288",
      location: "imbalance identity, universality classes, escape law (claims C1–C9 of the spec)")
  }

  public var statement: String {
    """
    For a biasless MLP `z_l = W_l h_{l−1}`, `h_l = σ(z_l)`, `ŷ = z_L` under gradient flow on \
    `L = (1/n) Σ_p ℓ(ŷ(x_p), y_p)`, the imbalance `Δ_l = ‖W_{l+1}‖²_F − ‖W_l‖²_F` obeys exactly

        dΔ_l/dt = (2/n) Σ_p ⟨g_l(x_p), φ_σ(z_l(x_p))⟩,   g_l = W_{l+1}ᵀ δ_{l+1},   φ_σ(z) = zσ′(z) − σ(z)

    (C1; per unit, C2; `dΔ_l/dt = 0` for positively 1-homogeneous σ, C3). \
    `φ_σ(z) = −σ(0) + Σ_{k≥2} (k−1) σ^{(k)}(0)/k! z^k` (C4) sorts activations into classes A–D \
    (C5). Near the saddle `W_l = ε M_l`, `dΔ_l/dt ≈ C_l ε^{L+(q−1)l}` for classes B, C and \
    `Θ(ε^{L−l})` for class D (C6). The escape time from r bottleneck layers of size ε scales as \
    `ε^{−(r−2)}` (r ≥ 3), `ln(1/ε)` (r = 2) (C7), independently of the depth (C8). The \
    permutation-symmetric set `W_1 = 1uᵀ`, `W_l = w_l 11ᵀ`, `W_L = c1ᵀ` is flow-invariant and \
    carries the scalar-chain flow (C9).
    """
  }

  static let activation = Parameter<Activation>.choice(
    "activation", default: .tanh, among: Activation.selectable,
    help: "activation σ of the instance whose values are reported")
  static let loss = Parameter<PerSampleLoss>.choice(
    "loss", default: .squared, help: "per-sample loss of the I1-type instance")
  static let widths = Parameter<[Int]>.integerList(
    "widths", default: [3, 4, 3, 1], entries: 1...12, count: 3...7,
    help: "widths n_0 = d, n_1, …, n_L of the I1-type instance (at least one hidden layer)")
  static let samples = Parameter<Int>.integer(
    "samples", default: 5, in: 1...64, help: "number n of data points")
  static let scale = Parameter<Rational>.rational(
    "scale", default: Rational(4, 5), in: Rational(1, 100)...Rational(4),
    help: "weight entries are uniform on [−scale, scale)")

  public var parameters: [any ParameterDeclaration] {
    [Self.activation, Self.loss, Self.widths, Self.samples, Self.scale]
  }

  public var defaultSeed: UInt64 { 1 }

  /// What the checks are run on: the I1-type instance of the parameters.
  public struct Instance: Sendable {
    var activation: Activation
    var loss: PerSampleLoss
    var network: NetworkInstance
    var precision: Int

    /// The identity on the I1-type instance for `activation` at the working precision.
    func identity(_ activation: Activation, loss: PerSampleLoss? = nil) -> ImbalanceIdentity<BigFloat> {
      ImbalanceIdentity(
        network: network.network(activation, as: BigFloat.self), data: network.dataset(),
        loss: loss ?? self.loss)
    }
  }

  public func instance(_ arguments: Arguments) -> Instance {
    Instance(
      activation: arguments[Self.activation], loss: arguments[Self.loss],
      network: NetworkInstance(
        widths: arguments[Self.widths], samples: arguments[Self.samples], seed: arguments.seed,
        scale: arguments[Self.scale]),
      precision: arguments.precision)
  }

  public func measure(_ instance: Instance, _ measurements: Measurements) {
    recordValues(instance, in: measurements)
    // The precision showcase first: it is why this claim needs MPFR at all.
    measurements.add(PrecisionShowcase())
    let identities = IdentityStore(instance.network)
    measurements.add(identityChecks(instance, sharing: identities))
    addNeuronwiseChecks(instance, to: measurements, sharing: identities)
    measurements.add(conservationChecks(instance, sharing: identities))
    measurements.add(taylorChecks(instance))
    measurements.add(saddleChecks(instance))
    measurements.add(escapeChecks(instance))
    measurements.add(invarianceChecks(instance))
  }

  /// The named values of the spec for the selected activation and instance.
  func recordValues(_ instance: Instance, in measurements: Measurements) {
    let identity = instance.identity(instance.activation)
    let depth = identity.network.depth
    measurements.record("loss", identity.network.loss(on: identity.data, instance.loss))
    for l in 1..<depth { measurements.record("dDelta_\(l)", identity.lhs(l)) }
    for l in 1...depth { measurements.record("S_\(l)", identity.s(l)) }
    let series = DefectSeries<BigFloat>(instance.activation)
    for (k, c) in series.defect.enumerated() { measurements.record("phi_c\(k)", c) }
    let (kind, q) = series.classify(zero: Self.zeroThreshold(bits: instance.precision))
    measurements.record("class", text: kind.rawValue)
    measurements.record("q", text: q.map(String.init) ?? "none")
    recordShowcase(instance, in: measurements)
    for (n, escape) in Self.escapeCases.enumerated() {
      // τ comes from a binary64 integration (relative error ~1e−12), so the slope is recorded
      // with the 53 bits it is good for rather than with digits it does not have.
      measurements.record("escape_slope_\(n + 1)", escape.fittedSlope(bits: 53))
    }
  }

  /// Below this magnitude a Taylor coefficient counts as zero: `2^{−p+56}` (≈ 1e−60 at 256 bits).
  static func zeroThreshold(bits: Int) -> BigFloat {
    BigFloat(Rational.pow(Rational(2), 56 - bits), precision: 64)
  }
}
