/// Matrices of exact inputs, and the comparison of two routes to the same matrix.
extension Matrix {
  /// The `rowCount × columnCount` matrix of the row-major exact `entries`, each rounded once
  /// into `T` (at the working precision for `BigFloat`), so every precision starts from the
  /// same instance.
  @inlinable
  public init(rounding entries: [Rational], _ rowCount: Int, _ columnCount: Int) {
    self.init(rowCount: rowCount, columnCount: columnCount, entries: entries.map { T($0) })
  }

  /// `max |Xᵢⱼ − Yᵢⱼ| / max |Yᵢⱼ|` with `X = self` and `Y = reference`: the relative distance
  /// of two computations of one matrix, in the max norm. NaN when `reference` is zero (0/0), so
  /// a comparison against nothing never passes.
  public func relativeDistance(to reference: Matrix) -> T {
    (self - reference).maximumMagnitude / reference.maximumMagnitude
  }
}
