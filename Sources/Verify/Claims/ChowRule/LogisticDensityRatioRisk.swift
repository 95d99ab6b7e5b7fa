import Numeric
import Symbolic

/// The balanced DR-CPE risk with the logistic link for a scorer `s: X → ℝ`, positives from one
/// distribution, negatives from another, written over cells that each belong to an input:
///
///     R(s) = ½ Σ_cells [ w⁺(c) ln(1 + e^{−s(x(c))}) + w⁻(c) ln(1 + e^{s(x(c))}) ].
///
/// With `W^±(x) = Σ_{c ∈ x} w^±(c)`, `∂R/∂s(x) = ½[(W⁺ + W⁻) σ(s(x)) − W⁺]` and
/// `∂²R/∂s(x)² = ½(W⁺ + W⁻) σ(1 − σ) > 0`: R is strictly convex in each `s(x)` with the unique
/// minimiser `σ(s*(x)) = W⁺/(W⁺ + W⁻)`, i.e. `s* = ln(W⁺/W⁻)`, and there
/// `R(s*) = ln 2 − JS(W⁺, W⁻)`. For `R` the cells are the inputs (`w^± = q_h, q_e`); for `R_J`
/// they are the joint cells (`w^± = P e^{−λℓ_h}/Z_h, P e^{−λℓ_e}/Z_e`).
struct LogisticDensityRatioRisk: Sendable {
  let inputCount: Int
  /// The input of each cell.
  let cellInputs: [Int]
  let positive: [Rational]
  let negative: [Rational]

  /// `W⁺(x)`, `W⁻(x)`, summed over each input's cells.
  var inputWeights: (positive: [Rational], negative: [Rational]) {
    var plus = Array(repeating: Rational(0), count: inputCount)
    var minus = plus
    for (c, x) in cellInputs.enumerated() {
      plus[x] += positive[c]
      minus[x] += negative[c]
    }
    return (plus, minus)
  }

  /// `½[(W⁺ + W⁻) σ − W⁺]` per input, exactly, at the sigmoid values `σ(s(x))`.
  func exactGradient(atSigmoid sigma: [Rational]) -> [Rational] {
    let (plus, minus) = inputWeights
    return sigma.indices.map { x in ((plus[x] + minus[x]) * sigma[x] - plus[x]) / 2 }
  }

  /// `½(W⁺ + W⁻) σ(1 − σ)` per input, exactly: the diagonal Hessian (R is separable in s(x)).
  func exactCurvature(atSigmoid sigma: [Rational]) -> [Rational] {
    let (plus, minus) = inputWeights
    return sigma.indices.map { x in (plus[x] + minus[x]) * sigma[x] * (1 - sigma[x]) / 2 }
  }

  /// `R(s)`, summed cell by cell.
  func value<T: Scalar>(_ s: [T]) -> T {
    cellInputs.indices.reduce(T.zero) { sum, c in
      let score = s[cellInputs[c]]
      return sum + (T(positive[c]) * T.softplus(-score) + T(negative[c]) * T.softplus(score)) / 2
    }
  }

  /// `∂R/∂s(x)` per input.
  func gradient<T: Scalar>(_ s: [T]) -> [T] {
    let (plus, minus) = inputWeights
    return s.indices.map { x in ((T(plus[x]) + T(minus[x])) * T.sigmoid(s[x]) - T(plus[x])) / 2 }
  }

  /// `∂²R/∂s(x)²` per input: the diagonal of the Hessian, which is diagonal.
  func curvature<T: Scalar>(_ s: [T]) -> [T] {
    let (plus, minus) = inputWeights
    return s.indices.map { x in
      let sigma = T.sigmoid(s[x])
      return (T(plus[x]) + T(minus[x])) * sigma * (1 - sigma) / 2
    }
  }

  /// The minimiser by Newton's method from `s = 0`, one input at a time (R is separable).
  func minimizer<T: Scalar>(as type: T.Type = T.self) throws -> [T] {
    let (plus, minus) = inputWeights
    return try (0..<inputCount).map { x in
      let (wPlus, total) = (T(plus[x]), T(plus[x]) + T(minus[x]))
      return try Newton.solve(
        { s in (total * T.sigmoid(s) - wPlus) / 2 },
        derivative: { s in total * T.sigmoid(s) * (1 - T.sigmoid(s)) / 2 },
        from: T.zero, absoluteTolerance: 4 * T.workingEpsilon
      ).root
    }
  }
}
