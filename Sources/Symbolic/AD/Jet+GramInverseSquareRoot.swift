import Numeric

/// A scalar type with its own route to the regularized Gram function `(AᵀA + εI)^{−1/2}`, which
/// generic code takes instead of the SVD of `A` (`Matrix.gramInverseSquareRoot(epsilon:)`).
public protocol GramInverseSquareRootScalar: Scalar {
  /// `(AᵀA + εI)^{−1/2}` for `ε > 0`.
  static func regularizedGramInverseSquareRoot(of a: Matrix<Self>, epsilon: Self) throws
    -> Matrix<Self>
}

extension Jet: GramInverseSquareRootScalar {
  /// `(GᵀG + εI)^{−1/2}` of a matrix of jets, for a constant `ε > 0`: one SVD of the values and a
  /// Sylvester recurrence per coefficient (`GramInverseSquareRootSeries`), not a Jacobi SVD of
  /// jets. Recorded as one operation when `G` holds a tape's jets. Throws when the SVD of the
  /// values fails (non-finite entries).
  @inlinable public static func regularizedGramInverseSquareRoot(
    of g: Matrix<Jet>, epsilon: Jet
  ) throws -> Matrix<Jet> {
    precondition(epsilon.isConstant && epsilon.value > T.zero, "ε is a positive constant")
    let n = g.columnCount
    let values = Matrix(rowCount: g.rowCount, columnCount: n, entries: g.entries.map(\.value))
    guard let tape = g.entries.lazy.compactMap(\.recording).first?.tape else {
      var series = try GramInverseSquareRootSeries(value: values, epsilon: epsilon.value)
      var z = series.value.map { [$0] }
      for k in 1..<(g.entries.map(\.count).max() ?? 1) {
        let zk = series.coefficient(after: g.entries.map { $0[k] })
        for e in z.indices { z[e].append(zk[e]) }
      }
      return Matrix(rowCount: n, columnCount: n, entries: z.map { Jet(coefficients: $0) })
    }
    let entries = g.entries.map { tape.index(of: $0) }
    let series = try GramInverseSquareRootSeries(
      value: values, epsilon: epsilon.value, entries: entries)
    tape.gramInverseSquareRoots.append(series)
    _ = tape.append(.gramInverseSquareRoot(tape.gramInverseSquareRoots.count - 1), [])
    let outputs = series.value.map { tape.jet(tape.append(.output, [$0])) }
    return Matrix(rowCount: n, columnCount: n, entries: outputs)
  }
}

extension Matrix {
  /// `(AᵀA + εI)^{−1/2}` for `ε > 0`: by the scalar type's own route where it has one (jets: a
  /// recurrence on the coefficients), else by the SVD (`regularizedGramInverseSquareRoot`).
  public func gramInverseSquareRoot(epsilon: T) throws -> Matrix {
    guard let route = T.self as? any GramInverseSquareRootScalar.Type else {
      return try regularizedGramInverseSquareRoot(epsilon: epsilon)
    }
    func through<S: GramInverseSquareRootScalar>(_: S.Type) throws -> Matrix {
      try S.regularizedGramInverseSquareRoot(of: self as! Matrix<S>, epsilon: epsilon as! S)
        as! Matrix
    }
    return try through(route)
  }
}
