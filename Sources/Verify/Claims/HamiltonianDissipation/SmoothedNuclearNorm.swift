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
/// For `m × 2` matrices every quantity is a closed form in the 2×2 Gram matrix
/// (`SymmetricTwoByTwo`), so it evaluates in any `Scalar`, AD scalars included; other widths go
/// through the one-sided Jacobi SVD of `G` (`SmoothedNuclearNorm+Spectral.swift`). Matrices are
/// `m × n` with `m ≥ n` (for wide matrices work with `Gᵀ`).
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
  public func value(_ g: Matrix<T>) -> T {
    guard g.columnCount == 2 else { return spectralValue(g) }
    return Self.gram(g).shifted(by: epsilon).traceOfSquareRoot
  }

  /// `∇Ψ_ε(G) = G (GᵀG + εI)^{−1/2}`.
  public func gradient(_ g: Matrix<T>) -> Matrix<T> {
    guard g.columnCount == 2 else { return spectralGradient(g) }
    return g * Self.gram(g).shifted(by: epsilon).inverseSquareRoot.matrix
  }

  /// `D(P) = Σᵢ σᵢ²/√(σᵢ² + ε)`, from the eigenvalues of `PᵀP` (a route independent of the
  /// gradient, so that `⟨P, ∇Ψ_ε(P)⟩ = D(P)` is a check and not a tautology).
  public func dissipation(_ p: Matrix<T>) -> T {
    guard p.columnCount == 2 else { return spectralSum(p) { $0 * $0 / T.sqrt($0 * $0 + epsilon) } }
    let (large, small) = Self.gram(p).eigenvalues
    return large / T.sqrt(large + epsilon) + small / T.sqrt(small + epsilon)
  }

  /// `Ψ_ε(G) − n√ε = Σᵢ σᵢ²/(√(σᵢ² + ε) + √ε)`, free of the cancellation of the difference
  /// for small `G` (the kinetic part of `H − H_min` in the rate claim).
  public func excess(_ g: Matrix<T>) -> T {
    guard g.columnCount == 2 else {
      return spectralSum(g) { $0 * $0 / (T.sqrt($0 * $0 + epsilon) + rootEpsilon) }
    }
    let (large, small) = Self.gram(g).eigenvalues
    return large / (T.sqrt(large + epsilon) + rootEpsilon)
      + small / (T.sqrt(small + epsilon) + rootEpsilon)
  }

  /// `Ψ_ε^*(Δ) = −√ε tr (I − ΔᵀΔ)^{1/2}`, or `nil` (`+∞`) when `‖Δ‖_op > 1`.
  public func conjugate(_ delta: Matrix<T>) -> T? {
    guard delta.columnCount == 2 else { return spectralConjugate(delta) }
    let b = Self.identityMinusGram(delta)
    guard b.trace >= T.zero, b.determinant >= T.zero else { return nil }
    return -rootEpsilon * b.traceOfSquareRoot
  }

  /// `∇Ψ_ε^*(Δ) = √ε Δ (I − ΔᵀΔ)^{−1/2}`, for `‖Δ‖_op < 1`.
  public func conjugateGradient(_ delta: Matrix<T>) -> Matrix<T> {
    guard delta.columnCount == 2 else { return spectralConjugateGradient(delta) }
    return rootEpsilon * (delta * Self.identityMinusGram(delta).inverseSquareRoot.matrix)
  }

  /// `σ₁(G) ≥ σ₂(G)`.
  public static func singularValues(_ g: Matrix<T>) -> [T] {
    guard g.columnCount == 2 else { return spectralSingularValues(g) }
    let (large, small) = gram(g).eigenvalues
    return [T.sqrt(large), T.sqrt(small)]
  }

  /// The polar factor `UVᵀ = G (GᵀG)^{−1/2}` of a full-rank `G`: Muon's unregularized
  /// orthogonalization, the limit of `∇Ψ_ε` as `ε → 0`.
  public static func polar(_ g: Matrix<T>) -> Matrix<T> {
    guard g.columnCount == 2 else { return spectralPolar(g) }
    return g * gram(g).inverseSquareRoot.matrix
  }

  /// `GᵀG` of an `m × 2` matrix.
  static func gram(_ g: Matrix<T>) -> SymmetricTwoByTwo<T> {
    precondition(g.columnCount == 2, "the closed forms are for matrices with two columns")
    return SymmetricTwoByTwo(g.transposed * g)
  }

  /// `I − ΔᵀΔ`.
  static func identityMinusGram(_ delta: Matrix<T>) -> SymmetricTwoByTwo<T> {
    let gram = gram(delta)
    return SymmetricTwoByTwo(a: 1 - gram.a, b: -gram.b, c: 1 - gram.c)
  }
}
