import Numeric

/// C6: the drift of the imbalance near the small-initialisation saddle, and the precision
/// showcase (the drift is ~1e−41 at ε = 1e−8, far below what binary64 resolves).
extension FrobeniusImbalance {
  /// Instance I2 (spec 4.3): widths (3, 4, 3, 1), n = 5, seed 2, weight scale 1; `W_l = εM_l`.
  static let saddleInstance = NetworkInstance(
    widths: [3, 4, 3, 1], samples: 5, seed: 2, scale: Rational(1))
  /// The ε grid of the scaling fit.
  static let saddleGrid = [1_000, 10_000, 100_000, 1_000_000].map { Rational(1, $0) }
  /// The spec's cases (activation, layer).
  static let saddleCases: [(Activation, Int)] = [
    (.tanh, 1), (.tanh, 2), (.erf, 1), (.gelu, 1), (.gelu, 2), (.swish, 1),
    (.softplus, 1), (.softplus, 2),
  ]

  /// The imbalance rates of I2 at `ε`, in `T` (at the current precision for `BigFloat`).
  static func saddleIdentity<T: Scalar>(_ activation: Activation, epsilon: Rational, as: T.Type)
    -> ImbalanceIdentity<T>
  {
    ImbalanceIdentity(
      network: saddleInstance.network(activation, as: T.self, times: T(epsilon)),
      data: saddleInstance.dataset(), loss: .squared)
  }

  /// The prediction of C6 for `activation` at `layer`: exponent, and `C_l` for classes B/C.
  struct SaddlePrediction {
    var exponent: Int
    /// The order q of the first non-zero defect coefficient (0 for class D).
    var order: Int
    var mutated: Int
    var constant: BigFloat?
    var classD: Bool

    init(_ activation: Activation, layer l: Int, bits: Int) {
      let depth = saddleInstance.widths.count - 1
      let series = DefectSeries<BigFloat>(activation)
      let (kind, order) = series.classify(zero: zeroThreshold(bits: bits))
      classD = kind == .d
      let q = order ?? 0
      self.order = q
      exponent = SaddleDrift.exponent(depth: depth, layer: l, order: q, classD: classD)
      // The spec's wrong variants: L + q·l (forgetting the cancelled linear term); for class D
      // the B/C formula L + (q−1)l with q = 2, its first non-constant order.
      mutated = classD ? depth + l : depth + q * l
      constant = classD ? nil : SaddleDrift.leadingConstant(
        matrices: saddleInstance.weights(as: BigFloat.self), data: saddleInstance.dataset(),
        loss: .squared, layer: l, order: q, coefficient: series.defect[q],
        slope: activation.derivative(BigFloat.zero))
    }
  }

  func saddleChecks(_ instance: Instance) -> [any Check] {
    let bits = Swift.max(2 * instance.precision, 512)
    var checks: [any Check] = []
    for (activation, l) in Self.saddleCases {
      let name = "\(activation.rawValue)-l\(l)"
      let prediction = withPrecision(bits) { SaddlePrediction(activation, layer: l, bits: bits) }
      let rhs = { (epsilon: Rational) -> BigFloat in
        withPrecision(bits) { Self.saddleIdentity(activation, epsilon: epsilon, as: BigFloat.self).rhs(l) }
      }
      checks.append(
        RateCheck(
          id: "c6-drift-exponent-\(name)",
          statement: "C6 on I2 (W_l = εM_l), σ = \(activation.rawValue), l = \(l): |dΔ_l/dt| "
            + "∝ ε^\(prediction.exponent) ("
            + (prediction.classD ? "class D: L − l" : "L + (q−1)l") + "), RHS at \(bits) bits",
          xLabel: "ε", yLabel: "|dΔ_\(l)/dt|", exponent: Rational(prediction.exponent),
          tolerance: Rational(1, 100),
          data: {
            (Self.saddleGrid.map { BigFloat($0, precision: bits) },
             Self.saddleGrid.map { rhs($0).magnitude })
          },
          controls: [
            .init(
              prediction.classD
                ? "class B/C formula L + (q−1)l with q = 2" : "exponent L + q·l (linear term kept)",
              exponent: Rational(prediction.mutated))
          ]))
      guard let constant = prediction.constant else { continue }
      let deviation = { (exponent: Int) -> BigFloat in
        withPrecision(bits) {
          Self.saddleGrid.map { epsilon in
            let eps = BigFloat(epsilon)
            let ratio = rhs(epsilon) / (constant * BigFloat.pow(eps, exponent))
            return (ratio - BigFloat(1)).magnitude / eps
          }.maxOrNaN()!
        }
      }
      // The same deviation in Arb balls, from the same generic network, data and constant.
      let enclosedDeviation = { (exponent: Int) -> Ball in
        withPrecision(bits) {
          let constant = SaddleDrift.leadingConstant(
            matrices: Self.saddleInstance.weights(as: Ball.self), data: Self.saddleInstance.dataset(),
            loss: .squared, layer: l, order: prediction.order,
            coefficient: DefectSeries<Ball>(activation).defect[prediction.order],
            slope: activation.derivative(Ball.zero))
          return Self.saddleGrid.map { epsilon in
            let eps = Ball(epsilon)
            let ratio =
              Self.saddleIdentity(activation, epsilon: epsilon, as: Ball.self).rhs(l)
              / (constant * Ball.pow(eps, exponent))
            return (ratio - 1).magnitude / eps
          }.maxOrNaN()!
        }
      }
      checks.append(
        InequalityCheck(
          id: "c6-drift-constant-\(name)",
          statement: "C6 constant, σ = \(activation.rawValue), l = \(l): "
            + "max_ε |RHS/(C_l ε^\(prediction.exponent)) − 1| / ε ≤ 10 with C_l = "
            + "(2c_q α^{L−l−1+q(l−1)}/n) Σ_p ⟨M_{l+1}ᵀ⋯M_Lᵀ∇ℓ(0,y_p), (M_l⋯M_1x_p)^{∘q}⟩",
          value: { deviation(prediction.exponent) }, .lessThanOrEqual, bound: { BigFloat(10) },
          enclosure: { (enclosedDeviation(prediction.exponent), Ball(10)) },
          controls: [
            .init("the same constant with the exponent L + q·l") { deviation(prediction.mutated) }
          ]))
    }
    return checks
  }
}
