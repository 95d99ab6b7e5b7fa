import Numeric

/// C1 on instance A's model: the joint ideal of `ℓ_h(x, y) = 1[h(x) ≠ y]` over the cells
/// `(x, y)` with `P(x, y) = p(x) η(x, y) > 0` (x-major, y-minor), a random distribution `Q` on
/// the same cells, and the wrong-sign control `Q′ ∝ P e^{+λℓ}`. Exact distributions; the
/// logarithms at the precision of each call.
struct GibbsMeasurements: Sendable {
  let problem: DeferralProblem
  let objective: GibbsObjective
  /// `Q* = P e^{−λℓ}/Z`.
  let ideal: KLIdeal
  /// `Q′ = P e^{+λℓ}/Z′`.
  let wrongSign: KLIdeal
  /// `Q`, drawn from SplitMix64.
  let random: [Rational]

  init(problem: DeferralProblem, seed: UInt64) {
    let cells = problem.inputs.flatMap { x in
      problem.classes.compactMap { y in problem.posterior[x][y].isZero ? nil : (x, y) }
    }
    let reference = cells.map { problem.mass[$0.0] * problem.posterior[$0.0][$0.1] }
    let loss = cells.map { Rational(problem.model[$0.0] == $0.1 ? 0 : 1) }
    self.problem = problem
    objective = GibbsObjective(reference: reference, loss: loss)
    ideal = KLIdeal(reference: reference, tilt: loss.map(problem.gibbsFactor))
    wrongSign = KLIdeal(reference: reference, tilt: loss.map { problem.gibbsFactor(-$0) })
    var generator = SplitMix64(seed: seed)
    random = GibbsObjective.randomDistribution(count: cells.count, generator: &generator)
  }

  /// `J(Q)` at the working precision.
  func objective<T: Scalar>(_ q: [Rational], as type: T.Type = T.self) -> T {
    objective.value(q, lambda: problem.lambda())
  }

  /// `J(candidate) + (ln Z)/λ`: zero for `Q*`, `J(Q′) − J(Q*) > 0` for the wrong sign.
  func minimumResidual<T: Scalar>(_ candidate: KLIdeal, as type: T.Type = T.self) -> T {
    objective(candidate.masses) + T.log(T(ideal.partition)) / problem.lambda()
  }

  /// `J(Q) − J(candidate) − KL(Q‖candidate)/λ` for the random `Q`: the Gibbs variational gap,
  /// zero exactly when `candidate` is `Q*`.
  func gapResidual<T: Scalar>(_ candidate: KLIdeal, as type: T.Type = T.self) -> T {
    objective(random) - objective(candidate.masses)
      - (kullbackLeibler(random, candidate.masses) as T) / problem.lambda()
  }
}
