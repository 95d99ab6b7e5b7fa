import Numeric

/// The run parameters of spec §3 (defaults: the first §4 instance of each family) and the
/// instance they select, validated once: a violated constraint between parameters is a
/// `UsageError` (exit 2) before any check runs.
extension CopyAverage {
  static let partition = Parameter<[Int]>.integerList(
    "ca_partition", default: [1, 3], entries: 1...12, count: 1...8,
    help: "C1/C3/C8 CA partition in teacher order (consecutive blocks; one of size >= 2)")
  static let secondPartition = Parameter<[Int]>.integerList(
    "ca_partition2", default: [2, 2], entries: 1...12, count: 1...8,
    help: "second CA partition of the same k (C1, C3 Monte Carlo, C8 control)")
  static let caDimension = Parameter<Int>.integer(
    "ca_d", default: 5, in: 1...16, help: "input dimension d >= k of the CA instance")
  static let caSeed = Parameter<Int>.integer(
    "ca_seed", default: 11, in: 0...1_000_000, help: "Householder seed of the CA teacher")
  static let monteCarloLog2 = Parameter<Int>.integer(
    "mc_log2n", default: 20, in: 10...22, help: "C3 Monte Carlo: log2 of the sample count")
  static let monteCarloSeed = Parameter<Int>.integer(
    "mc_seed", default: 101, in: 0...1_000_000, help: "C3 Monte Carlo: SplitMix64 seed")
  static let orderTeachers = Parameter<Int>.integer(
    "order_k", default: 6, in: 2...16, help: "C4 ranking: teachers k")
  static let orderStudents = Parameter<Int>.integer(
    "order_n", default: 3, in: 1...15, help: "C4 ranking: students n (2 <= n <= k - 2)")
  static let concavityLimit = Parameter<Int>.integer(
    "concavity_m", default: 60, in: 4...200, help: "C4: differences of L*(m) up to this m")
  static let generalPartition = Parameter<[Int]>.integerList(
    "g_partition", default: [1, 3], entries: 1...12, count: 2...2,
    help: "C2 instance: two blocks")
  static let generalNorm1 = Parameter<Rational>.rational(
    "g_nu1", default: Rational(1, 2), in: Rational(1, 10)...10, help: "C2: teacher norm of block 1")
  static let generalNorm2 = Parameter<Rational>.rational(
    "g_nu2", default: Rational(3, 2), in: Rational(1, 10)...10, help: "C2: teacher norm of block 2")
  static let generalOutput1 = Parameter<Rational>.rational(
    "g_b1", default: -2, in: -10...10, help: "C2: teacher weight of block 1 (non-zero)")
  static let generalOutput2 = Parameter<Rational>.rational(
    "g_b2", default: Rational(3, 4), in: -10...10, help: "C2: teacher weight of block 2 (non-zero)")
  static let generalDimension = Parameter<Int>.integer(
    "g_d", default: 5, in: 1...16, help: "C2: input dimension d >= k")
  static let generalSeed = Parameter<Int>.integer(
    "g_seed", default: 11, in: 0...1_000_000, help: "C2: Householder seed")
  static let oneTeachers = Parameter<Int>.integer(
    "one_k", default: 2, in: 2...12, help: "C5 one erf student: teachers k")
  static let oneDimension = Parameter<Int>.integer(
    "one_d", default: 3, in: 2...16, help: "C5: input dimension d >= k")
  static let oneSeed = Parameter<Int>.integer(
    "one_seed", default: 13, in: 0...1_000_000, help: "C5: Householder seed")
  static let reluTeachers = Parameter<Int>.integer(
    "relu_k", default: 2, in: 2...12, help: "C6 one ReLU student: teachers k")
  static let reluDimension = Parameter<Int>.integer(
    "relu_d", default: 3, in: 2...16, help: "C6: input dimension d >= k")
  static let reluSeed = Parameter<Int>.integer(
    "relu_seed", default: 14, in: 0...1_000_000, help: "C6: Householder seed")
  static let committeeStudents = Parameter<Int>.integer(
    "scm_k", default: 2, in: 2...8, help: "C7 committee machine: K students = K teachers")
  static let committeeDimension = Parameter<Int>.integer(
    "scm_d", default: 3, in: 2...16, help: "C7: input dimension d >= K")
  static let committeeSeed = Parameter<Int>.integer(
    "scm_seed", default: 15, in: 0...1_000_000, help: "C7: Householder seed")
  static let copyTeachers = Parameter<Int>.integer(
    "ac_k", default: 6, in: 5...10, help: "C9 approximate copy: teachers k, n = k - 1 students")
  static let copyDimension = Parameter<Int>.integer(
    "ac_d", default: 7, in: 5...16, help: "C9: input dimension d >= k")
  static let copySeed = Parameter<Int>.integer(
    "ac_seed", default: 16, in: 0...1_000_000, help: "C9: Householder seed")
  static let copyStart = [
    ("ac_alpha0", Rational(43, 50), "α"), ("ac_beta0", Rational(3, 20), "β"),
    ("ac_gamma0", Rational(-1, 50), "γ"), ("ac_A0", Rational(6, 5), "A"),
  ].map { name, value, symbol in
    Parameter<Rational>.rational(
      name, default: value, in: -10...10,
      help: "C9: Newton start of \(symbol) for k = 6, carried to ac_k by continuation in k")
  }

