extension Inertia {
  /// The inertia of the symmetric matrix `a` (its symmetric part `(A + Aᵀ)/2`), from the
  /// eigenvalues of `SymmetricEigendecomposition`, counting `|λ| ≤ zeroTolerance` as zero.
  ///
  /// The Jacobi eigenvalues are accurate to a few units of `ε‖A‖` at any precision, so any
  /// tolerance well above that and well below the smallest eigenvalue that should count as
  /// non-zero gives the same counts; `zeroTolerance` is the caller's statement of which
  /// (e.g. `2^(−p/2)` at `p` bits). Throws what the decomposition throws (NaN or infinite
  /// entries, no convergence).
  public init<T: Scalar>(symmetric a: Matrix<T>, zeroTolerance: T) throws {
    self.init(
      eigenvalues: try SymmetricEigendecomposition(a).eigenvalues, zeroTolerance: zeroTolerance)
  }
}
