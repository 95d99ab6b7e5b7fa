import Numeric

/// One DR-CPE reduction of C2: a risk and the ratio its minimiser should be the logarithm of,
/// with the two distributions whose Jensen–Shannon divergence gives the minimum.
struct DensityRatioReduction: Sendable {
  /// `R` or `R_J`.
  let name: String
  let risk: LogisticDensityRatioRisk
  /// `r_M` or `r_J` (closed form).
  let ratio: [Rational]
  /// `q_h, q_e` or the closed-form marginals `Q_h(·), Q_e(·)`.
  let positive: [Rational]
  let negative: [Rational]

  /// `max_x |∂R/∂s(x)|` at `s`.
  func gradientNorm<T: Scalar>(at s: [T]) -> T { risk.gradient(s).map(\.magnitude).maxOrNaN()! }

  /// `ln r(x)` per input.
  func logRatio<T: Scalar>(as type: T.Type = T.self) -> [T] { ratio.map { T.log(T($0)) } }

  /// `R(s) − ln 2 + JS(positive, negative)`: zero at the minimiser.
  func minimumResidual<T: Scalar>(at s: [T]) -> T {
    risk.value(s) - T.log(T(2)) + jensenShannon(positive, negative)
  }

  /// `max(max_x |s_Newton(x) − ln r(x)|, |R(s_Newton) − ln 2 + JS|)` for Newton from `s = 0`.
  func newtonResidual<T: Scalar>(as type: T.Type = T.self) throws -> T {
    let s: [T] = try risk.minimizer()
    let deviation = zip(s, logRatio() as [T]).map { ($0 - $1).magnitude }.maxOrNaN()!
    return T.maxOrNaN(deviation, minimumResidual(at: s).magnitude)
  }
}

extension DeferralAnalysis {
  /// The reductions of `R` (input-space ideals) and `R_J` (joint ideals, summed over cells).
  var reductions: [DensityRatioReduction] {
    [
      DensityRatioReduction(
        name: "R", risk: inputRisk, ratio: ratios.inputRatio, positive: ratios.inputModel.masses,
        negative: ratios.inputExpert.masses),
      DensityRatioReduction(
        name: "R_J", risk: jointRisk, ratio: ratios.jointRatio,
        positive: ratios.jointModelMarginal.masses, negative: ratios.jointExpertMarginal.masses),
    ]
  }

  /// `max_x |ln r_M(x) − ln(Z′_e/Z′_h) − λ stat(x)|` (C3, log form); without the partition
  /// ratio when `dropPartitionRatio` (the control).
  func inputLogFormResidual<T: Scalar>(dropPartitionRatio: Bool = false, as type: T.Type = T.self)
    -> T
  {
    let offset = dropPartitionRatio ? T.zero : T.log(T(inputPartitionRatio))
    return maximumDeviation(ratios.inputRatio.map { T.log(T($0)) }, from: offset)
  }

  /// `E_{(y,m)~P(·|x)} ln[Q_h(x,y,m)/Q_e(x,y,m)]` per input (C4(iv)), from the exact cell masses.
  func pointwiseLogRatio<T: Scalar>(as type: T.Type = T.self) -> [T] {
    var average = Array(repeating: T.zero, count: problem.mass.count)
    for (c, cell) in ratios.cells.enumerated() {
      let conditional = cell.mass / problem.mass[cell.input]
      let logRatio = T.log(T(ratios.jointModel.masses[c] / ratios.jointExpert.masses[c]))
      average[cell.input] += T(conditional) * logRatio
    }
    return average
  }

  /// `max_x |v(x) − ln(Z_e/Z_h) − λ stat(x)|` for `v` the pointwise average (C4(iv)), or
  /// `ln r_J` when `jensenGap` (the control: the average replaced by the log of the averages).
  func pointwiseResidual<T: Scalar>(jensenGap: Bool = false, as type: T.Type = T.self) -> T {
    let values: [T] = jensenGap ? ratios.jointRatio.map { T.log(T($0)) } : pointwiseLogRatio()
    return maximumDeviation(values, from: T.log(T(jointPartitionRatio)))
  }

  /// `max_x |v(x) − offset − λ stat(x)|`.
  private func maximumDeviation<T: Scalar>(_ values: [T], from offset: T) -> T {
    let lambda: T = problem.lambda()
    return zip(values, problem.chowStatistic).map { v, stat in
      (v - offset - lambda * T(stat)).magnitude
    }.maxOrNaN()!
  }
}
