/// A scalar type with its own route to the matrix product, which generic code takes through
/// `Matrix.multiplied(by:)` instead of `*`.
///
/// A route is deterministic and at least as accurate in every entry as `*`, which rounds each
/// product and each partial sum: `BigFloat` rounds each entry once (the correctly rounded
/// `Σₗ AᵢₗBₗⱼ`); `Jet` records the whole product on its tape as one operation.
public protocol MatrixProductScalar: Scalar {
  /// `AB` by the type's route.
  static func matrixProduct(_ a: Matrix<Self>, _ b: Matrix<Self>) -> Matrix<Self>
}

extension Matrix {
  /// `self · b` by the scalar type's own route where it has one, `*` otherwise.
  public func multiplied(by b: Matrix) -> Matrix {
    guard let route = T.self as? any MatrixProductScalar.Type else { return self * b }
    func through<S: MatrixProductScalar>(_: S.Type) -> Matrix {
      S.matrixProduct(self as! Matrix<S>, b as! Matrix<S>) as! Matrix
    }
    return through(route)
  }
}
