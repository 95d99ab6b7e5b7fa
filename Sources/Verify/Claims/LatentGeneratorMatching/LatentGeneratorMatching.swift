import Numeric

/// Billera, Nordlinder & Murrell, "Latent Process Generator Matching" (arXiv:2605.20547): for a
/// process `Y_t` and a map Φ, the projected generator (the conditional expectation of the
/// latent generator's action on functions of Φ) drives a process whose one-time marginals are
/// those of `Φ(Y_t)`, and the conditional and marginal matching losses have the same gradient.
/// Spec: `shared/claims/latent-generator-matching.md`, claims C1–C4, on finite-state chains
/// with `Q_t = A + tB` and on a linear-Gaussian latent. The checks live beside this file.
public struct LatentGeneratorMatching: Claim {
  public init() {}

  public let id = "latent-generator-matching"
  /// A scheduling hint: the default run takes about 5 s.
  public var schedulingWeight: Int { 5 }
  public let title = "Latent process generator matching: projected generators reproduce the marginals of Φ(Y_t)"
  public let source = Source(
    title: "Latent Process Generator Matching", arxiv: "2605.20547",
    location: "abstract and introduction (marginal matching; gradient equality, Theorem 3.12); "
      + "the finite-state and Gaussian instances, the explicit projected generator, the "
      + "squared-loss form and the controls are derived in the spec (claims C1–C4)")
  public let statement = """
    For a chain with rates `Q_t = A + tB` on `{0..nY−1}`, a surjection Φ onto `{0..nX−1}` and \
    the projected generator `Q̄_t(p)(x, x′) = Σ_{Φ(y)=x} p(y)/pX(x) Σ_{Φ(y′)=x′} Q_t(y, y′)`: \
    (C1, exact form derived) `Φ_*(pQ_t) = pX Q̄_t(p)` for every law p; (C2) the chain on X with \
    generator `Q̄_t(p_t)` from `pX₀` has the marginals `pX_t` of `Φ(Y_t)`, for a projection and a \
    non-projection Φ alike; (C3, squared-loss form derived) the conditional and marginal \
    squared matching losses of a linear rate model differ by a θ-independent constant K, so \
    their gradients agree (not so for the absolute loss); (C4, derived) for `dY = AY dt + G dW` \
    on `Y = (X, Z)`, the projected diffusion of X, drift `(a₁₁ + a₁₂C₁₂/C₁₁)x`, has variance \
    `C₁₁,t`.
    """
  public let defaultSeed: UInt64 = 31

  /// What the checks run on, decoded and validated once.
  public struct Instance: Sendable {
    /// The latent chain of C1–C3.
    public let chain: LatentChain
    /// The arbitrary law of C1 (weights `1/4 + u` from seed + 1000).
    let law: [Rational]
    /// `phi` as `proj`, `phi_nonproj` as `nonproj`.
    let maps: [(name: String, map: FibreMap)]
    let times: [Rational]
    let models: (a: MatchingModel, b: MatchingModel)
    let gaussian: GaussianLatent
    let gaussTimes: [Rational]
  }

  /// The time of C1 on an arbitrary law.
  static let lawTime = Rational(7, 10)
  /// Gauss–Legendre nodes on [0, 1] (and on each piece between kinks) for C3.
  public static let quadraturePoints = 48
  /// The Taylor integrators' order.
  static let integratorOrder = 40

  /// `2^−(p/2 + 5)` at working precision p: the integrators' local tolerance (1e−40 at 256 bits,
  /// the spec's).
  static var integratorTolerance: BigFloat { powerOfTwo(-(Precision.bits / 2 + 5)) }
  /// `2^−(p/2 − 10)`: two independent routes to the same quantity agree (3e−36 at 256 bits,
  /// within the spec's 1e−35).
  static var agreementBound: BigFloat { powerOfTwo(-(Precision.bits / 2 - 10)) }
  /// `2^−(p/2 − 28)`: the projected chain matches `pX_t` (7.9e−31 at 256 bits, within the
  /// spec's 1e−30).
  static var matchingBound: BigFloat { powerOfTwo(-(Precision.bits / 2 - 28)) }
  /// A wrong construction is rejected when it misses by at least this (the spec's 1e−6).
  static let controlThreshold = Rational(1, 1_000_000)

  public func measure(_ instance: Instance, _ measurements: Measurements) throws {
    let chain = instance.chain
    for (y, value) in chain.initial.enumerated() { measurements.record("chain_p0_\(y)", BigFloat(value)) }
    for (y, value) in chain.a[0].enumerated() { measurements.record("chain_A0_\(y)", BigFloat(value)) }
    measurements.add(try seriesCheck(instance, measurements))
    for (name, map) in instance.maps {
      measurements.add(exactIdentityCheck(instance, name: name, map: map, measurements))
      measurements.add(flowIdentityCheck(instance, name: name, map: map, measurements))
    }
    for (name, map) in instance.maps {
      measurements.add(try matchingCheck(instance, name: name, map: map, measurements))
    }
    measurements.add(try lossChecks(instance, measurements))
    measurements.add(try gaussianChecks(instance, measurements))
  }
}
