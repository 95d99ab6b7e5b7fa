import Numeric

/// Everything C2–C4 decide about one instance (A, B or C), computed once and exactly: the
/// density ratios, the Chow family and the brute-force optimum by rate, the χ² ratio, and the
/// two DR-CPE risks.
struct DeferralAnalysis: Sendable {
  let name: String
  let problem: DeferralProblem
  let ratios: DensityRatios
  /// The Chow family: the sets `{stat < κ}` over all κ, increasing.
  let chowFamily: [Set<Int>]
  let bestAccuracyByRate: [Rational: Rational]
  let chiSquareRatio: [Rational]
  /// `R`, over the inputs with `w^± = q_h, q_e`.
  let inputRisk: LogisticDensityRatioRisk
  /// `R_J`, over the joint cells with `w^± = Q_h(x,y,m), Q_e(x,y,m)`.
  let jointRisk: LogisticDensityRatioRisk

  init(name: String, problem: DeferralProblem, chiLambda: Rational) {
    self.name = name
    self.problem = problem
    ratios = DensityRatios(problem)
    chowFamily = ThresholdFamily.sets(problem.chowStatistic)
    bestAccuracyByRate = problem.bestAccuracyByRate
    chiSquareRatio = problem.chiSquareRatio(lambda: chiLambda)
    inputRisk = LogisticDensityRatioRisk(
      inputCount: problem.mass.count, cellInputs: Array(problem.inputs),
      positive: ratios.inputModel.masses, negative: ratios.inputExpert.masses)
    jointRisk = LogisticDensityRatioRisk(
      inputCount: problem.mass.count, cellInputs: ratios.cells.map(\.input),
      positive: ratios.jointModel.masses, negative: ratios.jointExpert.masses)
  }

  /// The sets of the threshold family of `score` that are not in the Chow family.
  func setsOutsideChowFamily<U: Comparable>(_ score: [U]) -> [Set<Int>] {
    let chow = Set(chowFamily)
    return ThresholdFamily.sets(score).filter { !chow.contains($0) }
  }

  /// The sets among `sets` whose accuracy is below the best of all subsets at their rate.
  func suboptimal(_ sets: [Set<Int>]) -> [Set<Int>] {
    sets.filter { problem.accuracy($0) < bestAccuracyByRate[problem.rate($0)]! }
  }

  /// `Z′_e/Z′_h`.
  var inputPartitionRatio: Rational { ratios.inputExpert.partition / ratios.inputModel.partition }

  /// `Z_e/Z_h`.
  var jointPartitionRatio: Rational { ratios.jointExpert.partition / ratios.jointModel.partition }

  /// The grid `τ_j = (Z′_e/Z′_h) b^j`, `j = −D…D`, and at each the Chow set `{stat < −j/D}`.
  var thresholdGrid: [(j: Int, tau: Rational, chowSet: Set<Int>)] {
    let d = DeferralProblem.temperatureScale
    return (-d...d).map { j in
      (
        j, inputPartitionRatio * Rational.pow(problem.base, j),
        ThresholdFamily.set(problem.chowStatistic, below: Rational(-j, d))
      )
    }
  }
}
