import Numeric

/// C1, Muon on `f(W) = φ(diag W)` is signed momentum on φ: Muon with the generic polar factor
/// in MPFR against exact signed momentum, over the precision ladder. NC1 is a non-diagonal
/// objective, where the two differ.
struct ReductionSetting: Sendable {
  let size: Int
  let beta: Rational
  /// `φ(x) = ε|Σᵢ xᵢ| + Σᵢ cᵢ |xᵢ − aᵢ|`.
  let objective: AffinePenaltySum
  /// `W₀`, row-major, exact: `red_diag` on the diagonal, SplitMix64 draws elsewhere.
  let start: [Rational]
  let horizon: Int
  let gammaBar: Rational
  let bits: Int

  /// NC1's steps, fixed by the spec.
  static let controlHorizon = 12

  init(_ arguments: Arguments, bits: Int) throws(UsageError) {
    typealias C = MuonCounterexample
    let n = arguments[C.reductionSize]
    let (weights, centres, diagonal) = (
      arguments[C.reductionWeights], arguments[C.reductionCentres], arguments[C.reductionDiagonal]
    )
    for (name, list) in [("red_c", weights), ("red_a", centres), ("red_diag", diagonal)] where list.count != n {
      throw UsageError("\(name) has \(list.count) entries; red_n = \(n) needs \(n)")
    }
    let unit = { (i: Int) in (0..<n).map { Rational($0 == i ? 1 : 0) } }
    objective = AffinePenaltySum(
      terms: [.init(weight: arguments[C.reductionEpsilon], form: Array(repeating: 1, count: n), offset: 0)]
        + (0..<n).map { .init(weight: weights[$0], form: unit($0), offset: centres[$0]) })
    var generator = SplitMix64(seed: UInt64(arguments[C.reductionSeed]))
    let scale = arguments[C.reductionScale]
    // Row-major, skipping the diagonal: no draw is spent on a diagonal entry.
    start = (0..<(n * n)).map { k in
      k / n == k % n ? diagonal[k / n] : generator.nextSymmetric(scale: scale)
    }
    (size, beta, horizon, gammaBar, self.bits) = (
      n, arguments[C.reductionBeta], arguments[C.reductionHorizon], arguments[C.reductionGammaBar], bits
    )
  }

  var diagonal: [Rational] { (0..<size).map { start[$0 * size + $0] } }

  /// The entrywise distance at each `t` between Muon's iterates at the working precision and
  /// `W₀ + Diag(xₜ − x₀)` for exact signed-momentum iterates `xₜ` on the diagonal objective.
  static func deviations(
    start: [Rational], size: Int, beta: Rational, steps: [Rational],
    subgradient: (Matrix<BigFloat>) -> Matrix<BigFloat>, signedMomentum: ExactDiagonalRun
  ) throws -> [BigFloat] {
    let initial = Matrix<BigFloat>(rounding: start, size, size)
    let muon = try MatrixMuonRun(
      start: initial, beta: BigFloat(beta), steps: steps.map { BigFloat($0) }, subgradient: subgradient)
    return zip(muon.iterates, signedMomentum.iterates).map { w, x in
      var expected = initial
      for i in 0..<size { expected[i, i] = BigFloat(x[i] - signedMomentum.iterates[0][i]) + initial[i, i] }
      return (w - expected).maximumMagnitude
    }
  }

  func checks(recordingIn measurements: Measurements) throws -> [any Check] {
    let steps = StepSchedule.inverseSquareRoot.sizes(horizon: horizon, base: gammaBar, seed: 0, bits: bits)!
    let exact = try ExactDiagonalRun(
      objective: objective, start: diagonal, beta: beta, horizon: horizon, steps: .fixed(steps),
      method: .muon, keepingMomenta: true)
    for (i, x) in exact.iterates.last!.enumerated() { measurements.record("C1_x_T_\(i)", x, bits: bits) }
    for i in 0..<size {
      for j in 0..<size where i != j { measurements.record("C1_W0_\(i)\(j)", start[i * size + j], bits: bits) }
    }
    // Rounded signs agree with exact ones only away from kinks and zero momentum entries.
    let margin = kinkMargin(exact)
    measurements.record("C1_kink_margin", margin, bits: bits)
    let (n, objective, start) = (size, objective, start)
    let muonSubgradient = { (w: Matrix<BigFloat>) in
      Matrix.diagonal(objective.subgradient(at: (0..<n).map { w[$0, $0] }))
    }
    let control = try nonDiagonalDeviations()
    let controlDeviations = try control()
    measurements.record("NC1_deviation_t\(Self.controlHorizon)", controlDeviations.last!)
    measurements.record("NC1_max_deviation", controlDeviations.reduce(BigFloat.zero, BigFloat.maxOrNaN))
    return [
      IdentityCheck(
        id: "c1-reduction",
        statement: "Muon with the generic polar factor on f(W) = φ(diag W), n = \(n), β = \(beta), "
          + "inv_sqrt γ̄ = \(gammaBar), T = \(horizon), off-diagonal W_0 random: W_t = W_0 + Diag(x_t − x_0) "
          + "with x_t exact signed momentum on φ (max_t max_ij deviation)",
        slack: 8,
        residual: { bits in
          guard margin > Rational.pow(2, 16 - bits) else {
            throw CheckFailure(
              description: "an exact iterate or momentum entry lies within \(margin) of a kink or of 0: "
                + "signs are not decided reliably at \(bits) bits")
          }
          return try Self.deviations(
            start: start, size: n, beta: beta, steps: steps, subgradient: muonSubgradient,
            signedMomentum: exact
          ).reduce(BigFloat.zero, BigFloat.maxOrNaN)
        },
        controls: [.init("NC1: f(W) = |W₁₁ + W₁₂ − 1| + |W₂₂| from I, not diagonal", residual: { _ in
          try control().reduce(BigFloat.zero, BigFloat.maxOrNaN)
        })])
    ]
  }

  /// `min_t` of the distance of `xₜ` to a kink of φ and of `mₜ` to 0, over the steps taken.
  private func kinkMargin(_ run: ExactDiagonalRun) -> Rational {
    let kinks = run.iterates.dropLast().flatMap { objective.residuals($0).map(\.magnitude) }
    let momenta = run.momenta.flatMap { $0.map(\.magnitude) }
    return (kinks + momenta).min()!
  }

  /// NC1: `|W₁₁ + W₁₂ − 1| + |W₂₂|` from `I` (constant step `red_gamma_bar`, 12 steps) against
  /// signed momentum on `|x₁ − 1| + |x₂|` with frozen off-diagonal entries.
  private func nonDiagonalDeviations() throws -> () throws -> [BigFloat] {
    let matrixObjective = AffinePenaltySum(terms: [
      .init(weight: 1, form: [1, 1, 0, 0], offset: 1), .init(weight: 1, form: [0, 0, 0, 1], offset: 0),
    ])
    let diagonalObjective = AffinePenaltySum(terms: [
      .init(weight: 1, form: [1, 0], offset: 1), .init(weight: 1, form: [0, 1], offset: 0),
    ])
    let steps = Array(repeating: gammaBar, count: Self.controlHorizon)
    let exact = try ExactDiagonalRun(
      objective: diagonalObjective, start: [1, 1], beta: beta, horizon: steps.count,
      steps: .fixed(steps), method: .muon)
    let beta = beta
    return {
      try Self.deviations(
        start: [1, 0, 0, 1], size: 2, beta: beta, steps: steps,
        subgradient: { w in Matrix(rowCount: 2, columnCount: 2, entries: matrixObjective.subgradient(at: w.entries)) },
        signedMomentum: exact)
    }
  }
}
