import Numeric
import Symbolic

/// The field operations the projected generator is built from, so that one implementation
/// serves exact rationals (C1 on a rational law), MPFR numbers (the flow, the losses) and the
/// Taylor integrator's jets (the projected chain of C2).
protocol FieldElement {
  static func + (lhs: Self, rhs: Self) -> Self
  static func - (lhs: Self, rhs: Self) -> Self
  static func * (lhs: Self, rhs: Self) -> Self
  static func / (lhs: Self, rhs: Self) -> Self
  /// The exact value, rounded once where the type rounds.
  init(_ value: Rational)
}

extension Rational: FieldElement {
  init(_ value: Rational) { self = value }
}

extension BigFloat: FieldElement {}
extension Jet: FieldElement {}

extension Array where Element: FieldElement {
  /// `Σᵢ xᵢ`, 0 for an empty array.
  var total: Element { reduce(Element(Rational(0)), +) }

  /// The row vector times the matrix, `(vM)ⱼ = Σᵢ vᵢ Mᵢⱼ`.
  func times(_ matrix: [[Element]]) -> [Element] {
    matrix[0].indices.map { j in indices.map { self[$0] * matrix[$0][j] }.total }
  }
}
