import Numeric

/// A finite post-hoc learning-to-defer problem with exact rational data: inputs `x ∈ X =
/// {0, …, n−1}` with masses `p(x) > 0`, the class posterior `η(x, y)`, an expert correct on
/// `(x, y)` with probability `a(x, y)`, and the temperature base `b ∈ (0, 1)` of the KL ideals,
/// `λ = D ln(1/b)` with `D = 100`, so that `e^{−λL} = b^{D·L}` is rational whenever `D·L` is an
/// integer (η and a in tenths, a cost in hundredths).
///
/// The model is `h(x) = argmax_y η(x, y)` (smallest index on ties); the conditional risks are
/// `L_h(x) = 1 − η(x, h(x))` and `L_e(x) = 1 − A_e(x)` with `A_e(x) = Σ_y η(x, y) a(x, y)`, and
/// the Chow statistic is `stat(x) = η(x, h(x)) − A_e(x) = L_e(x) − L_h(x)`.
struct DeferralProblem: Sendable {
  /// `D`: `λ = D ln(1/b)`.
  static let temperatureScale = 100

  let mass: [Rational]
  let posterior: [[Rational]]
  let expertAccuracy: [[Rational]]
  let base: Rational

  let model: [Int]
  /// `η(x, h(x))`, the model's conditional accuracy.
  let modelAccuracy: [Rational]
  /// `A_e(x)`.
  let expertConditionalAccuracy: [Rational]
  /// `stat(x) = η(x, h(x)) − A_e(x)`.
  let chowStatistic: [Rational]

  init(mass: [Rational], posterior: [[Rational]], expertAccuracy: [[Rational]], base: Rational) {
    precondition(mass.count == posterior.count && posterior.count == expertAccuracy.count)
    self.mass = mass
    self.posterior = posterior
    self.expertAccuracy = expertAccuracy
    self.base = base
    model = posterior.map { row in
      var best = 0
      for y in row.indices where row[y] > row[best] { best = y }
      return best
    }
    modelAccuracy = zip(posterior, model).map { $0[$1] }
    expertConditionalAccuracy = zip(posterior, expertAccuracy).map { eta, a in
      zip(eta, a).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
    }
    chowStatistic = zip(modelAccuracy, expertConditionalAccuracy).map { $0 - $1 }
  }

  /// The same problem at another temperature base.
  func with(base: Rational) -> DeferralProblem {
    DeferralProblem(mass: mass, posterior: posterior, expertAccuracy: expertAccuracy, base: base)
  }

  var inputs: Range<Int> { mass.indices }
  var classes: Range<Int> { posterior[0].indices }

  /// `ρ = e^{−λ} = b^D`.
  var rho: Rational { Rational.pow(base, Self.temperatureScale) }

  /// `e^{−λ·loss} = b^{D·loss}`; `D·loss` must be an integer.
  func gibbsFactor(_ loss: Rational) -> Rational {
    let exponent = loss * Rational(Self.temperatureScale)
    precondition(exponent.isInteger, "D·loss = \(exponent) is not an integer")
    return Rational.pow(base, exponent.numerator.intValue!)
  }

  /// `λ = D ln(1/b)` at the working precision.
  func lambda<T: Scalar>(as type: T.Type = T.self) -> T {
    T(Self.temperatureScale) * -T.log(T(base))
  }

  /// `L_h(x) = 1 − η(x, h(x))`.
  var modelRisk: [Rational] { modelAccuracy.map { 1 - $0 } }
  /// `L_e(x) = 1 − A_e(x)`.
  var expertRisk: [Rational] { expertConditionalAccuracy.map { 1 - $0 } }

  /// `Rate(S) = Σ_{x∈S} p(x)`.
  func rate(_ deferred: Set<Int>) -> Rational {
    deferred.reduce(Rational(0)) { $0 + mass[$1] }
  }

  /// `Acc(S) = Σ_{x∈S} p(x) A_e(x) + Σ_{x∉S} p(x) η(x, h(x))`.
  func accuracy(_ deferred: Set<Int>) -> Rational {
    inputs.reduce(Rational(0)) { sum, x in
      sum + mass[x] * (deferred.contains(x) ? expertConditionalAccuracy[x] : modelAccuracy[x])
    }
  }
}
