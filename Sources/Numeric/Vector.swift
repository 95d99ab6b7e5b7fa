/// The few vector operations the matrix, integrator and root-finding code share, on plain
/// arrays of scalars (states of ODEs, columns of matrices).
extension Array where Element: Scalar {
  /// `Σᵢ xᵢyᵢ`.
  @inlinable
  public func dot(_ other: [Element]) -> Element {
    precondition(count == other.count, "dot product of vectors of lengths \(count) and \(other.count)")
    var sum = Element.zero
    sum.accumulateRoundedProducts(self, other, over: indices)
    return sum
  }

  /// `x + a·y`.
  @inlinable
  public func adding(_ other: [Element], scaledBy a: Element) -> [Element] {
    precondition(count == other.count, "sum of vectors of lengths \(count) and \(other.count)")
    return zip(self, other).map { $0 + a * $1 }
  }

  /// `maxᵢ |xᵢ|` (0 for an empty array), a NaN if any entry is NaN.
  public var maximumMagnitude: Element {
    reduce(Element.zero) { Element.maxOrNaN($0, $1.magnitude) }
  }
}
