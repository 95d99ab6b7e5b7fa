import Numeric

/// One cell `(x, y, m)` of the joint space: the expert's label `m` is correct or not (only the
/// event `m = y` matters), with reference mass `P(x, y, m) = p(x) η(x, y) P(m | x, y)`.
struct JointCell: Sendable {
  let input: Int
  let label: Int
  let expertCorrect: Bool
  let mass: Rational
}

/// The KL ideals of the model and the expert: on the input space (reference `p`, losses `L_h`,
/// `L_e`) and on the joint space of cells `(x, y, m)` (losses `ℓ_h = 1[h(x) ≠ y]`,
/// `ℓ_e = 1[m ≠ y]`), with the closed forms of the joint ideals' input marginals and the
/// expert-tilted posterior. All exact.
extension DeferralProblem {
  /// The input-space ideal `q(x) = p(x) e^{−λ L(x)} / Z′` of the conditional risk `L`.
  func inputIdeal(risk: [Rational]) -> KLIdeal {
    KLIdeal(reference: mass, tilt: risk.map(gibbsFactor))
  }

  /// The cells of positive mass, x-major, then y, then correct before wrong.
  var jointCells: [JointCell] {
    inputs.flatMap { x in
      classes.flatMap { y in
        let a = expertAccuracy[x][y]
        return [(true, a), (false, 1 - a)].compactMap { correct, probability in
          let mass = self.mass[x] * posterior[x][y] * probability
          return mass.isZero
            ? nil : JointCell(input: x, label: y, expertCorrect: correct, mass: mass)
        }
      }
    }
  }

  /// `ℓ_h(x, y) = 1[h(x) ≠ y]`.
  func modelLoss(_ cell: JointCell) -> Rational { model[cell.input] == cell.label ? 0 : 1 }
  /// `ℓ_e(y, m) = 1[m ≠ y]`.
  func expertLoss(_ cell: JointCell) -> Rational { cell.expertCorrect ? 0 : 1 }

  /// The joint ideal of `loss` over ``jointCells``.
  func jointIdeal(_ cells: [JointCell], loss: (JointCell) -> Rational) -> KLIdeal {
    KLIdeal(reference: cells.map(\.mass), tilt: cells.map { gibbsFactor(loss($0)) })
  }

  /// `Q(x) = Σ_{y,m} Q(x, y, m)`, summed cell by cell.
  func inputMarginal(of ideal: KLIdeal, over cells: [JointCell]) -> [Rational] {
    var marginal = Array(repeating: Rational(0), count: mass.count)
    for (cell, q) in zip(cells, ideal.masses) { marginal[cell.input] += q }
    return marginal
  }

  /// `ρ + (1 − ρ) c` for a conditional accuracy `c`: `E[e^{−λℓ} | x]` when `ℓ` is wrong with
  /// probability `1 − c`.
  func expectedJointFactor(accuracy c: Rational) -> Rational { rho + (1 - rho) * c }

  /// The closed form `Q(x) = p(x) (ρ + (1 − ρ) c(x)) / Z` of a joint ideal's input marginal, for
  /// the conditional accuracy `c` (`η(x, h(x))` for the model, `A_e` for the expert).
  func jointMarginalClosedForm(accuracy: [Rational]) -> KLIdeal {
    KLIdeal(reference: mass, tilt: accuracy.map(expectedJointFactor))
  }

  /// `w_e(x, y) = ρ + (1 − ρ) a(x, y)`.
  func expertWeight(_ x: Int, _ y: Int) -> Rational {
    expectedJointFactor(accuracy: expertAccuracy[x][y])
  }
  /// `w_h(x, y) = ρ + (1 − ρ) 1[h(x) = y]`.
  func modelWeight(_ x: Int, _ y: Int) -> Rational {
    expectedJointFactor(accuracy: model[x] == y ? 1 : 0)
  }

  /// The expert-tilted posterior `η̃(x, y) = η(x, y) w_e(x, y) / Σ_y′ η(x, y′) w_e(x, y′)`.
  var tiltedPosterior: [[Rational]] {
    inputs.map { x in
      let weighted = classes.map { posterior[x][$0] * expertWeight(x, $0) }
      let total = weighted.reduce(Rational(0), +)
      return weighted.map { $0 / total }
    }
  }
}
