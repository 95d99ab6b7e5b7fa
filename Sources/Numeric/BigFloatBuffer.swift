import CMPFR

/// `count` MPFR numbers of one precision in one allocation, updated in place by index.
///
/// A loop of many small in-place operations on `BigFloat`s, a reverse sweep's
/// `aⱼ += aᵢ · s` over every node of a tape, spends as long copying, retaining and releasing
/// the values as MPFR spends on the arithmetic: the adjoints of a tape are fresh values in an
/// array, each made unique before its first update. Here every number stays where it is and
/// each operation is MPFR's own, with MPFR's rounding: `add(i, j)` is `xᵢ += xⱼ` and
/// `addRoundedProduct` rounds the product and then the sum, exactly as
/// `BigFloat.addRoundedProduct` does when every operand has the buffer's precision.
///
/// Not safe to share between threads (one buffer belongs to one sweep).
public final class BigFloatBuffer {
  public let count: Int
  public let precision: Int
  /// `count` numbers, then one scratch number for products.
  @usableFromInline let numbers: UnsafeMutablePointer<__mpfr_struct>
  @usableFromInline let limbs: UnsafeMutablePointer<mp_limb_t>

  /// `count` zeros of `precision` bits.
  public init(count: Int, precision: Int) {
    precondition(count >= 0 && precision >= 1, "a buffer of \(count) numbers of \(precision) bits")
    self.count = count
    self.precision = precision
    let limbCount = mpfr_custom_get_size(mpfr_prec_t(precision)) / MemoryLayout<mp_limb_t>.size
    numbers = .allocate(capacity: count + 1)
    limbs = .allocate(capacity: (count + 1) * limbCount)
    for k in 0...count {
      mpfr_custom_init(limbs + k * limbCount, mpfr_prec_t(precision))
      mpfr_custom_init_set(
        numbers + k, Int32(MPFR_ZERO_KIND.rawValue), 0, mpfr_prec_t(precision), limbs + k * limbCount)
    }
  }

  /// The `values`, each rounded to `precision` bits (exact when it has no more).
  public convenience init(_ values: [BigFloat], precision: Int) {
    self.init(count: values.count, precision: precision)
    for (k, value) in values.enumerated() { self[k] = value }
  }

  deinit {
    numbers.deallocate()
    limbs.deallocate()
  }

  /// Number `k`: a new `BigFloat` of the buffer's precision when read, rounded to it when set.
  @inlinable public subscript(k: Int) -> BigFloat {
    get { BigFloat.make(precision: precision) { r in _ = mpfr_set(r, numbers + k, MPFR_RNDN) } }
    set { newValue.withMPFR { _ = mpfr_set(numbers + k, $0, MPFR_RNDN) } }
  }

  /// Every number +0.
  @inlinable public func setZero() {
    for k in 0..<count { mpfr_set_zero(numbers + k, 1) }
  }

  /// `xᵢ += xⱼ`.
  @inlinable public func add(_ i: Int, _ j: Int) { mpfr_add(numbers + i, numbers + i, numbers + j, MPFR_RNDN) }

  /// `xᵢ −= xⱼ`.
  @inlinable public func subtract(_ i: Int, _ j: Int) {
    mpfr_sub(numbers + i, numbers + i, numbers + j, MPFR_RNDN)
  }

  /// `xᵢ += xⱼ · sₖ` with two roundings (the product, then the sum), `s` another buffer.
  @inlinable public func addRoundedProduct(_ i: Int, _ j: Int, _ s: BigFloatBuffer, _ k: Int) {
    let product = numbers + count
    mpfr_mul(product, numbers + j, s.numbers + k, MPFR_RNDN)
    mpfr_add(numbers + i, numbers + i, product, MPFR_RNDN)
  }
}
