import Numeric

/// The run parameters of spec Section 3; defaults are the spec's instance.
extension MuonCounterexample {
  static let beta = Parameter<Rational>.rational(
    "beta", default: Rational(1, 4), in: .from(0, below: Rational(1, 2)),
    help: "β of the small-β trap (C2, NC2a, NC2b, C4 trap, C5, PC2)")
  static let epsilon = Parameter<Rational>.rational(
    "eps", default: Rational(1, 4), in: RationalInterval(lower: 0, upper: 1, lowerIsOpen: true, upperIsOpen: true),
    help: "ε of the trap, below 1 − 2β (C2, NC2a, C4 trap, C5, PC2)")
  static let start = Parameter<[Rational]>.rationalList(
    "w0", default: [Rational(3, 2), Rational(1, 2)], entries: Rational(-100)...Rational(100), count: 2...2,
    help: "diagonal of W_0, with positive trace (C2, NC2a, NC2b, NC3, C4 trap, C5, PC2)")
  static let horizon = Parameter<Int>.integer(
    "horizon", default: 2000, in: 1...20000, help: "T of C2, C3, NC2a, NC2b, NC3, PC2")
  static let gammaBar = Parameter<Rational>.rational(
    "gamma_bar", default: Rational(1, 10), in: .above(Rational(1, 1 << 20), upTo: 10),
    help: "γ̄ of C2, C3, NC2a, NC2b, NC3, PC2")
  static let betaLarge = Parameter<Rational>.rational(
    "beta_large", default: Rational(15, 16), in: .from(Rational(1, 2), below: 1),
    help: "β of the large-β trap (C3, NC3)")
  static let epsilonLarge = Parameter<Rational>.rational(
    "eps_large", default: Rational(1, 32), in: RationalInterval(lower: 0, upper: 1, lowerIsOpen: true, upperIsOpen: true),
    help: "ε of the large-β trap, below (1 − β)/(1 + β) (C3, NC3)")
  static let epsilonBad = Parameter<Rational>.rational(
    "eps_bad", default: Rational(5, 8), in: RationalInterval(lower: 0, upper: 1, lowerIsOpen: true, upperIsOpen: true),
    help: "ε of NC2b, above 1 − 2β")
  static let huberMu = Parameter<Rational>.rational(
    "huber_mu", default: Rational(1, 8), in: .above(0, upTo: 10), help: "Huber μ of NC2a")

  static let reductionSize = Parameter<Int>.integer(
    "red_n", default: 3, in: 1...6, help: "n of the n×n reduction instance (C1)")
  static let reductionBeta = Parameter<Rational>.rational(
    "red_beta", default: Rational(1, 4), in: .from(0, below: 1), help: "β of C1 and NC1")
  static let reductionEpsilon = Parameter<Rational>.rational(
    "red_eps", default: Rational(1, 10), in: Rational(0)...Rational(10),
    help: "ε of φ(x) = ε|Σx| + Σ c_i|x_i − a_i| (C1)")
  static let reductionWeights = Parameter<[Rational]>.rationalList(
    "red_c", default: [1, Rational(1, 2), Rational(3, 4)], entries: Rational(0)...Rational(10),
    count: 1...6, help: "weights c_i of φ, red_n of them (C1)")
  static let reductionCentres = Parameter<[Rational]>.rationalList(
    "red_a", default: [Rational(1, 3), Rational(-1, 5), Rational(1, 7)],
    entries: Rational(-10)...Rational(10), count: 1...6, help: "kinks a_i of φ, red_n of them (C1)")
  static let reductionDiagonal = Parameter<[Rational]>.rationalList(
    "red_diag", default: [1, 2, Rational(-1, 2)], entries: Rational(-10)...Rational(10),
    count: 1...6, help: "diag(W_0) of C1, red_n entries")
  static let reductionScale = Parameter<Rational>.rational(
    "red_scale", default: Rational(1, 2), in: Rational(0)...Rational(10),
    help: "symmetric scale of C1's off-diagonal entries of W_0")
  static let reductionSeed = Parameter<Int>.integer(
    "red_seed", default: 7, in: 0...1_000_000_000, help: "SplitMix64 seed of C1's off-diagonal W_0")
  static let reductionHorizon = Parameter<Int>.integer(
    "red_T", default: 40, in: 1...1000, help: "steps T of C1")
  static let reductionGammaBar = Parameter<Rational>.rational(
    "red_gamma_bar", default: Rational(1, 5), in: .above(Rational(1, 1 << 20), upTo: 10),
    help: "γ̄ of C1's inv_sqrt schedule; NC1's constant step")

  static let errorFeedbackHorizons = Parameter<[Int]>.integerList(
    "ef_horizons", default: [256, 512, 1024, 2048, 4096], entries: 2...16384, count: 3...8,
    help: "increasing horizons T of the C4 trap ladder")
  static let anytimeHorizon = Parameter<Int>.integer(
    "ef_any_T", default: 4096, in: 16...16384,
    help: "T of C5, a multiple of 16 (checkpoints T/16, T/8, T/4, T/2, T)")
  static let anytimeGammaBar = Parameter<Rational>.rational(
    "ef_any_gamma_bar", default: Rational(1, 4), in: .above(Rational(1, 1 << 20), upTo: 10),
    help: "γ̄ of C5's inv_sqrt schedule")

  static let matrixRows = Parameter<Int>.integer(
    "mat_m", default: 3, in: 1...6, help: "rows m of the C4 matrix instance")
  static let matrixColumns = Parameter<Int>.integer(
    "mat_n", default: 2, in: 1...6, help: "columns n of the C4 matrix instance (r = min(m, n))")
  static let matrixTerms = Parameter<Int>.integer(
    "mat_k", default: 4, in: 1...8, help: "terms k of f(W) = Σ |u_iᵀ W v_i − c_i|")
  static let matrixSeed = Parameter<Int>.integer(
    "mat_seed", default: 11, in: 0...1_000_000_000, help: "SplitMix64 seed of the matrix instance")
  static let matrixBeta = Parameter<Rational>.rational(
    "mat_beta", default: Rational(1, 4), in: .from(0, below: 1), help: "β of the matrix instance")
  static let matrixHorizons = Parameter<[Int]>.integerList(
    "mat_horizons", default: [100, 200, 400], entries: 1...4000, count: 2...6,
    help: "increasing horizons T of the matrix instance")

  public var parameters: [any ParameterDeclaration] {
    [
      Self.beta, Self.epsilon, Self.start, Self.horizon, Self.gammaBar, Self.betaLarge,
      Self.epsilonLarge, Self.epsilonBad, Self.huberMu, Self.reductionSize, Self.reductionBeta,
      Self.reductionEpsilon, Self.reductionWeights, Self.reductionCentres, Self.reductionDiagonal,
      Self.reductionScale, Self.reductionSeed, Self.reductionHorizon, Self.reductionGammaBar,
      Self.errorFeedbackHorizons, Self.anytimeHorizon, Self.anytimeGammaBar, Self.matrixRows,
      Self.matrixColumns, Self.matrixTerms, Self.matrixSeed, Self.matrixBeta, Self.matrixHorizons,
    ]
  }
}
