import Numeric

/// C4 on a generic matrix instance, in MPFR with the generic polar factor:
/// `f(W) = Σᵢ |uᵢᵀ W vᵢ − cᵢ|` on `m × n` matrices, `cᵢ = uᵢᵀ A vᵢ` (so `f* = 0` at `W* = A`),
/// `W₀ = 0`, `L_F = L_op = Σᵢ ‖uᵢ‖‖vᵢ‖`, `R = ‖A‖_F`. Not a trap: it checks the bound (iii), and
/// (i) and (ii) at the working precision and over the ladder.
struct MatrixSetting: Sendable {
  let rows: Int
  let columns: Int
  let beta: Rational
  let horizons: [Int]
  /// `uᵢ`, `vᵢ` and `A` (row-major), drawn in that order by SplitMix64 with scale 1.
  let left: [[Rational]]
  let right: [[Rational]]
  let target: [Rational]
  /// The objective on the entries of `W`, row-major.
  let objective: AffinePenaltySum
  let bits: Int

  init(_ arguments: Arguments, bits: Int) throws(UsageError) {
    typealias C = MuonCounterexample
    (rows, columns, beta, horizons, self.bits) = (
      arguments[C.matrixRows], arguments[C.matrixColumns], arguments[C.matrixBeta],
      arguments[C.matrixHorizons], bits
    )
    guard zip(horizons, horizons.dropFirst()).allSatisfy(<) else {
      throw UsageError("mat_horizons = \(horizons.map(String.init).joined(separator: ",")) is not increasing")
    }
    var generator = SplitMix64(seed: UInt64(arguments[C.matrixSeed]))
    let k = arguments[C.matrixTerms]
    let (m, n) = (rows, columns)
    let u: [[Rational]] = (0..<k).map { _ in generator.symmetricEntries(m, scale: 1) }
    let v: [[Rational]] = (0..<k).map { _ in generator.symmetricEntries(n, scale: 1) }
    let a: [Rational] = generator.symmetricEntries(m * n, scale: 1)
    (left, right, target) = (u, v, a)
    objective = AffinePenaltySum(
      terms: zip(u, v).map { u, v in
        let form = (0..<(m * n)).map { u[$0 / n] * v[$0 % n] }
        return .init(weight: 1, form: form, offset: zip(form, a).reduce(0) { $0 + $1.0 * $1.1 })
      })
  }

  /// The bound's constants at `bits`.
  func bound(bits: Int) -> ErrorFeedbackBound {
    let norm = { (x: [Rational]) in BigFloat.sqrt(BigFloat(x.reduce(Rational(0)) { $0 + $1 * $1 }, precision: bits)) }
    let lipschitz = zip(left, right).reduce(BigFloat(0, precision: bits)) { $0 + norm($1.0) * norm($1.1) }
    return ErrorFeedbackBound(
      distance: norm(target), frobeniusLipschitz: lipschitz, operatorLipschitz: lipschitz,
      rank: min(rows, columns), beta: BigFloat(beta, precision: bits))
  }

  /// EF-Muon at every horizon with the tuned steps `steps`, in MPFR at `bits`.
  func runs(steps: [Rational], bits: Int) throws -> [MatrixMuonRun<BigFloat>] {
    try withPrecision(bits) {
      let lipschitz = bound(bits: bits).operatorLipschitz
      var oracle = AffinePenaltySum.RoundedOracle<BigFloat>(objective)
      return try zip(horizons, steps).map { horizon, step in
        try MatrixMuonRun(
          start: .zeros(rows, columns), beta: BigFloat(beta),
          steps: Array(repeating: BigFloat(step), count: horizon), errorFeedbackLipschitz: lipschitz
        ) { [rows, columns] w in
          Matrix(rowCount: rows, columnCount: columns, entries: oracle.subgradient(at: w.entries))
        }
      }
    }
  }

  /// `max ‖Zₜ₊₁ − Zₜ + γGₜ‖_max / γ` over steps and horizons, `Zₜ = Wₜ − Eₜ − c Mₜ₋₁`.
  static func virtualIterateResidual(
    _ runs: [MatrixMuonRun<BigFloat>], steps: [Rational], coefficient: (Rational) -> Rational
  ) -> BigFloat {
    zip(runs, steps).reduce(BigFloat.zero) { worst, pair in
      let (run, step) = pair
      let (gamma, c) = (BigFloat(step), BigFloat(coefficient(step)))
      let z = run.iterates.indices.map { t in
        run.iterates[t] - run.memories[t] - (t == 0 ? run.iterates[0].map { _ in BigFloat.zero } : c * run.momenta[t - 1])
      }
      return run.gradients.indices.reduce(worst) { worst, t in
        BigFloat.maxOrNaN(worst, (z[t + 1] - z[t] + gamma * run.gradients[t]).maximumMagnitude / gamma)
      }
    }
  }

