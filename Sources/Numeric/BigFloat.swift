import CMPFR

/// An arbitrary-precision binary floating-point number: an MPFR value with value semantics.
///
/// A `BigFloat` is `± m · 2^e` with an `m` of `precision` bits, or ±0, ±∞, NaN. Every
/// operation is correctly rounded (to nearest, ties to even, unless a call names another
/// rounding) to the precision of its result; a result's precision is the larger of its
/// operands' precisions, and values made from literals or conversions take the task-local
/// `Precision.bits`.
///
/// Layout: up to `inlineBits` (512) bits, the MPFR header and the significand limbs live inside
/// the struct (the header's limb pointer is set at each use, since the value moves), so such a
/// value costs no allocation and no reference counting: the hot loops of the claims run at 256
/// and 512 bits. A value being mutated hands MPFR its own header; one only read hands MPFR a
/// copy on the stack (a borrowed value has no address).
/// Wider values keep one heap object with the MPFR header followed by its tail-allocated limbs
/// (MPFR's custom interface), shared between copies until one is mutated (copy on write).
///
/// NaN and infinities are representable and observable (`isNaN`, `isFinite`); NaN compares
/// unequal to everything, as in IEEE 754.
public struct BigFloat: @unchecked Sendable {
  /// The widest significand stored inline.
  public static let inlineBits = 512

  /// The inline significand, 8 limbs. One SIMD value rather than a tuple of 8: the optimizer
  /// keeps a struct of at most 6 leaf fields in SSA form (here 6: the header's 4, the limbs,
  /// `heap`), so temporaries are moved and their copies and destroys elided; with a tuple every
  /// temporary went through memory with an outlined copy (a retain of `heap`) and destroy (a
  /// release), through the value witness table.
  @usableFromInline typealias InlineLimbs = SIMD8<mp_limb_t>

  /// The MPFR header of an inline value, kept in the struct so that a mutation hands MPFR a
  /// pointer to it after one store (`_mpfr_d` is set to `limbs`, which move with the value,
  /// at each use) and needs no write-back. For a heap value only `_mpfr_prec` is used.
  @usableFromInline var header: __mpfr_struct
  @usableFromInline var limbs: InlineLimbs
  @usableFromInline var heap: BigFloatStorage?

  /// The number of bits in the significand.
  @inlinable public var precision: Int { Int(header._mpfr_prec) }

  /// +0 with `precision` bits.
  @inlinable
  public init(precision: Int) {
    precondition(precision >= 1, "invalid MPFR precision \(precision)")
    header = __mpfr_struct(
      _mpfr_prec: mpfr_prec_t(precision), _mpfr_sign: 1, _mpfr_exp: BigFloat.zeroExponent,
      _mpfr_d: nil)
    limbs = .zero
    heap = precision > BigFloat.inlineBits ? BigFloatStorage.make(precision: precision) : nil
  }

  /// MPFR's encoding of the exponent of zero, `__MPFR_EXP_ZERO = 0 − __MPFR_EXP_MAX` in
  /// mpfr.h (a cast expression Swift cannot import); a test compares it with what MPFR writes.
  @usableFromInline static let zeroExponent: mpfr_exp_t = 0 - mpfr_exp_t.max

  /// Calls `body` with a read-only pointer to the MPFR value.
  @inlinable
  public func withMPFR<R>(_ body: (mpfr_srcptr) throws -> R) rethrows -> R {
    if let heap {
      return try heap.withUnsafeMutablePointerToHeader { try body(UnsafePointer($0)) }
    }
    // A borrowed value has no address: MPFR reads a copy of the header and limbs. MPFR reads
    // only ⌈precision/64⌉ limbs, so up to 256 bits only the low 4 are copied: the copy of all
    // 8 made `bench bigfloat`'s in-place loop (3 copies per iteration) ~4% slower, though it
    // executed only 2 more instructions per iteration (751 against 749).
    if header._mpfr_prec <= 256 {
      var low = limbs.lowHalf
      return try withUnsafeMutablePointer(to: &low) { start in
        var header = self.header
        header._mpfr_d = UnsafeMutableRawPointer(start).assumingMemoryBound(to: mp_limb_t.self)
        return try body(&header)
      }
    }
    var significand = limbs
    return try withUnsafeMutablePointer(to: &significand) { start in
      var header = self.header
      header._mpfr_d = UnsafeMutableRawPointer(start).assumingMemoryBound(to: mp_limb_t.self)
      return try body(&header)
    }
  }

  /// Calls `body` with a pointer to this value's MPFR number (made unique first), which
  /// `body` may read and overwrite. The precision does not change.
  @inlinable
  public mutating func withMutableMPFR<R>(_ body: (mpfr_ptr) throws -> R) rethrows -> R {
    if heap != nil {
      if !isKnownUniquelyReferenced(&heap!) { heap = heap!.copy() }
      return try heap!.withUnsafeMutablePointerToHeader { try body($0) }
    }
    return try withUnsafeMutablePointer(to: &self) { value in
      try withUnsafeMutablePointer(to: &value.pointee.limbs) { start in
        value.pointee.header._mpfr_d =
          UnsafeMutableRawPointer(start).assumingMemoryBound(to: mp_limb_t.self)
        return try withUnsafeMutablePointer(to: &value.pointee.header) { try body($0) }
      }
    }
  }

  /// A new value of `precision` bits that `body` sets through its MPFR pointer.
  @inlinable
  static func make(precision: Int, _ body: (mpfr_ptr) -> Void) -> BigFloat {
    var result = BigFloat(precision: precision)
    result.withMutableMPFR(body)
    return result
  }

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
    (isFinite && !isZero) ? withMPFR { Int(mpfr_get_exp($0)) } : nil
  }
}

/// The heap object behind a `BigFloat` wider than `BigFloat.inlineBits`: the MPFR header
/// followed by the significand limbs, so that such a value is a single allocation.
@usableFromInline
final class BigFloatStorage: ManagedBuffer<__mpfr_struct, mp_limb_t> {
  /// A new object holding +0 with `precision` bits.
  @usableFromInline
  static func make(precision: Int) -> BigFloatStorage {
    let limbBits = MemoryLayout<mp_limb_t>.size * 8
    let object = unsafeDowncast(
      BigFloatStorage.create(minimumCapacity: (precision + limbBits - 1) / limbBits) { _ in
        __mpfr_struct()
      }, to: BigFloatStorage.self)
    object.withUnsafeMutablePointers { header, limbs in
      mpfr_custom_init(limbs, mpfr_prec_t(precision))
      mpfr_custom_init_set(header, Int32(MPFR_ZERO_KIND.rawValue), 0, mpfr_prec_t(precision), limbs)
    }
    return object
  }

  /// A new object with the same value and precision.
  @usableFromInline
  func copy() -> BigFloatStorage {
    let result = BigFloatStorage.make(
      precision: Int(withUnsafeMutablePointerToHeader { $0.pointee._mpfr_prec }))
    result.withUnsafeMutablePointerToHeader { r in
      withUnsafeMutablePointerToHeader { x in _ = mpfr_set(r, x, MPFR_RNDN) }
    }
    return result
  }
}
