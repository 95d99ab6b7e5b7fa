import Numeric
import Symbolic

/// The reduced form of the one-student `erf(z/√2)` problem (spec C5): with `|w|² = r²`, the
/// overlaps `uⱼ = w·vⱼ` all equal to `c` at the optimum and the constraint `Σⱼ uⱼ² ≤ r²` active
/// (`r² = kc²`), the loss is `½[a² G₀(c) − 2a k G₁(c) + k/3]` with
///
///     G₀(c) = (2/π) asin(kc²/(1 + kc²)),    G₁(c) = (2/π) asin(c/√(2(1 + kc²))).
///
/// Eliminating `a = k G₁/G₀` leaves `φ(c) = 2 G₁′(c) G₀(c) − G₁(c) G₀′(c) = 0`, whose root is
/// `c* = 1/√(k(2k−1))`. The derivatives are by forward mode, and `φ′` for Newton by nesting it.
struct OneNeuronReduction: Sendable {
  var teachers: Int

  func g0<S: Scalar>(_ c: S) -> S {
    let kc2 = S(teachers) * c * c
    return 2 / S.pi * S.asin(kc2 / (1 + kc2))
  }

  func g1<S: Scalar>(_ c: S) -> S {
    2 / S.pi * S.asin(c / S.sqrt(2 * (1 + S(teachers) * c * c)))
  }

  /// `φ(c) = 2 G₁′ G₀ − G₁ G₀′`.
  func phi<S: Scalar>(_ c: S) -> S {
    let g0Slope = derivative(of: { g0($0) }, at: c)
    let g1Slope = derivative(of: { g1($0) }, at: c)
    return 2 * g1Slope * g0(c) - g1(c) * g0Slope
  }

  /// The optimal output weight `a = k G₁(c)/G₀(c)` at scale `c`.
  func output<S: Scalar>(_ c: S) -> S { S(teachers) * g1(c) / g0(c) }

  /// Newton on `φ` from `c₀ = 1/(√2 k)` (away from the degenerate root at 0), stopping when
  /// `|Δc| ≤ 2^(−p+10)` at the working precision `p`, within at most `maximumIterations` steps.
  func solve(bits: Int, maximumIterations: Int = 12) throws -> NewtonIteration<BigFloat> {
    let start = 1 / (BigFloat.sqrt(2) * BigFloat(teachers))
    return try Newton.solve(
      { phi($0) }, derivative: { derivative(of: { phi($0) }, at: $0) }, from: start,
      relativeTolerance: 0, absoluteTolerance: BigFloat.pow(2, 10 - bits),
      maximumIterations: maximumIterations)
  }
}
