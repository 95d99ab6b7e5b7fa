import Numeric

/// The run parameters of spec Section 3.1; defaults are the spec's instances D1 and P1.
extension DriftingConservative {
  static let positive = RationalInterval.above(0, upTo: 100)

  static let dataCount = Parameter<Int>.integer(
    "M", default: 5, in: 1...12, help: "planar data points y₁ … y_M (C2, C3)")
  static let particleCount = Parameter<Int>.integer(
    "N", default: 4, in: 1...12, help: "planar particles x₁ … x_N (C2, C3)")
  static let pointCount = Parameter<Int>.integer(
    "K", default: 3, in: 1...12, help: "planar evaluation points z₁ … z_K (C2, C3)")
  static let scale = Parameter<Rational>.rational(
    "scale", default: Rational(3, 2), in: positive, help: "entry scale of the planar data and particles")
  static let evalScale = Parameter<Rational>.rational(
    "evalScale", default: 1, in: positive, help: "entry scale of the evaluation points")
  static let bandwidth = Parameter<Rational>.rational(
    "h", default: Rational(7, 10), in: positive, help: "Gaussian bandwidth h of the planar fields")
  static let tau = Parameter<Rational>.rational(
    "tau", default: Rational(3, 5), in: positive, help: "Laplace scale τ of the planar fields")
  static let centre = Parameter<[Rational]>.rationalList(
    "center", default: [Rational(3, 20), Rational(-1, 10)], entries: Rational(-100)...Rational(100),
    count: 2...2, help: "centre c of C2's circle")
  static let radius = Parameter<Rational>.rational(
    "R", default: Rational(3, 10), in: positive,
    help: "radius of C2's circle; no data point or particle in the closed disc")
  static let trapezoidNodes = Parameter<[Int]>.integerList(
    "trapN", default: [256, 512], entries: 8...4096, count: 2...2,
    help: "the two increasing node counts of the circulation's trapezoid rule")

  static let divSeed = Parameter<Int>.integer(
    "divSeed", default: 11, in: 0...1_000_000_000, help: "SplitMix64 seed of the C1/C1b instance")
  static let dimension = Parameter<Int>.integer(
    "dim", default: 2, in: 1...4, help: "dimension d of C1/C1b")
  static let divDataCount = Parameter<Int>.integer(
    "divM", default: 5, in: 1...8, help: "data points of C1/C1b")
  static let divParticleCount = Parameter<Int>.integer(
    "divN", default: 4, in: 1...8, help: "particles of C1/C1b")
  static let divScale = Parameter<Rational>.rational(
    "divScale", default: Rational(3, 2), in: positive, help: "entry scale of the C1/C1b instance")
  static let divBandwidth = Parameter<Rational>.rational(
    "divH", default: Rational(7, 10), in: positive, help: "Gaussian bandwidth h of C1/C1b")
  static let flowHorizon = Parameter<Rational>.rational(
    "flowT", default: Rational(1, 2), in: .above(0, upTo: 2), help: "horizon T of C1b's flow")
  static let flowSteps = Parameter<Int>.integer(
    "flowSteps", default: 8, in: 2...64,
    help: "equal big steps of C1b's flow (refinement test: against 3/4 as many)")
  static let extrapolation = Parameter<Int>.integer(
    "extrap", default: 16, in: 4...32,
    help: "extrapolation depth of the oracle's Gragg–Bulirsch–Stoer steps (order 2·extrap); C1b's Taylor steps have order at most 2·extrap + 24")

  static let rateDims = Parameter<[Int]>.integerList(
    "rateDims", default: [1, 2, 3, 5], entries: 1...20, count: 1...8, help: "dimensions d of C4")
  static let rateBetas = Parameter<[Rational]>.rationalList(
    "rateBetas", default: [0, Rational(1, 2), 1, Rational(3, 2)], entries: .from(0, below: 2),
    count: 1...8, help: "exponents β ∈ [0, 2) of C4")
  static let rateN = Parameter<[Int]>.integerList(
    "rateN", default: [10_000, 1_000_000], entries: 1...1_000_000_000_000, count: 2...2,
    help: "the two distinct particle numbers N of C4")
  static let biasConstant = Parameter<Rational>.rational(
    "biasConst", default: 1, in: .above(0, upTo: 1_000_000), help: "A of E(h) = A h^(2−β) + B/(N h^(d+2))")
  static let varianceConstant = Parameter<Rational>.rational(
    "varConst", default: 1, in: .above(0, upTo: 1_000_000), help: "B of E(h)")
  static let latticeDims = Parameter<[Int]>.integerList(
    "latticeDims", default: [1, 2, 3], entries: 1...6, count: 1...6, help: "lattice dimensions d")
  static let latticeRatios = Parameter<[Rational]>.rationalList(
    "latticeRatios", default: [Rational(1, 2), 1, 2], entries: Rational(1, 4)...Rational(8),
    count: 1...6, help: "bandwidth-to-spacing ratios h/δ of the lattice (δ = 1)")

  public var parameters: [any ParameterDeclaration] {
    [
      Self.dataCount, Self.particleCount, Self.pointCount, Self.scale, Self.evalScale,
      Self.bandwidth, Self.tau, Self.centre, Self.radius, Self.trapezoidNodes, Self.divSeed,
      Self.dimension, Self.divDataCount, Self.divParticleCount, Self.divScale, Self.divBandwidth,
      Self.flowHorizon, Self.flowSteps, Self.extrapolation, Self.rateDims, Self.rateBetas,
      Self.rateN, Self.biasConstant, Self.varianceConstant, Self.latticeDims, Self.latticeRatios,
    ]
  }
}
