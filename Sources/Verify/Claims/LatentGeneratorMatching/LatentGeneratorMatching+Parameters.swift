import Numeric

/// The run parameters of spec Section 3.1; defaults are the spec's Section 4 instance.
extension LatentGeneratorMatching {
  static let states = Parameter<Int>.integer(
    "states", default: 6, in: 2...10, help: "number nY of latent states")
  static let phi = Parameter<[Int]>.integerList(
    "phi", default: [0, 0, 1, 1, 2, 2], entries: 0...9, count: 2...10,
    help: "the projection Φ, nY entries in 0...nY−1, onto {0..nX−1}")
  static let phiNonprojection = Parameter<[Int]>.integerList(
    "phi_nonproj", default: [0, 1, 2, 2, 1, 0], entries: 0...9, count: 2...10,
    help: "the second map Φ′, nY entries, onto the same {0..nX−1}")
  static let chainSeed = Parameter<Int>.integer(
    "seed", default: 31, in: 0...1_000_000,
    help: "SplitMix64 seed of A, B, p₀ (the C1 law uses seed + 1000); --seed N sets it too")
  static let rateScale = Parameter<Rational>.rational(
    "rate_scale", default: 2, in: Rational(1, 10)...4, help: "off-diagonal rate = rate_scale · u")
  static let times = Parameter<[Rational]>.rationalList(
    "times", default: [Rational(1, 4), Rational(1, 2), 1], entries: .above(0, upTo: 2), count: 1...4,
    help: "times of C2 (the first is also the C1 time on the flow)")
  static let thetaSeed = Parameter<Int>.integer(
    "theta_seed", default: 32, in: 0...1_000_000, help: "SplitMix64 seed of θ_a, θ_b (C3)")
  // The spec gives the Gaussian parameters no ranges; these keep e^{At} at t ≤ 3 printable.
  static let drift = Parameter<[Rational]>.rationalList(
    "drift", default: [-1, Rational(4, 5), Rational(-1, 2), Rational(-3, 10)],
    entries: Rational(-4)...4, count: 4...4, help: "a11, a12, a21, a22 of A (C4), a12 ≠ 0")
  static let diffusion = Parameter<[Rational]>.rationalList(
    "diffusion", default: [Rational(3, 5), Rational(2, 5), Rational(9, 10)],
    entries: Rational(-4)...4, count: 3...3, help: "g11, g21, g22 of the lower-triangular G (C4)")
  static let c0 = Parameter<[Rational]>.rationalList(
    "c0", default: [1, Rational(3, 10), Rational(1, 2)], entries: Rational(-10)...10, count: 3...3,
    help: "C0_11, C0_12, C0_22 of the positive definite C₀ (C4)")
  static let gaussTimes = Parameter<[Rational]>.rationalList(
    "gauss_times", default: [Rational(1, 2), 1, 2], entries: .above(0, upTo: 3), count: 1...4,
    help: "times of C4")

  public var parameters: [any ParameterDeclaration] {
    [
      Self.states, Self.phi, Self.phiNonprojection, Self.chainSeed, Self.rateScale, Self.times,
      Self.thetaSeed, Self.drift, Self.diffusion, Self.c0, Self.gaussTimes,
    ]
  }

  /// The chain seed: `--set seed=N`, or else `--seed N` (one name for one quantity; setting
  /// both to different values is a usage error). The spec's range 0...1000000 bounds the
  /// parameter; `--seed` takes any 64-bit seed, as it does for every claim.
  static func seed(_ arguments: Arguments) throws(UsageError) -> UInt64 {
    let set = arguments[chainSeed]
    let given = arguments.seed
    if set != 31 {
      guard given == 31 || given == UInt64(set) else {
        throw UsageError("--seed \(given) and --set seed=\(set) name different chain seeds")
      }
      return UInt64(set)
    }
    return given
  }

  /// `phi` as a map on `states` states, or the usage error naming the condition it breaks.
  static func map(_ image: [Int], named name: String, states: Int) throws(UsageError) -> FibreMap {
    guard image.count == states else {
      throw UsageError("\(name) has \(image.count) entries; it needs states = \(states)")
    }
    if let large = image.first(where: { $0 >= states }) {
      throw UsageError("\(name) maps to \(large), outside 0...\(states - 1)")
    }
    let map = FibreMap(image)
    if let missing = map.fibres.firstIndex(where: \.isEmpty) {
      throw UsageError("\(name) is not onto {0..\(map.count - 1)}: nothing maps to \(missing)")
    }
    guard map.count >= 2 else {
      throw UsageError("\(name) maps every state to 0: with nX = 1 there is no rate to project")
    }
    guard map.fibres.contains(where: { $0.count >= 2 }) else {
      throw UsageError(
        "\(name) is a bijection: every fibre is one state, so Q̄ = Q and the fibre-weight controls coincide with the claim")
    }
    return map
  }

  public func instance(_ arguments: Arguments) throws(UsageError) -> Instance {
    let states = arguments[Self.states]
    let projection = try Self.map(arguments[Self.phi], named: "phi", states: states)
    let second = try Self.map(arguments[Self.phiNonprojection], named: "phi_nonproj", states: states)
    guard second.count == projection.count else {
      throw UsageError("phi_nonproj has nX = \(second.count), phi has nX = \(projection.count): they must agree")
    }
    let c0 = arguments[Self.c0]
    guard c0[0] > 0, c0[0] * c0[2] - c0[1] * c0[1] > 0 else {
      throw UsageError("c0 = (\(c0.map(\.description).joined(separator: ", "))) is not positive definite")
    }
    let drift = arguments[Self.drift]
    guard drift[1] != 0 else {
      throw UsageError("drift a12 = 0: the latent does not enter X's drift, so both C4 controls are the projection itself")
    }
    let seed = try Self.seed(arguments)
    let chain = LatentChain(states: states, seed: seed, rateScale: arguments[Self.rateScale])
    var lawGenerator = SplitMix64(seed: seed + 1000)
    return Instance(
      chain: chain,
      law: LatentChain.law(states: states, generator: &lawGenerator, offset: Rational(1, 4)),
      maps: [("proj", projection), ("nonproj", second)], times: arguments[Self.times],
      models: MatchingModel.pair(states: projection.count, seed: UInt64(arguments[Self.thetaSeed])),
      gaussian: GaussianLatent(drift: drift, diffusion: arguments[Self.diffusion], start: c0),
      gaussTimes: arguments[Self.gaussTimes])
  }
}
