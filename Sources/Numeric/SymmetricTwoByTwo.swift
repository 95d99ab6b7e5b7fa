/// A symmetric positive semidefinite 2×2 matrix `S = [[a, b], [b, c]]` and the closed forms of
/// its spectral functions, so that the n = 2 instances of the smoothing claims are scalar
/// expressions that any `Scalar` (BigFloat, Dual, Jet, a reverse-mode scalar) can evaluate.
///
/// With `s = √det S` and `t = √(tr S + 2s)`: `tr S^{1/2} = t`, `S^{1/2} = (S + sI)/t` and,
/// because `det(S + sI) = s·t²`, `S^{−1/2} = adj(S + sI)/(s·t)`.
public struct SymmetricTwoByTwo<T: Scalar>: Sendable {
  public var a: T
  public var b: T
  public var c: T

  public init(a: T, b: T, c: T) {
    self.a = a
    self.b = b
    self.c = c
  }

  /// The Gram-type matrix `[[m₀₀, m₀₁], [m₀₁, m₁₁]]` of a symmetric 2×2 `Matrix`.
  public init(_ m: Matrix<T>) {
    precondition(m.rowCount == 2 && m.columnCount == 2, "a 2×2 matrix")
    self.init(a: m[0, 0], b: m[0, 1], c: m[1, 1])
  }

  /// `S` as a `Matrix`.
  public var matrix: Matrix<T> { Matrix([[a, b], [b, c]]) }

  public var trace: T { a + c }
  public var determinant: T { a * c - b * b }

  /// `S + λI`.
  public func shifted(by lambda: T) -> SymmetricTwoByTwo {
    SymmetricTwoByTwo(a: a + lambda, b: b, c: c + lambda)
  }

  /// `tr S^{1/2} = √(tr S + 2√det S)` (the sum of the square roots of the eigenvalues).
  public var traceOfSquareRoot: T { T.sqrt(trace + 2 * T.sqrt(determinant)) }

  /// `S^{−1/2} = adj(S + sI)/(s·t)`, for positive definite `S`.
  public var inverseSquareRoot: SymmetricTwoByTwo {
    let s = T.sqrt(determinant)
    let t = T.sqrt(trace + 2 * s)
    let scale = 1 / (s * t)
    return SymmetricTwoByTwo(a: (c + s) * scale, b: -b * scale, c: (a + s) * scale)
  }

  /// `S^{−1} = adj S / det S` (used only by a negative control: the wrong power).
  public var inverse: SymmetricTwoByTwo {
    let scale = 1 / determinant
    return SymmetricTwoByTwo(a: c * scale, b: -b * scale, c: a * scale)
  }

  /// The eigenvalues `μ₊ ≥ μ₋`: `μ₊ = (tr + √((a−c)² + 4b²))/2` and `μ₋ = det/μ₊`, the product
  /// form avoiding the cancellation of `(tr − √…)/2` when `μ₋ ≪ μ₊`.
  public var eigenvalues: (larger: T, smaller: T) {
    let root = T.sqrt((a - c) * (a - c) + 4 * b * b)
    let larger = (trace + root) / 2
    if larger == T.zero { return (T.zero, T.zero) }
    return (larger, determinant / larger)
  }
}