  public var parameters: [any ParameterDeclaration] {
    [
      Self.partition, Self.secondPartition, Self.caDimension, Self.caSeed, Self.monteCarloLog2,
      Self.monteCarloSeed, Self.orderTeachers, Self.orderStudents, Self.concavityLimit,
      Self.generalPartition, Self.generalNorm1, Self.generalNorm2, Self.generalOutput1,
      Self.generalOutput2, Self.generalDimension, Self.generalSeed, Self.oneTeachers,
      Self.oneDimension, Self.oneSeed, Self.reluTeachers, Self.reluDimension, Self.reluSeed,
      Self.committeeStudents, Self.committeeDimension, Self.committeeSeed, Self.copyTeachers,
      Self.copyDimension, Self.copySeed,
    ] + Self.copyStart
  }

  /// One instance per family of spec §4.
  public struct Instance: Sendable {
    let copyAverage: CopyAverageFamily
    let monteCarloSamples: Int
    let monteCarloSeed: UInt64
    let ordering: OrderingFamily
    let general: GeneralizedFamily
    let oneNeuron: OneNeuronFamily
    let relu: OneNeuronFamily
    let committee: CommitteeFamily
    let approximateCopy: ApproximateCopy
    let approximateCopyStart: [Rational]
    let precision: Int
  }

  public func instance(_ arguments: Arguments) throws(UsageError) -> Instance {
    let (first, second) = (arguments[Self.partition], arguments[Self.secondPartition])
    let k = first.reduce(0, +)
    guard second.reduce(0, +) == k else {
      throw UsageError(
        "ca_partition2 sums to \(second.reduce(0, +)), but ca_partition to \(k): both partition the same k teachers"
      )
    }
    guard first.contains(where: { $0 >= 2 }) else {
      throw UsageError(
        "ca_partition needs a block of size >= 2: C1's negative controls perturb its first averaging block"
      )
    }
    try Self.require(arguments[Self.caDimension], atLeast: k, "ca_d", "the sum of ca_partition")
    let (orderK, orderN) = (arguments[Self.orderTeachers], arguments[Self.orderStudents])
    guard orderN >= 2 && orderN <= orderK - 2 else {
      throw UsageError(
        "order_n = \(orderN) needs 2 <= order_n <= order_k - 2 = \(orderK - 2), so that a runner-up and a majorising pair exist"
      )
    }
    let generalPartition = arguments[Self.generalPartition]
    try Self.require(
      arguments[Self.generalDimension], atLeast: generalPartition.reduce(0, +), "g_d",
      "the sum of g_partition")
    let outputs = [arguments[Self.generalOutput1], arguments[Self.generalOutput2]]
    guard outputs.allSatisfy({ !$0.isZero }) else {
      throw UsageError("g_b1 and g_b2 must be non-zero: a zero block weight removes the block")
    }
    let (oneK, reluK) = (arguments[Self.oneTeachers], arguments[Self.reluTeachers])
    try Self.require(arguments[Self.oneDimension], atLeast: oneK, "one_d", "one_k")
    try Self.require(arguments[Self.reluDimension], atLeast: reluK, "relu_d", "relu_k")
    let committeeK = arguments[Self.committeeStudents]
    try Self.require(arguments[Self.committeeDimension], atLeast: committeeK, "scm_d", "scm_k")
    let copyK = arguments[Self.copyTeachers]
    try Self.require(arguments[Self.copyDimension], atLeast: copyK, "ac_d", "ac_k")
    return Instance(
      copyAverage: CopyAverageFamily(
        partition: first, secondPartition: second, dimension: arguments[Self.caDimension],
        seed: UInt64(arguments[Self.caSeed])),
      monteCarloSamples: 1 << arguments[Self.monteCarloLog2],
      monteCarloSeed: UInt64(arguments[Self.monteCarloSeed]),
      ordering: OrderingFamily(
        teachers: orderK, students: orderN, concavityLimit: arguments[Self.concavityLimit]),
      general: GeneralizedFamily(
        partition: generalPartition,
        norms: [arguments[Self.generalNorm1], arguments[Self.generalNorm2]], outputs: outputs,
        dimension: arguments[Self.generalDimension], seed: UInt64(arguments[Self.generalSeed])),
      oneNeuron: OneNeuronFamily(
        teachers: oneK, dimension: arguments[Self.oneDimension],
        seed: UInt64(arguments[Self.oneSeed]), activation: .erf),
      relu: OneNeuronFamily(
        teachers: reluK, dimension: arguments[Self.reluDimension],
        seed: UInt64(arguments[Self.reluSeed]), activation: .relu),
      committee: CommitteeFamily(
        students: committeeK, dimension: arguments[Self.committeeDimension],
        seed: UInt64(arguments[Self.committeeSeed])),
      approximateCopy: ApproximateCopy(
        teacher: .householder(
          seed: UInt64(arguments[Self.copySeed]), dimension: arguments[Self.copyDimension],
          count: copyK)),
      approximateCopyStart: Self.copyStart.map { arguments[$0] },
      precision: arguments.precision)
  }

  /// A dimension that must hold an orthonormal teacher.
  private static func require(
    _ dimension: Int, atLeast count: Int, _ name: String, _ what: String
  ) throws(UsageError) {
    guard dimension >= count else {
      throw UsageError(
        "\(name) = \(dimension) is less than \(what) = \(count): an orthonormal teacher needs d >= k"
      )
    }
  }
}
