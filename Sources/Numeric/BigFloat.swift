import CMPFR

/// An arbitrary-precision binary floating-point number: an MPFR value with value semantics.
///
/// A `BigFloat` is `± m · 2^e` with an `m` of `precision` bits, or ±0, ±∞, NaN. Every
/// operation is correctly rounded (to nearest, ties to even, unless a call names another
/// rounding) to the precision of its result; a result's precision is the larger of its
/// operands' precisions, and values made from literals or conversions take the task-local
/// `Precision.bits`.
///
/// Storage is one heap object per value whose significand limbs are tail-allocated behind the
/// MPFR header (MPFR's custom interface), so a value costs one allocation and nothing else to
/// free. Copies share the object until one of them is mutated (copy on write); the `mutating`
/// forms (`+=`, `addProduct`, ...) reuse a uniquely referenced object and do not allocate.
///
/// NaN and infinities are representable and observable (`isNaN`, `isFinite`); NaN compares
/// unequal to everything, as in IEEE 754.
public struct BigFloat: @unchecked Sendable {
  @usableFromInline var storage: BigFloatStorage

  @inlinable init(storage: BigFloatStorage) {
    self.storage = storage
  }

  /// A zero of the given precision: the cheapest value to create before an MPFR call sets it.
  @inlinable
  public init(precision: Int) {
    storage = BigFloatStorage.make(precision: precision)
  }

  /// The number of bits in the significand.
  @inlinable public var precision: Int { Int(storage.header._mpfr_prec) }

  /// True for NaN.
  @inlinable public var isNaN: Bool { withMPFR { mpfr_nan_p($0) != 0 } }
  /// True for +∞ and −∞.
  @inlinable public var isInfinite: Bool { withMPFR { mpfr_inf_p($0) != 0 } }
  /// True for every value other than NaN and ±∞.
  @inlinable public var isFinite: Bool { withMPFR { mpfr_number_p($0) != 0 } }
  /// True for +0 and −0.
  @inlinable public var isZero: Bool { withMPFR { mpfr_zero_p($0) != 0 } }
  /// True when the sign bit is set (including −0 and −∞; NaN's sign is unspecified).
  @inlinable public var isNegative: Bool { withMPFR { mpfr_signbit($0) != 0 } }

  /// The binary exponent `e` with `2^(e−1) ≤ |x| < 2^e`, for finite non-zero values.
  @inlinable public var exponent: Int? {
    (isFinite && !isZero) ? Int(storage.header._mpfr_exp) : nil
  }

  /// Calls `body` with a read-only pointer to the MPFR value.
  @inlinable
  public func withMPFR<R>(_ body: (mpfr_srcptr) throws -> R) rethrows -> R {
    try storage.withUnsafeMutablePointerToHeader { try body(UnsafePointer($0)) }
  }

  /// Calls `body` with a pointer to this value's MPFR number, made unique first (copy on
  /// write). The precision stays as it is; `body` may read and write the value.
  @inlinable
  public mutating func withMutableMPFR<R>(_ body: (mpfr_ptr) throws -> R) rethrows -> R {
    if !isKnownUniquelyReferenced(&storage) {
      storage = storage.copy(precision: precision)
    }
    return try storage.withUnsafeMutablePointerToHeader { try body($0) }
  }
}

/// The heap object behind a `BigFloat`: the MPFR header followed by the significand limbs.
@usableFromInline
final class BigFloatStorage: ManagedBuffer<__mpfr_struct, mp_limb_t> {
  /// Bits in one significand limb.
  @usableFromInline static let limbBits = MemoryLayout<mp_limb_t>.size * 8

  /// A new object holding +0 with `precision` bits.
  @inlinable
  static func make(precision: Int) -> BigFloatStorage {
    precondition(precision >= 1, "invalid MPFR precision \(precision)")
    let limbCount = (precision + limbBits - 1) / limbBits
    let object = unsafeDowncast(
      BigFloatStorage.create(minimumCapacity: limbCount) { _ in __mpfr_struct() },
      to: BigFloatStorage.self)
    object.withUnsafeMutablePointers { header, limbs in
      mpfr_custom_init(limbs, mpfr_prec_t(precision))
      mpfr_custom_init_set(header, Int32(MPFR_ZERO_KIND.rawValue), 0, mpfr_prec_t(precision), limbs)
    }
    return object
  }

  /// A new object with this value rounded (to nearest) to `precision` bits.
  @inlinable
  func copy(precision: Int) -> BigFloatStorage {
    let result = BigFloatStorage.make(precision: precision)
    result.withUnsafeMutablePointerToHeader { r in
      withUnsafeMutablePointerToHeader { x in _ = mpfr_set(r, x, MPFR_RNDN) }
    }
    return result
  }
}
