import Numeric

/// C4 (Taylor structure of the Euler defect) and C5 (the four universality classes).
extension FrobeniusImbalance {
  /// Every activation the spec's tables name, including the three that exist only there.
  static let tabulatedActivations = Activation.allCases

  /// The classes C5 claims for the activations (the paper's statement, which the check tests
  /// against the classification computed from the Taylor coefficients).
  static let claimedClasses: [Activation: (UniversalityClass, Int?)] = [
    .linear: (.a, nil), .leakyReLU: (.a, nil),
    .tanh: (.b, 3), .erf: (.b, 3), .sin: (.b, 3),
    .gelu: (.c, 2), .swish: (.c, 2), .quadratic: (.c, 2), .expm1: (.c, 2),
    .sigmoid: (.d, 0), .softplus: (.d, 0), .tanhShifted: (.d, 0),
  ]

  /// `max_{σ, k} |c_k − m_k s_k|` over all tabulated activations and k = 0…7, where
  /// `m_k = k − 1` is C4's multiplier (so `c_0 = −σ(0)`, `c_1 = 0`) and `s_k = σ^{(k)}(0)/k!`.
  static func taylorResidual(multiplier: (Int) -> BigFloat) -> BigFloat {
    tabulatedActivations.map { activation in
      let series = DefectSeries<BigFloat>(activation)
      return series.defect.indices.map { k in
        (series.defect[k] - multiplier(k) * series.sigma[k]).magnitude
      }.maxOrNaN()!
    }.maxOrNaN()!
  }

  /// The number of activations whose computed class or order differs from `claimed`.
  static func classMismatches(
    bits: Int, ignoringConstant: Bool = false,
    claimed: [Activation: (UniversalityClass, Int?)] = claimedClasses
  ) -> Int {
    tabulatedActivations.filter { activation in
      let computed = DefectSeries<BigFloat>(activation)
        .classify(zero: zeroThreshold(bits: bits), ignoringConstant: ignoringConstant)
      return computed.0 != claimed[activation]!.0 || computed.q != claimed[activation]!.1
    }.count
  }

  /// ``classMismatches(bits:ignoringConstant:claimed:)`` with every class decided in balls
  /// (``DefectSeries/certifiedClass(ignoringConstant:)``); nil when some class is undecided.
  static func certifiedClassMismatches() -> Int? {
    var mismatches = 0
    for activation in tabulatedActivations {
      guard let computed = DefectSeries<Ball>(activation).certifiedClass() else { return nil }
      if computed.0 != claimedClasses[activation]!.0 || computed.q != claimedClasses[activation]!.1 {
        mismatches += 1
      }
    }
    return mismatches
  }

  func taylorChecks(_ instance: Instance) -> [any Check] {
    let bits = instance.precision
    var tanhAsQ2 = Self.claimedClasses
    tanhAsQ2[.tanh] = (.c, 2)
    return [
      IdentityCheck(
        id: "c4-defect-taylor",
        statement: "C4 for all 12 tabulated activations, by Taylor-mode AD to order 7: the "
          + "coefficients of φ_σ(z) = zσ′(z) − σ(z) are c_k = (k−1)σ^{(k)}(0)/k! "
          + "(c_0 = −σ(0), c_1 = 0: the linear term always cancels)",
        residual: { _ in Self.taylorResidual { BigFloat($0 - 1) } },
        controls: [
          .init("c_k = k σ^{(k)}(0)/k! (forgetting the −σ term)") { _ in
            Self.taylorResidual { BigFloat($0) }
          },
          .init("c_k = (k+1) σ^{(k)}(0)/k! (sign of σ flipped)") { _ in
            Self.taylorResidual { BigFloat($0 + 1) }
          },
        ]),
      InequalityCheck(
        id: "c5-universality-classes",
        statement: "C5: classifying by the first non-zero defect coefficient (|c_k| < 2^{−p+56} "
          + "is zero; c_0 ≠ 0 → D; else q odd → B, q even → C; none → A) reproduces the claimed "
          + "classes and orders q of all 12 activations (counted: mismatches; decided in Arb "
          + "balls from c_k = (k−1)s_k, an exact zero ball counting as zero)",
        value: { BigFloat(Self.classMismatches(bits: bits)) }, .lessThanOrEqual,
        bound: { BigFloat(0) },
        enclosure: { Self.certifiedClassMismatches().map { (Ball($0), Ball(0)) } },
        controls: [
          .init("rule ignoring c_0 (softplus, sigmoid and tanh(z+½) fall out of class D)") {
            BigFloat(Self.classMismatches(bits: bits, ignoringConstant: true))
          },
          .init("claiming q = 2 (class C) for tanh") {
            BigFloat(Self.classMismatches(bits: bits, claimed: tanhAsQ2))
          },
        ]),
    ]
  }
}
