/// The polynomial `p(x) = c₀ + c₁x + ⋯ + c_{n−1}x^{n−1}` through `n` points `(xᵢ, yᵢ)` with
/// distinct abscissae, by the Vandermonde solve `Σⱼ cⱼ xᵢʲ = yᵢ` (LU with partial pivoting).
///
/// Used for Richardson extrapolation: for data `y(h) = y₀ + y₁h + ⋯ + O(h^n)` sampled at `n`
/// small steps `hᵢ`, `c₀` estimates the limit `y₀` with error `O(Πᵢ hᵢ)` and `c₁` the first-order
/// coefficient `y₁`. The Vandermonde matrix of geometric steps `hᵢ = 2^{−kᵢ}` is badly conditioned
/// (about `2^{k·n}`), but its entries are exact dyadics at any precision ≥ the bits of `hᵢⁿ`, and
/// the solve loses roughly `log₂` of that condition number from the working precision: about 60
/// bits for six steps down to `2⁻¹²`, harmless at 256 bits.
public struct PolynomialInterpolation<T: Scalar> {
  /// `c₀, c₁, …, c_{n−1}`.
  public let coefficients: [T]

  /// Throws `NumericError` when two abscissae coincide (a singular Vandermonde matrix) or a
  /// value is not finite.
  public init(x: [T], y: [T]) throws {
    precondition(x.count == y.count && !x.isEmpty, "interpolation needs as many x as y values")
    let vandermonde = Matrix<T>(rowCount: x.count, columnCount: x.count) { i, j in
      (0..<j).reduce(T(1)) { power, _ in power * x[i] }
    }
    coefficients = try vandermonde.solve(y)
  }

  /// `p(x)` by Horner's rule.
  public func callAsFunction(_ x: T) -> T {
    coefficients.reversed().reduce(T.zero) { $0 * x + $1 }
  }
}
