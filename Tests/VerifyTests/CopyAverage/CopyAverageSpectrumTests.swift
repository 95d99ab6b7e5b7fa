import Numeric
import Testing

@testable import Verify

/// The CA Hessians' spectra by tridiagonal QL on a matrix that once defeated it.
@Suite struct CopyAverageSpectrumTests {
  /// Six blocks of two in d = 12 (78 parameters): the Hessian's many equal eigenvalues leave
  /// off-diagonal noise of order ε‖T‖ beside small diagonal entries, which QL's relative
  /// deflation test alone never accepted (30 sweeps ran out; found by a Python copy of the
  /// iteration on this matrix's tridiagonal). QL itself must converge here, without Jacobi's
  /// fallback, and keep the trace and the Frobenius norm (Jacobi on 78×78 is too slow here).
  @Test func qlConvergesOnAClusteredCAHessian() throws {
    try withPrecision(256) {
      let partition = Array(repeating: 2, count: 6)
      let family = CopyAverageFamily(
        partition: partition, secondPartition: partition, dimension: 12, seed: 11)
      let hessian = family.configuration(partition).hessian()
      let values = try SymmetricTridiagonal(reducing: hessian).eigenvalues()
      let norm = hessian.frobeniusNorm
      let bound = BigFloat(hessian.rowCount) * norm * BigFloat.pow(2, 4 - 256)
      let traceGap = (values.reduce(BigFloat.zero, +) - hessian.trace).magnitude
      let squares = values.reduce(BigFloat.zero) { $0 + $1 * $1 }
      #expect(values.count == 78)
      #expect(traceGap <= BigFloat(78) * bound, "trace: \(traceGap)")
      #expect((squares - norm * norm).magnitude <= 4 * norm * BigFloat(78) * bound)
    }
  }
}
