import Numeric

/// The density ratios of one instance's ideals, with everything they are built from, exactly:
/// `r_M = q_h/q_e` (input-space ideals) and `r_J = Q_h/Q_e` (input marginals of the joint
/// ideals) three ways: the closed form `(Z_e/Z_h)(ρ + (1−ρ)η(x,h(x)))/(ρ + (1−ρ)A_e(x))`,
/// the tilted form `(Z_e/Z_h) Σ_y η̃(x,y) w_h/w_e`, and the cell-by-cell sum of the marginals.
struct DensityRatios: Sendable {
  let problem: DeferralProblem
  /// `q_h`, `q_e` with `Z′_h`, `Z′_e`.
  let inputModel: KLIdeal
  let inputExpert: KLIdeal
  /// The cells `(x, y, m)` and the joint ideals `Q_h`, `Q_e` on them, with `Z_h`, `Z_e`.
  let cells: [JointCell]
  let jointModel: KLIdeal
  let jointExpert: KLIdeal
  /// `Q_h(x)`, `Q_e(x)` from their closed forms (the same partitions `Z_h`, `Z_e`).
  let jointModelMarginal: KLIdeal
  let jointExpertMarginal: KLIdeal
  let tiltedPosterior: [[Rational]]

  init(_ problem: DeferralProblem) {
    self.problem = problem
    inputModel = problem.inputIdeal(risk: problem.modelRisk)
    inputExpert = problem.inputIdeal(risk: problem.expertRisk)
    cells = problem.jointCells
    jointModel = problem.jointIdeal(cells, loss: problem.modelLoss)
    jointExpert = problem.jointIdeal(cells, loss: problem.expertLoss)
    jointModelMarginal = problem.jointMarginalClosedForm(accuracy: problem.modelAccuracy)
    jointExpertMarginal = problem.jointMarginalClosedForm(
      accuracy: problem.expertConditionalAccuracy)
    tiltedPosterior = problem.tiltedPosterior
  }

  /// `r_M(x) = q_h(x)/q_e(x)`.
  var inputRatio: [Rational] { zip(inputModel.masses, inputExpert.masses).map { $0 / $1 } }

  /// `r_J(x) = Q_h(x)/Q_e(x)` from the closed-form marginals.
  var jointRatio: [Rational] {
    zip(jointModelMarginal.masses, jointExpertMarginal.masses).map { $0 / $1 }
  }

  /// `(Z_e/Z_h) Σ_y η̃(x,y) w_h(x,y)/w_e(x,y)`.
  var jointRatioTilted: [Rational] { jointRatioAveraged(over: tiltedPosterior) }

  /// `(Z_e/Z_h) Σ_y π(x,y) w_h(x,y)/w_e(x,y)` for a posterior `π` (η̃ gives `r_J`).
  func jointRatioAveraged(over posterior: [[Rational]]) -> [Rational] {
    let scale = jointExpertMarginal.partition / jointModelMarginal.partition
    return problem.inputs.map { x in
      scale
        * problem.classes.reduce(Rational(0)) { sum, y in
          sum + posterior[x][y] * problem.modelWeight(x, y) / problem.expertWeight(x, y)
        }
    }
  }

  /// `Q_h(x)/Q_e(x)` with both marginals summed over the cells.
  var jointRatioFromCells: [Rational] {
    zip(
      problem.inputMarginal(of: jointModel, over: cells),
      problem.inputMarginal(of: jointExpert, over: cells)
    ).map { $0 / $1 }
  }
}
