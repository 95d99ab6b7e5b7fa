import Numeric

/// The smoothed nuclear norm of regularized Muon,
///
///     Ψ_ε(G) = Σᵢ √(σᵢ(G)² + ε) = tr (GᵀG + εI)^{1/2},
///
/// with its gradient, the regularized orthogonalization `O_ε(G) = ∇Ψ_ε(G) = G (GᵀG + εI)^{−1/2}`,
/// its Fenchel conjugate `Ψ_ε^*(Δ) = −√ε Σᵢ √(1 − σᵢ(Δ)²)` on `‖Δ‖_op ≤ 1` (`+∞` outside), the
/// conjugate's gradient `∇Ψ_ε^*(Δ) = √ε Δ (I − ΔᵀΔ)^{−1/2}`, and the dissipation density
/// `D(P) = ⟨P, ∇Ψ_ε(P)⟩ = Σᵢ σᵢ(P)²/√(σᵢ(P)² + ε)`.
///
/// Matrices are `m × 2`, stored row-major in `[T]` (entry `(i, j)` at `2i + j`), the layout of
/// the claim's SplitMix64 draws. For two columns every quantity is a closed form in the Gram
/// matrix (see `SymmetricTwoByTwo`), so it evaluates in any `Scalar`, including AD scalars.
public struct SmoothedNuclearNorm<T: Scalar>: Sendable {
  /// The smoothing parameter `ε > 0`.
  public let epsilon: T
  /// `√ε`, the smoothness scale: `∇²Ψ_ε(0) = I/√ε`.
  public let rootEpsilon: T

  public init(epsilon: T) {
    self.epsilon = epsilon
    self.rootEpsilon = T.sqrt(epsilon)
  }

  public init(epsilon: Rational) { self.init(epsilon: T(epsilon)) }

  /// `Ψ_ε(G) = tr (GᵀG + εI)^{1/2}`.
  public func value(_ g: [T]) -> T {
    TwoColumn.gram(g).shifted(by: epsilon).traceOfSquareRoot
  }

  /// `∇Ψ_ε(G) = G (GᵀG + εI)^{−1/2}`.
  public func gradient(_ g: [T]) -> [T] {
    TwoColumn.product(g, TwoColumn.gram(g).shifted(by: epsilon).inverseSquareRoot)
  }

  /// `D(P) = Σᵢ σᵢ²/√(σᵢ² + ε)`, from the eigenvalues of `PᵀP` (a route independent of the
  /// gradient, so that `⟨P, ∇Ψ_ε(P)⟩ = D(P)` is a check and not a tautology).
  public func dissipation(_ p: [T]) -> T {
    let (large, small) = TwoColumn.gram(p).eigenvalues
    return large / T.sqrt(large + epsilon) + small / T.sqrt(small + epsilon)
  }

  /// `Ψ_ε(G) − n√ε = Σᵢ σᵢ²/(√(σᵢ² + ε) + √ε)`, free of the cancellation of the difference
  /// for small `G` (the kinetic part of `H − H_min` in the rate claim).
  public func excess(_ g: [T]) -> T {
    let (large, small) = TwoColumn.gram(g).eigenvalues
    return large / (T.sqrt(large + epsilon) + rootEpsilon)
      + small / (T.sqrt(small + epsilon) + rootEpsilon)
  }

  /// `Ψ_ε^*(Δ) = −√ε tr (I − ΔᵀΔ)^{1/2}`, or `nil` (`+∞`) when `‖Δ‖_op > 1`.
  public func conjugate(_ delta: [T]) -> T? {
    let b = TwoColumn.identityMinusGram(delta)
    guard b.trace >= T.zero, b.determinant >= T.zero else { return nil }
    return -rootEpsilon * b.traceOfSquareRoot
  }

  /// `∇Ψ_ε^*(Δ) = √ε Δ (I − ΔᵀΔ)^{−1/2}`, for `‖Δ‖_op < 1`.
  public func conjugateGradient(_ delta: [T]) -> [T] {
    let root = TwoColumn.identityMinusGram(delta).inverseSquareRoot
    return TwoColumn.product(delta, root).map { rootEpsilon * $0 }
  }

  /// `σ₁(G) ≥ σ₂(G)`.
  public static func singularValues(_ g: [T]) -> [T] {
    let (large, small) = TwoColumn.gram(g).eigenvalues
    return [T.sqrt(large), T.sqrt(small)]
  }

  /// The polar factor `UVᵀ = G (GᵀG)^{−1/2}` of a full-rank `G`: Muon's unregularized
  /// orthogonalization, the limit of `∇Ψ_ε` as `ε → 0`.
  public static func polar(_ g: [T]) -> [T] {
    TwoColumn.product(g, TwoColumn.gram(g).inverseSquareRoot)
  }
}

/// Row-major `m × 2` helpers shared by the closed forms.
enum TwoColumn {
  /// `GᵀG`.
  static func gram<T: Scalar>(_ g: [T]) -> SymmetricTwoByTwo<T> {
    precondition(g.count % 2 == 0, "the closed forms are for matrices with two columns")
    var a = T.zero, b = T.zero, c = T.zero
    for row in stride(from: 0, to: g.count, by: 2) {
      a += g[row] * g[row]
      b += g[row] * g[row + 1]
      c += g[row + 1] * g[row + 1]
    }
    return SymmetricTwoByTwo(a: a, b: b, c: c)
  }

  /// `I − ΔᵀΔ`.
  static func identityMinusGram<T: Scalar>(_ delta: [T]) -> SymmetricTwoByTwo<T> {
    let gram = gram(delta)
    return SymmetricTwoByTwo(a: 1 - gram.a, b: -gram.b, c: 1 - gram.c)
  }

  /// `G S` for a symmetric 2×2 `S`.
  static func product<T: Scalar>(_ g: [T], _ s: SymmetricTwoByTwo<T>) -> [T] {
    var result = g
    for row in stride(from: 0, to: g.count, by: 2) {
      result[row] = g[row] * s.a + g[row + 1] * s.b
      result[row + 1] = g[row] * s.b + g[row + 1] * s.c
    }
    return result
  }
}

/// `⟨A, B⟩ = tr(AᵀB)`, the Frobenius inner product of two equally shaped matrices.
func frobeniusInner<T: Scalar>(_ a: [T], _ b: [T]) -> T {
  precondition(a.count == b.count, "inner product of differently shaped matrices")
  var sum = T.zero
  for (x, y) in zip(a, b) { sum += x * y }
  return sum
}
