import Numeric

/// The run parameters of spec Section 3; defaults are the spec's instance T1.
extension TransformerDepthLimit {
  static let tokens = Parameter<Int>.integer("n", default: 4, in: 2...8, help: "number of tokens n")
  static let dimension = Parameter<Int>.integer(
    "d", default: 3, in: 1...4, help: "embedding dimension d")
  static let scaleM = Parameter<Rational>.rational(
    "scaleM", default: Rational(4, 5), in: .above(0, upTo: 2),
    help: "scale of the entries of M0, M1 (scores)")
  static let scaleV = Parameter<Rational>.rational(
    "scaleV", default: Rational(3, 5), in: .above(0, upTo: 2),
    help: "scale of the entries of V0, V1 (values)")
  static let depths = Parameter<[Int]>.integerList(
    "depths", default: [16, 32, 64, 128, 256], entries: 4...1024, count: 3...8,
    help: "increasing depths L of C1, C2, C5, each divisible by 4, the largest twice the one before; C4 uses the second")
  static let sDepths = Parameter<[Int]>.integerList(
    "sDepths", default: [64, 128, 256, 512], entries: 4...1024, count: 4...4,
    help: "four increasing depths of C3's S(L)")
  static let lr = Parameter<Rational>.rational(
    "lr", default: Rational(1, 10), in: .above(0, upTo: 1), help: "AdamW learning rate (C5)")
  static let wd = Parameter<Rational>.rational(
    "wd", default: Rational(1, 10), in: Rational(0)...1, help: "AdamW weight decay (C5)")
  static let eps = Parameter<Rational>.rational(
    "eps", default: Rational(1, 100), in: .above(0, upTo: 1), help: "AdamW ε; the depth-L rule uses ε/L (C5)")
  static let sigma = Parameter<Rational>.rational(
    "sigma", default: Rational(1, 50), in: .above(0, upTo: Rational(1, 10)),
    help: "head-noise amplitude σ (C3)")
  static let replicates = Parameter<Int>.integer(
    "replicates", default: 200, in: 10...2000, help: "Monte Carlo replicates R (C3)")
  static let heads = Parameter<[Int]>.integerList(
    "heads", default: [1, 4, 16], entries: 1...64, count: 2...4,
    help: "head counts H of C3's Monte Carlo, each 4 times the one before")
  static let mcDepths = Parameter<[Int]>.integerList(
    "mcDepths", default: [64, 256], entries: 4...1024, count: 2...3,
    help: "depths L of C3's Monte Carlo, each 4 times the one before")
  static let mcSeed = Parameter<Int>.integer(
    "mcSeed", default: 1000, in: 0...1_000_000_000, help: "replicate r uses SplitMix64 seed mcSeed + r (C3)")

  /// Rejects, before anything runs, what Section 3 excludes: depths not divisible by 4 (C2, C5
  /// read layers kL/4), not increasing, or whose two largest are not `L` and `2L` (the
  /// Richardson constant); head counts or Monte Carlo depths not growing by factors of 4 (the
  /// scaling band `[3, 5.3]` is for a factor 4).
  public func instance(_ arguments: Arguments) throws(UsageError) -> Instance {
    let depths = arguments[Self.depths]
    func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ",") }
    if let bad = depths.first(where: { $0 % 4 != 0 }) {
      throw UsageError("depths = \(list(depths)): \(bad) is not divisible by 4 (layers kL/4 are compared)")
    }
    for (name, values) in [("depths", depths), ("sDepths", arguments[Self.sDepths])]
    where zip(values, values.dropFirst()).contains(where: { $0 >= $1 }) {
      throw UsageError("\(name) = \(list(values)) is not strictly increasing")
    }
    guard depths[depths.count - 1] == 2 * depths[depths.count - 2] else {
      throw UsageError(
        "depths = \(list(depths)): the largest depth must be twice the one before (two-point Richardson on L e(L))")
    }
    for (name, values) in [("heads", arguments[Self.heads]), ("mcDepths", arguments[Self.mcDepths])]
    where zip(values, values.dropFirst()).contains(where: { $1 != 4 * $0 }) {
      throw UsageError("\(name) = \(list(values)): each entry must be 4 times the one before (the scaling band is for a factor 4)")
    }
    let attention = AttentionInstance(
      seed: arguments.seed, tokens: arguments[Self.tokens], dimension: arguments[Self.dimension],
      scaleM: arguments[Self.scaleM], scaleV: arguments[Self.scaleV])
    return Instance(
      attention: attention, depths: depths, sensitivityDepths: arguments[Self.sDepths],
      lr: arguments[Self.lr], wd: arguments[Self.wd], eps: arguments[Self.eps],
      noise: HeadNoise(
        instance: attention, sigma: arguments[Self.sigma], replicates: arguments[Self.replicates],
        seed: arguments[Self.mcSeed]),
      heads: arguments[Self.heads], monteCarloDepths: arguments[Self.mcDepths])
  }
}
