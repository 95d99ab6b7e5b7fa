import Numeric
import Symbolic

/// A time-inhomogeneous chain on `{0..nY−1}` with rate matrix `Q_t = A + tB` and initial law
/// `p₀`, drawn from SplitMix64 (spec Section 4.1): the off-diagonal entries of A row-major
/// (diagonal skipped), then B's, each `rateScale · u`, then the weights `1/2 + u` of `p₀`,
/// normalised. Diagonals make the rows sum to 0. Everything is an exact rational. Public so
/// that `bench claims` times the claim's hot computation, its ``LawSeries``, on its chain.
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

  /// `‖A‖_∞` and `‖B‖_∞` (largest absolute row sums), which bound the growth of the law's series.
  var norms: (a: Rational, b: Rational) {
    func norm(_ m: [[Rational]]) -> Rational { m.map { $0.map(\.magnitude).total }.max()! }
    return (norm(a), norm(b))
  }

  /// `p_t` at one time, by the ``LawSeries`` of radius `|t|`.
  func law(at t: BigFloat) -> [BigFloat] { LawSeries(self, radius: t.magnitude).law(at: t) }

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
