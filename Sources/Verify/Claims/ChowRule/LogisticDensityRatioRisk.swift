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
///
/// Public, with its minimiser and value inlinable, so that `bench claims` times the claim's
/// own code, specialized.
public struct LogisticDensityRatioRisk: Sendable {
  @usableFromInline let inputCount: Int
  /// The input of each cell.
  @usableFromInline let cellInputs: [Int]
  @usableFromInline let positive: [Rational]
  @usableFromInline let negative: [Rational]

  public init(inputCount: Int, cellInputs: [Int], positive: [Rational], negative: [Rational]) {
    (self.inputCount, self.cellInputs, self.positive, self.negative) = (inputCount, cellInputs, positive, negative)
  }

  /// `W⁺(x)`, `W⁻(x)`, summed over each input's cells.
  @inlinable var inputWeights: (positive: [Rational], negative: [Rational]) {
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
  ///
  /// The two softplus terms of a cell share their logarithm: with `ℓ = ln(1 + e^{−|s|})`,
  /// `ln(1 + e^{−s}) = ℓ + max(−s, 0)` and `ln(1 + e^{s}) = ℓ + max(s, 0)`, so a cell costs one
  /// `exp` and one `log1p` rather than two of each (`e^{−|s|} ≤ 1`: no overflow, and no
  /// cancellation, since both added terms are non-negative).
  @inlinable public func value<T: Scalar>(_ s: [T]) -> T {
    // The constants made once, not per cell: a `BigFloat` literal reads the task-local precision.
    let (zero, two) = (T.zero, T(2))
    let doubled = cellInputs.indices.reduce(zero) { sum, c in
      let score = s[cellInputs[c]]
      let (plus, minus) = (T(positive[c]), T(negative[c]))
      let term =
        score > zero
        ? (plus + minus) * T.log(onePlus: T.exp(-score)) + minus * score
        : (plus + minus) * T.log(onePlus: T.exp(score)) - plus * score
      return sum + term
    }
    // Halving is exact, so halving the sum once rounds as halving every term would.
    return doubled / two
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

  /// The minimiser by Newton's method, one input at a time (R is separable): first in
  /// binary64 from `s = 0`, then in `T` from that root, so the working precision takes only the
  /// steps that double its 53 correct bits (4 at 256 bits; from `s = 0` about 9). A binary64
  /// run that fails (it cannot where `T`'s converges, bar overflow) seeds nothing: `T` starts at 0.
  @inlinable
  public func minimizer<T: Scalar>(as type: T.Type = T.self) throws -> [T] {
    let (plus, minus) = inputWeights
    return try (0..<inputCount).map { x in
      let seed = (try? Self.newtonRoot(plus[x].doubleValue, minus[x].doubleValue, from: 0.0)) ?? 0
      return try Self.newtonRoot(T(plus[x]), T(minus[x]), from: T(seed))
    }
  }

  /// The root of `∂R/∂s = ½[(W⁺ + W⁻) σ(s) − W⁺]` by Newton from `start`. With
  /// `u = e^{−|s|} ≤ 1` (no overflow), `σ = 1/(1 + u)` for `s ≥ 0` and `u/(1 + u)` below, and
  /// the Newton step `f/f′` over one denominator is
  ///
  ///     s ≥ 0: (W⁻ − W⁺u)(1 + u) / ((W⁺ + W⁻) u),   s < 0: (W⁻u − W⁺)(1 + u) / ((W⁺ + W⁻) u):
  ///
  /// one division where `σ` and then `f/f′` take two, and `1 − σ`, which cancels as `σ → 1`,
  /// never formed. The numerator's cancellation near the root is the residual's own.
  @inlinable
  static func newtonRoot<T: Scalar>(_ wPlus: T, _ wMinus: T, from start: T) throws -> T {
    let (total, zero, one) = (wPlus + wMinus, T.zero, T(1))
    return try Newton.solve(
      newtonStep: { s in
        let nonNegative = s >= zero
        let u = T.exp(nonNegative ? -s : s)
        let residual = nonNegative ? wMinus - wPlus * u : wMinus * u - wPlus
        return residual * (one + u) / (total * u)
      },
      from: start, absoluteTolerance: 4 * T.workingEpsilon
    ).root
  }
}
