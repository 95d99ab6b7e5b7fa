import CMPFR

extension BigFloat {
  /// `self ± Σ_{j ∈ terms} a[j]·b[k − j]` with the operators' roundings (the `Scalar`
  /// requirement), MPFR reading each element where its array holds it.
  ///
  /// When `self` and every element read share one precision of at most `inlineBits`, the
  /// product is rounded into one local and added into `self` in place, which is exactly what
  /// `addRoundedProduct` (or `-=`) does at equal precisions; otherwise (precisions mixed, or
  /// wider values) that loop itself runs, widening `self` as the operators do.
  @inlinable
  public mutating func accumulateRoundedProducts(
    _ a: [BigFloat], _ b: [BigFloat], reversedFrom k: Int, over terms: Range<Int>, subtracting: Bool
  ) {
    let bits = precision
    a.withUnsafeBufferPointer { left in
      b.withUnsafeBufferPointer { right in
        guard bits <= BigFloat.inlineBits,
          terms.allSatisfy({ left[$0].precision == bits && right[k - $0].precision == bits })
        else {
          return accumulateRoundedProductsTermByTerm(
            a, b, reversedFrom: k, over: terms, subtracting: subtracting)
        }
        var product = BigFloat(precision: bits)
        withMutableMPFR { s in
          product.withMutableMPFR { t in
            for j in terms {
              var x = BigFloat.inlineMPFR(left, j)
              var y = BigFloat.inlineMPFR(right, k - j)
              mpfr_mul(t, &x, &y, MPFR_RNDN)
              _ = subtracting ? mpfr_sub(s, s, t, MPFR_RNDN) : mpfr_add(s, s, t, MPFR_RNDN)
            }
          }
        }
      }
    }
  }

  /// The MPFR header of inline element `j`, pointing at the limbs inside the buffer: no copy
  /// of the value (MPFR only reads it).
  @inlinable
  static func inlineMPFR(_ elements: UnsafeBufferPointer<BigFloat>, _ j: Int) -> __mpfr_struct {
    let element = elements.baseAddress! + j
    var header = element.pointee.header
    header._mpfr_d = UnsafeMutableRawPointer(
      mutating: UnsafeRawPointer(element) + MemoryLayout<BigFloat>.offset(of: \BigFloat.limbs)!
    ).assumingMemoryBound(to: mp_limb_t.self)
    return header
  }
}
