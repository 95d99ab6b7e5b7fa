import CArb
import CMPFR

extension BigFloat: MatrixProductScalar {
  /// The extra bits of the fixed-point sum whose enclosure decides each entry's rounding.
  @usableFromInline static let dotGuardBits = 32

  /// `AB` with every entry correctly rounded: the exact `Σₗ aᵢₗ bₗⱼ` rounded once to nearest,
  /// at the largest precision in row `i` of `a` and column `j` of `b`. `*` rounds each product
  /// and each partial sum instead, so its error grows with the inner dimension and is
  /// relative to the terms' size, not the sum's: under cancellation it can lose every bit.
  ///
  /// Arb's `arb_dot` adds the products in fixed point at `p + 32` bits and returns a ball
  /// containing the exact sum; when every point of it rounds to the same `p`-bit number
  /// (`arb_can_round_mpfr`), that number is the correctly rounded sum. It fails to decide only
  /// when the sum cancels about 32 bits of its terms' size or lies within `2^−(p+32)` of a
  /// rounding boundary (relatively); then MPFR's `mpfr_dot`, correctly rounded for any
  /// operands, decides the entry. Either way the result does not depend on the route, and
  /// it costs about 35 ns per term at 256 bits on this machine against about 90 for
  /// `mpfr_mul` with `mpfr_add` (a 32 × 1824 × 32 product of operands of graded exponents).
  ///
  /// With a NaN or an infinity among the entries, `*` (MPFR's special-value rules).
  public static func matrixProduct(_ a: Matrix<BigFloat>, _ b: Matrix<BigFloat>) -> Matrix<BigFloat> {
    precondition(a.columnCount == b.rowCount,
      "product of a \(a.rowCount)×\(a.columnCount) and a \(b.rowCount)×\(b.columnCount) matrix")
    let (rows, inner, columns) = (a.rowCount, a.columnCount, b.columnCount)
    guard inner > 0, a.entries.allSatisfy(\.isFinite), b.entries.allSatisfy(\.isFinite) else {
      return a * b
    }
    let left = balls(a.entries), right = balls(b.entries)
    defer {
      _arb_vec_clear(left, a.entries.count)
      _arb_vec_clear(right, b.entries.count)
    }
    let rowBits = (0..<rows).map { i in (0..<inner).map { a[i, $0].precision }.max()! }
    let columnBits = (0..<columns).map { j in (0..<inner).map { b[$0, j].precision }.max()! }
    var sum = arb_struct()
    arb_init(&sum)
    defer { arb_clear(&sum) }
    return Matrix(rowCount: rows, columnCount: columns) { i, j in
      let bits = Swift.max(rowBits[i], columnBits[j])
      arb_dot(&sum, nil, 0, left + i * inner, 1, right + j, columns, inner, bits + dotGuardBits)
      guard arb_can_round_mpfr(&sum, bits, MPFR_RNDN) != 0 else {
        return correctlyRoundedDot((0..<inner).map { a[i, $0] }, (0..<inner).map { b[$0, j] }, bits)
      }
      return make(precision: bits) { r in _ = arf_get_mpfr(r, arb_mid_ptr(&sum), MPFR_RNDN) }
    }
  }

  /// Exact balls (radius zero) of `values`, in a vector the caller clears.
  private static func balls(_ values: [BigFloat]) -> arb_ptr {
    let vector = _arb_vec_init(values.count)!
    for (k, x) in values.enumerated() { x.withMPFR { arf_set_mpfr(arb_mid_ptr(vector + k), $0) } }
    return vector
  }

  /// `Σₖ xₖ yₖ` correctly rounded to `bits` by `mpfr_dot`, on exact copies of the operands.
  private static func correctlyRoundedDot(_ x: [BigFloat], _ y: [BigFloat], _ bits: Int) -> BigFloat {
    let operands = x + y
    let copies = UnsafeMutablePointer<__mpfr_struct>.allocate(capacity: operands.count)
    defer {
      for k in operands.indices { mpfr_clear(copies + k) }
      copies.deallocate()
    }
    for (k, value) in operands.enumerated() {
      mpfr_init2(copies + k, mpfr_prec_t(value.precision))
      value.withMPFR { _ = mpfr_set(copies + k, $0, MPFR_RNDN) }
    }
    var pointers: [mpfr_ptr?] = (0..<operands.count).map { copies + $0 }
    return pointers.withUnsafeMutableBufferPointer { p in
      make(precision: bits) { r in _ = mpfr_dot(r, p.baseAddress!, p.baseAddress! + x.count, UInt(x.count), MPFR_RNDN) }
    }
  }
}
