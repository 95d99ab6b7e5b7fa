/// The right-hand side `f(t, y)` of an ordinary differential equation `y′ = f(t, y)` on `ℝⁿ`.
/// It may throw (a field built on an eigen-solve, say); integrators pass the error on.
public typealias VectorField<T: Scalar> = (T, [T]) throws -> [T]

extension Array where Element: Scalar {
  /// `y + h · Σⱼ coefficients[j] · k[j]`, skipping zero coefficients (Butcher tableaux are sparse).
  func adding(_ k: [[Element]], weights coefficients: [Element], scaledBy h: Element) -> [Element] {
    var result = self
    for (weight, kj) in zip(coefficients, k) where weight != Element.zero {
      result = result.adding(kj, scaledBy: h * weight)
    }
    return result
  }
}