  func checks(recordingIn measurements: Measurements) throws -> [any Check] {
    let bound = self.bound(bits: bits)
    let steps = horizons.map { bound.tunedStep(horizon: $0) }
    let bounds = zip(horizons, steps).map { bound.bound(step: $1, horizon: $0) }
    // Each precision's runs once: the ladder's rung at the working precision is the bound's run.
    var cache: [Int: [MatrixMuonRun<BigFloat>]] = [:]
    let runsAt = { (bits: Int) throws -> [MatrixMuonRun<BigFloat>] in
      if let cached = cache[bits] { return cached }
      let computed = try self.runs(steps: steps, bits: bits)
      cache[bits] = computed
      return computed
    }
    let runs = try runsAt(measurements.precision)
    let averages = zip(horizons, runs).map { horizon, run in
      run.iterates.prefix(horizon).reduce(BigFloat.zero) { $0 + objective.value(at: $1.entries) } / BigFloat(horizon)
    }
    measurements.record("C4_matrix_R", bound.distance)
    measurements.record("C4_matrix_L_F", bound.frobeniusLipschitz)
    measurements.record("C4_matrix_C", bound.constant)
    for (i, horizon) in horizons.enumerated() {
      measurements.record("C4_matrix_gamma_T\(horizon)", steps[i])
      measurements.record("C4_matrix_bound_T\(horizon)", bounds[i])
      measurements.record("C4_matrix_avg_gap_T\(horizon)", averages[i])
    }
    let ratio = { (bound: (Int) -> BigFloat) in
      averages.indices.map { averages[$0] / bound($0) }.reduce(BigFloat.zero, BigFloat.maxOrNaN)
    }
    let radius = bound.operatorLipschitz
    // max_t ‖E_t‖_op per horizon, one SVD pass shared by the check and its control.
    var memoryNorms: [BigFloat]?
    let largestMemoryNorms = { () throws -> [BigFloat] in
      if let memoryNorms { return memoryNorms }
      let norms = try runs.map { run in
        try run.memories.map { try $0.singularValues()[0] }
          .reduce(BigFloat.zero, BigFloat.maxOrNaN)
      }
      memoryNorms = norms
      return norms
    }
    let memoryRatio = { (factor: Rational) throws -> BigFloat in
      try zip(largestMemoryNorms(), steps).map { norm, step in norm / (BigFloat(factor * step) * radius) }
        .reduce(BigFloat.zero, BigFloat.maxOrNaN)
    }
    let theorem = { (step: Rational) in step * beta / (1 - beta) }
    // The bound is approached (the ratio reaches 0.99 here): allow the SVD's rounding.
    let roundingAllowance = BigFloat(Rational.pow(2, 20 - measurements.precision), precision: 64)
    let shape = "\(rows)×\(columns), k = \(left.count), β = \(beta), T ∈ {\(horizons.map(String.init).joined(separator: ", "))}"
    return [
      InequalityCheck(
        id: "c4-matrix-bound",
        statement: "(iii) on the matrix instance f(W) = Σ|u_iᵀWv_i − c_i| (\(shape)), EF-Muon with γ_T: "
          + "average gap ≤ B(γ_T, T) at every T (measured: the largest ratio of the average gap to B)",
        value: { ratio { bounds[$0] } }, .lessThanOrEqual, bound: { 1 },
        controls: [
          .init("the 1/T rate B(γ_{T₀}, T₀) · T₀/T, T₀ = \(horizons[0])", value: {
            ratio { bounds[0] * BigFloat(horizons[0]) / BigFloat(horizons[$0]) }
          })
        ]),
      InequalityCheck(
        id: "c4-matrix-memory-bound",
        statement: "(i) on the matrix instance: ‖E_t‖_op ≤ η = γ_T L_op at every step (measured: the "
          + "largest ratio of ‖E_t‖_op to η, against 1 + 2^(20−p) for rounding)",
        value: { try memoryRatio(1) }, .lessThanOrEqual, bound: { 1 + roundingAllowance },
        controls: [.init("the radius halved, ‖E_t‖_op ≤ η/2", value: { try memoryRatio(Rational(1, 2)) })]),
      IdentityCheck(
        id: "c4-matrix-virtual-iterate",
        statement: "(ii) on the matrix instance: Z_{t+1} = Z_t − γG_t for Z_t = W_t − E_t − (γβ/(1−β)) M_{t−1} "
          + "(residual max_t ‖Z_{t+1} − Z_t + γG_t‖_max / γ)",
        residual: { bits in
          Self.virtualIterateResidual(try runsAt(bits), steps: steps, coefficient: theorem)
        },
        controls: [
          .init("without the momentum term, Z_t = W_t − E_t") { bits in
            Self.virtualIterateResidual(try runsAt(bits), steps: steps) { _ in 0 }
          }
        ]),
    ]
  }
}
