/// The matrix norms induced by the vector 1- and ∞-norms.
extension Matrix {
  /// `‖A‖₁ = maxⱼ Σᵢ |Aᵢⱼ|`, the largest absolute column sum (zero for an empty matrix).
  public var oneNorm: T {
    (0..<columnCount).map { j in column(j).reduce(T.zero) { $0 + $1.magnitude } }.maxOrNaN() ?? T.zero
  }

  /// `‖A‖_∞ = maxᵢ Σⱼ |Aᵢⱼ|`, the largest absolute row sum (zero for an empty matrix).
  public var infinityNorm: T {
    (0..<rowCount).map { i in row(i).reduce(T.zero) { $0 + $1.magnitude } }.maxOrNaN() ?? T.zero
  }
}
