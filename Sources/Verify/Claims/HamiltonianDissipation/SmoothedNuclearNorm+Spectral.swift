import Numeric
import Symbolic

/// `Ψ_ε` and its relatives through the one-sided Jacobi SVD `G = U diag(σ) Vᵀ` (numeric's
/// `SingularValueDecomposition`): the route for any number of columns, and an independent route
/// for two. A decomposition that fails (non-finite input, no convergence) yields NaN, which every
/// check reports as a failure rather than a crash.
extension SmoothedNuclearNorm {
  /// `Σᵢ f(σᵢ(G))`.
  func spectralSum(_ g: Matrix<T>, _ f: (T) -> T) -> T {
    Self.spectralSingularValues(g).map(f).reduce(T.zero, +)
  }

  /// `Σᵢ √(σᵢ² + ε)`.
  public func spectralValue(_ g: Matrix<T>) -> T {
    spectralSum(g) { T.sqrt($0 * $0 + epsilon) }
  }

  /// `U diag(σᵢ/√(σᵢ² + ε)) Vᵀ`, the regularized orthogonalization from the SVD; for jets (the
  /// Taylor flow) `G (GᵀG + εI)^{−1/2}` with one SVD of the values and a recurrence for the
  /// higher coefficients (`Jet.regularizedGramInverseSquareRoot`), not a Jacobi SVD of jets.
  public func spectralGradient(_ g: Matrix<T>) -> Matrix<T> {
    guard T.self is any GramInverseSquareRootScalar.Type else {
      return Self.applying(g) { $0 / T.sqrt($0 * $0 + epsilon) }
    }
    guard let root = try? g.gramInverseSquareRoot(epsilon: epsilon) else {
      return g.map { _ in T(Double.nan) }
    }
    return g * root
  }

  /// `−√ε Σᵢ √(1 − σᵢ(Δ)²)`, or nil (`+∞`) when `σ₁(Δ) > 1`.
  public func spectralConjugate(_ delta: Matrix<T>) -> T? {
    let sigma = Self.spectralSingularValues(delta)
    guard let largest = sigma.first, largest <= 1 || !largest.isFinite else { return nil }
    return -rootEpsilon * sigma.map { T.sqrt(1 - $0 * $0) }.reduce(T.zero, +)
  }

  /// `√ε U diag(σᵢ/√(1 − σᵢ²)) Vᵀ = √ε Δ (I − ΔᵀΔ)^{−1/2}`.
  public func spectralConjugateGradient(_ delta: Matrix<T>) -> Matrix<T> {
    Self.applying(delta) { rootEpsilon * $0 / T.sqrt(1 - $0 * $0) }
  }

  /// `σ₁ ≥ … ≥ σₙ` from the SVD.
  public static func spectralSingularValues(_ g: Matrix<T>) -> [T] {
    guard let svd = try? g.singularValueDecomposition() else {
      return Array(repeating: T(Double.nan), count: g.columnCount)
    }
    return svd.singularValues
  }

  /// `UVᵀ` from the SVD.
  public static func spectralPolar(_ g: Matrix<T>) -> Matrix<T> { applying(g) { _ in 1 } }

  /// `U f(Σ) Vᵀ`, or a NaN matrix when the SVD fails.
  static func applying(_ g: Matrix<T>, _ f: (T) -> T) -> Matrix<T> {
    guard let svd = try? g.singularValueDecomposition() else { return g.map { _ in T(Double.nan) } }
    return svd.applying(f)
  }
}
