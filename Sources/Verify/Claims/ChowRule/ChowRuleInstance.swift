import Numeric

/// The decoded run parameters of `chow-rule` (spec section 3), validated jointly: three
/// deferral problems on the same masses `p`, posterior `η` (tenths) and base `b`, differing in
/// the expert: A class-dependent (`a(x, y) = expert_y/10`), B constant (`a ≡ α`), C perfect.
public struct ChowRuleInstance: Sendable {
  /// A, B, C.
  let problems: [(name: String, problem: DeferralProblem)]
  let chiLambda: Rational
  let cost: Rational
  /// `ladder_b1 … ladder_b4`, largest b (smallest λ) first.
  let ladderBases: [Rational]

  /// - Throws: `UsageError` for a posterior whose length is not `n·K` for the `n` of `p`, a row
  ///   not summing to 10, an expert without K entries, a constant accuracy or cost that is not a
  ///   multiple of 1/100, a small-λ ladder that does not decrease, or a χ² weight that is not
  ///   positive.
  init(
    classes: Int, posteriorTenths: [Int], massWeights: [Int], expertTenths: [Int],
    constantAccuracy: Rational, base: Rational, chiLambda: Rational, cost: Rational,
    ladderBases: [Rational]
  ) throws(UsageError) {
    let n = massWeights.count
    guard posteriorTenths.count == n * classes else {
      throw UsageError(
        "eta has \(posteriorTenths.count) entries; p has \(n) inputs and classes = \(classes), "
          + "so eta needs \(n * classes)")
    }
    let rows = (0..<n).map { Array(posteriorTenths[($0 * classes)..<(($0 + 1) * classes)]) }
    if let x = rows.firstIndex(where: { $0.reduce(0, +) != 10 }) {
      throw UsageError("row \(x) of eta sums to \(rows[x].reduce(0, +)), not 10")
    }
    guard expertTenths.count == classes else {
      throw UsageError("expert has \(expertTenths.count) entries, not classes = \(classes)")
    }
    for (name, value) in [("constant_accuracy", constantAccuracy), ("cost", cost)]
    where !(value * 100).isInteger {
      throw UsageError("\(name) = \(value) is not a multiple of 1/100")
    }
    guard zip(ladderBases, ladderBases.dropFirst()).allSatisfy(>) else {
      throw UsageError(
        "ladder_b1 … ladder_b4 = \(ladderBases.map(\.description).joined(separator: ", ")) "
          + "must decrease (largest b, smallest λ, first)")
    }
    let total = Rational(massWeights.reduce(0, +))
    let mass = massWeights.map { Rational($0) / total }
    let posterior = rows.map { $0.map { Rational($0, 10) } }
    let experts: [(String, [Rational])] = [
      ("A", expertTenths.map { Rational($0, 10) }),
      ("B", Array(repeating: constantAccuracy, count: classes)),
      ("C", Array(repeating: Rational(1), count: classes)),
    ]
    problems = experts.map { name, accuracy in
      (
        name,
        DeferralProblem(
          mass: mass, posterior: posterior, expertAccuracy: Array(repeating: accuracy, count: n),
          base: base)
      )
    }
    for (name, problem) in problems {
      for (which, risk) in [("h", problem.modelRisk), ("e", problem.expertRisk)] {
        let density = problem.chiSquareDensity(risk: risk, lambda: chiLambda)
        if let x = density.firstIndex(where: { $0.signum <= 0 }) {
          throw UsageError(
            "chi_lambda = \(chiLambda) makes the χ² weight (q/p)_\(which)(\(x)) = \(density[x]) "
              + "of instance \(name) non-positive")
        }
      }
    }
    self.chiLambda = chiLambda
    self.cost = cost
    self.ladderBases = ladderBases
  }
}
