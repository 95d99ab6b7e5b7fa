import Numeric
import Symbolic

/// A time-inhomogeneous chain on `{0..nY−1}` with rate matrix `Q_t = A + tB` and initial law
/// `p₀`, drawn from SplitMix64 (spec Section 4.1): the off-diagonal entries of A row-major
/// (diagonal skipped), then B's, each `rateScale · u`, then the weights `1/2 + u` of `p₀`,
/// normalised. Diagonals make the rows sum to 0. Everything is an exact rational. Public so
/// that `bench claims` times ``law(at:)``, the claim's hot computation, on the claim's chain.
public struct LatentChain: Sendable {
  /// `A` and `B` of `Q_t = A + tB`, and `p₀`.
  public let a: [[Rational]]
  public let b: [[Rational]]
  public let initial: [Rational]

  init(states n: Int, seed: UInt64, rateScale: Rational) {
    var generator = SplitMix64(seed: seed)
    func rateMatrix() -> [[Rational]] {
      var q = (0..<n).map { i in
        (0..<n).map { j in i == j ? Rational(0) : rateScale * generator.nextUniform() }
      }
      for i in 0..<n { q[i][i] = -q[i].total }
      return q
    }
    a = rateMatrix()
    b = rateMatrix()
    initial = Self.law(states: n, generator: &generator, offset: Rational(1, 2))
  }

  /// The weights `offset + u` of `n` states, normalised.
  static func law(states n: Int, generator: inout SplitMix64, offset: Rational) -> [Rational] {
    let weights = (0..<n).map { _ in offset + generator.nextUniform() }
    let total = weights.total
    return weights.map { $0 / total }
  }

  var states: Int { initial.count }

  /// `Q_t = A + tB`.
  func rates<T: FieldElement>(at t: T) -> [[T]] {
    zip(a, b).map { rowA, rowB in zip(rowA, rowB).map { T($0) + t * T($1) } }
  }

  /// `‖A‖_∞` and `‖B‖_∞` (largest absolute row sums), which bound the growth of the series.
  private var norms: (a: Rational, b: Rational) {
    func norm(_ m: [[Rational]]) -> Rational { m.map { $0.map(\.magnitude).total }.max()! }
    return (norm(a), norm(b))
  }

  /// `p_t` by its Taylor series `Σₖ cₖtᵏ`, `(k+1)c_{k+1} = cₖA + c_{k−1}B` (entire in t), at
  /// the working precision `p`.
  ///
  /// The terms `τₖ = cₖtᵏ` obey `(k+1)τ_{k+1} = τₖ(tA) + τ_{k−1}(t²B)`; they are summed until
  /// two consecutive terms have max-norm below `2^−(p+10)` (never a fixed count: large rates
  /// and times need hundreds of terms). In the ℓ¹ norm of row vectors `‖τₖ‖` is bounded by the
  /// coefficients of `exp(αt + βt²/2)`, `α = ‖A‖_∞`, `β = ‖B‖_∞` (the same recurrence with
  /// norms), so no term exceeds `e^{αt+βt²/2}` while the sum is a probability vector: the sum
  /// runs with that many guard bits (plus 16 for the rounding of the terms) and is rounded
  /// once to `p` bits, so the result is accurate to a few units of `2^−p`.
  public func law(at t: BigFloat) -> [BigFloat] {
    let bits = Precision.bits
    let (alpha, beta) = norms
    let time = t.magnitude.doubleValue
    let growth = alpha.doubleValue * time + beta.doubleValue * time * time / 2
    let guardBits = Int((growth / Double.log(2)).rounded(.up))
    return withPrecision(bits + guardBits + 16) {
      let t = BigFloat(t, precision: bits + guardBits + 16)
      let stepA = a.map { $0.map { BigFloat($0) * t } }
      let stepB = b.map { $0.map { BigFloat($0) * t * t } }
      let tolerance = BigFloat(Rational.pow(2, -(bits + 10)))
      var previous = initial.map { _ in BigFloat(0) }
      var current = initial.map { BigFloat($0) }
      var sum = current
      var k = 0
      var small = 0
      while small < 2 {
        let next = zip(current.times(stepA), previous.times(stepB)).map { ($0 + $1) / BigFloat(k + 1) }
        (previous, current) = (current, next)
        k += 1
        sum = zip(sum, current).map { $0 + $1 }
        small = current.maximumMagnitude < tolerance ? small + 1 : 0
      }
      return sum.map { BigFloat($0, precision: bits) }
    }
  }

  /// `p_t` at each of `times` (ascending, ≥ 0) by the ``TaylorIntegrator`` on `(t, p)` with
  /// `t′ = 1`, `p′ = p(A + tB)`: the series' independent cross-check. `order` and `tolerance`
  /// as the integrator takes them; `frozen` drops B (a negative control).
  func integratedLaw(
    at times: [BigFloat], order: Int, tolerance: BigFloat, frozen: Bool = false
  ) -> [[BigFloat]] {
    let chain = self
    let integrator = TaylorIntegrator<BigFloat>(order: order, tolerance: tolerance) { y in
      let t = frozen ? Jet<BigFloat>.constant(0) : y[0]
      return [Jet<BigFloat>.constant(1)] + Array(y.dropFirst()).times(chain.rates(at: t))
    }
    let start = [BigFloat(0)] + initial.map { BigFloat($0) }
    return integrator.solve(from: start, at: times).states.map { Array($0.dropFirst()) }
  }
}
