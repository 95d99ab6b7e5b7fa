import Numeric

/// "Density-Ratio Losses for Post-Hoc Learning to Defer" (arXiv:2605.19557): deferring by the
/// density ratio of the model's KL ideal to the expert's recovers Chow's rule, or an
/// expert-tilted posterior, depending on the kind of ideal. Spec: `claims/chow-rule.md`, claims
/// C1–C4, all but the logarithms decided in exact rationals. The measurements live beside this
/// file (`ChowRule+*.swift`), the models they use in this folder.
public struct ChowRule: Claim {
  public init() {}

  public let id = "chow-rule"
  public let title =
    "Density-ratio deferral between KL ideals: Chow's rule, or an expert-tilted posterior"
  public let source = Source(
    title: "Density-Ratio Losses for Post-Hoc Learning to Defer", arxiv: "2605.19557",
    location: "abstract (a)–(e), the only part that could be read; statements derived in the "
      + "spec, claims C1–C4")
  public let statement = """
    On a finite input space with posterior `η`, model `h = argmax η` and an expert correct with \
    probability `a(x, y)`, with KL ideals `Q = P e^{−λℓ}/Z`: (C1) `Q*` is the unique minimiser \
    of `E_Q ℓ + KL(Q‖P)/λ`, with gap `KL(Q‖Q*)/λ`; (C2) the balanced logistic DR-CPE risk is \
    strictly convex with minimiser `ln r`, the log density ratio, and minimum `ln 2 − JS`; \
    (C3) for ideals on the input space, `r_M(x) b^{D·stat(x)} = Z′_e/Z′_h` exactly, so \
    thresholding `r_M` is Chow's rule on the original posterior, every deferral set is optimal \
    for its rate, and a constant deferral cost leaves the expert's ideal unchanged; (C4) the \
    joint ideals' marginal ratio is `r_J = (Z_e/Z_h) Σ_y η̃ w_h/w_e` with the expert-tilted \
    posterior `η̃`: Chow again for an expert of constant accuracy (and for small λ), not in \
    general; averaging the pointwise joint log-ratio under the original posterior gives Chow. \
    Only the paper's abstract could be read: its own definitions (temperature convention, how \
    a random expert enters, what it calls a joint or a marginal ideal, the exact theorem \
    statements) were not seen and may differ, so every formula here is the spec's derivation. \
    The abstract names the two outcomes and the two kinds of ideal without saying which goes \
    with which; both readings are covered ("marginal" as an ideal on the input space, C3, or \
    as the input marginal of a joint ideal, C4), the checks are named after the mathematical \
    objects, and this report makes no claim about the paper's pairing.
    """
  public let defaultSeed: UInt64 = 7

  static let classes = Parameter<Int>.integer(
    "classes", default: 3, in: 2...6, help: "number of classes K")
  static let eta = Parameter<[Int]>.integerList(
    "eta", default: [1, 9, 0, 3, 5, 2, 6, 4, 0, 0, 4, 6, 1, 5, 4, 2, 8, 0, 0, 8, 2, 0, 7, 3],
    entries: 0...10, count: 4...72,
    help: "posterior η in tenths, row-major (x-major), n·K entries, each row summing to 10")
  static let mass = Parameter<[Int]>.integerList(
    "p", default: Array(repeating: 1, count: 8), entries: 1...1000, count: 2...12,
    help: "input masses p(x) = p_x/Σp, one per x (n = the count; 2ⁿ subsets are searched)")
  static let expert = Parameter<[Int]>.integerList(
    "expert", default: [9, 5, 1], entries: 0...10, count: 2...6,
    help: "instance A's expert accuracy in tenths per class, a(x, y) = expert_y/10")
  static let constantAccuracy = Parameter<Rational>.rational(
    "constant_accuracy", default: Rational(7, 10), in: Rational(0)...Rational(1),
    help: "instance B's constant expert accuracy α, a multiple of 1/100")
  static let base = Parameter<Rational>.rational(
    "b", default: Rational(99, 100), in: Rational(1, 100)...Rational(99_999, 100_000),
    help: "temperature base: λ = 100 ln(1/b), e^{−λL} = b^{100·L}")
  static let chiLambda = Parameter<Rational>.rational(
    "chi_lambda", default: 2, in: .above(0, upTo: 1000),
    help: "temperature λ_χ of the χ² control (every χ² weight must be positive)")
  static let cost = Parameter<Rational>.rational(
    "cost", default: Rational(3, 10), in: Rational(0)...Rational(1),
    help: "constant deferral cost c_d of the invariance check, a multiple of 1/100")
  static let ladderBases = [
    (1, Rational(999, 1000)), (2, Rational(99, 100)), (3, Rational(9, 10)), (4, Rational(1, 2)),
  ].map { k, value in
    Parameter<Rational>.rational(
      "ladder_b\(k)", default: value, in: Rational(1, 100)...Rational(99_999, 100_000),
      help: "base b of rung \(k) of the small-λ ladder (largest b, smallest λ, first)")
  }

  public var parameters: [any ParameterDeclaration] {
    [
      Self.classes, Self.eta, Self.mass, Self.expert, Self.constantAccuracy, Self.base,
      Self.chiLambda, Self.cost,
    ] + Self.ladderBases
  }

  public func instance(_ arguments: Arguments) throws(UsageError) -> ChowRuleInstance {
    try ChowRuleInstance(
      classes: arguments[Self.classes], posteriorTenths: arguments[Self.eta],
      massWeights: arguments[Self.mass], expertTenths: arguments[Self.expert],
      constantAccuracy: arguments[Self.constantAccuracy], base: arguments[Self.base],
      chiLambda: arguments[Self.chiLambda], cost: arguments[Self.cost],
      ladderBases: Self.ladderBases.map { arguments[$0] })
  }

  public func measure(_ instance: ChowRuleInstance, _ measurements: Measurements) throws {
    let analyses = instance.problems.map {
      DeferralAnalysis(name: $0.name, problem: $0.problem, chiLambda: instance.chiLambda)
    }
    let gibbs = GibbsMeasurements(problem: analyses[0].problem, seed: measurements.seed)
    let smallLambda = instance.ladderBases.map { analyses[0].problem.with(base: $0) }
      .map { DensityRatios($0) }
    try Self.record(analyses, gibbs: gibbs, smallLambda: smallLambda, instance, in: measurements)
    measurements.add(Self.gibbsChecks(gibbs))
    measurements.add(Self.reductionChecks(analyses))
    measurements.add(Self.inputSpaceChecks(analyses, cost: instance.cost))
    measurements.add(Self.jointChecks(analyses, smallLambda: smallLambda))
  }
}
