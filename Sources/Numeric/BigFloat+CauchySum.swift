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
    if !accumulateInPlace(a, b, over: terms, subtracting: subtracting, partner: { k - $0 }) {
      accumulateRoundedProductsTermByTerm(a, b, reversedFrom: k, over: terms, subtracting: subtracting)
    }
  }

  /// `self + Σ_{j ∈ terms} a[j]·b[j]` with the operators' roundings (the `Scalar` requirement),
  /// in place as the reversed form is.
  @inlinable
  public mutating func accumulateRoundedProducts(_ a: [BigFloat], _ b: [BigFloat], over terms: Range<Int>) {
    if !accumulateInPlace(a, b, over: terms, subtracting: false, partner: { $0 }) {
      accumulateRoundedProductsTermByTerm(a, b, over: terms)
    }
  }

  /// `self ± Σ_{j ∈ terms} a[j]·b[partner(j)]` in place, when `self` and every element read
  /// share one precision of at most `inlineBits`; false (nothing done) otherwise.
  @inlinable
  mutating func accumulateInPlace(
    _ a: [BigFloat], _ b: [BigFloat], over terms: Range<Int>, subtracting: Bool,
    partner: (Int) -> Int
  ) -> Bool {
    let bits = precision
    return a.withUnsafeBufferPointer { left in
      b.withUnsafeBufferPointer { right in
        guard bits <= BigFloat.inlineBits,
          terms.allSatisfy({ left[$0].precision == bits && right[partner($0)].precision == bits })
        else { return false }
        var product = BigFloat(precision: bits)
        withMutableMPFR { s in
          product.withMutableMPFR { t in
            for j in terms {
              var x = BigFloat.inlineMPFR(left, j)
              var y = BigFloat.inlineMPFR(right, partner(j))
              mpfr_mul(t, &x, &y, MPFR_RNDN)
              _ = subtracting ? mpfr_sub(s, s, t, MPFR_RNDN) : mpfr_add(s, s, t, MPFR_RNDN)
            }
          }
        }
        return true
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
