import CMPFR
import RealModule

extension FloatingPointRoundingRule {
  /// MPFR's name for this rule. MPFR has no general round-half-away-from-zero mode.
  @inlinable
  var mpfr: mpfr_rnd_t {
    switch self {
    case .toNearestOrEven: return MPFR_RNDN
    case .up: return MPFR_RNDU
    case .down: return MPFR_RNDD
    case .towardZero: return MPFR_RNDZ
    case .awayFromZero: return MPFR_RNDA
    case .toNearestOrAwayFromZero:
      preconditionFailure("MPFR does not round half away from zero; use .toNearestOrEven")
    @unknown default:
      preconditionFailure("unknown rounding rule \(self)")
    }
  }
}

// MARK: - The MPFR calling patterns, shared by every operation

@usableFromInline typealias MPFRUnary = (mpfr_ptr, mpfr_srcptr, mpfr_rnd_t) -> Int32
@usableFromInline typealias MPFRBinary = (mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t) -> Int32

extension BigFloat {
  /// `op(x)` correctly rounded to `precision` bits (default: x's precision).
  @inlinable
  static func apply(
    _ op: MPFRUnary, _ x: BigFloat, precision: Int? = nil,
    rounding: FloatingPointRoundingRule = .toNearestOrEven
  ) -> BigFloat {
    let result = BigFloatStorage.make(precision: precision ?? x.precision)
    result.withUnsafeMutablePointerToHeader { r in
      x.storage.withUnsafeMutablePointerToHeader { a in _ = op(r, a, rounding.mpfr) }
    }
    return BigFloat(storage: result)
  }

  /// `op(x, y)` correctly rounded to `precision` bits (default: the larger operand precision).
  @inlinable
  static func apply(
    _ op: MPFRBinary, _ x: BigFloat, _ y: BigFloat, precision: Int? = nil,
    rounding: FloatingPointRoundingRule = .toNearestOrEven
  ) -> BigFloat {
    let result = BigFloatStorage.make(precision: precision ?? Swift.max(x.precision, y.precision))
    result.withUnsafeMutablePointerToHeader { r in
      x.storage.withUnsafeMutablePointerToHeader { a in
        y.storage.withUnsafeMutablePointerToHeader { b in _ = op(r, a, b, rounding.mpfr) }
      }
    }
    return BigFloat(storage: result)
  }

  /// `self = op(self, y)`, in place when `self` is uniquely referenced and already wide enough.
  /// MPFR allows the destination to alias either operand, so `x *= x` needs no copy either.
  @inlinable
  mutating func formApply(_ op: MPFRBinary, _ y: BigFloat) {
    let precision = Swift.max(self.precision, y.precision)
    if precision == self.precision && isKnownUniquelyReferenced(&storage) {
      storage.withUnsafeMutablePointerToHeader { r in
        y.storage.withUnsafeMutablePointerToHeader { b in _ = op(r, r, b, MPFR_RNDN) }
      }
    } else {
      self = BigFloat.apply(op, self, y, precision: precision)
    }
  }
}

// MARK: - Field operations

extension BigFloat: AdditiveArithmetic {
  /// +0 at the working precision.
  @inlinable public static var zero: BigFloat { BigFloat(precision: Precision.bits) }

  @inlinable public static func + (x: BigFloat, y: BigFloat) -> BigFloat { apply(mpfr_add, x, y) }
  @inlinable public static func - (x: BigFloat, y: BigFloat) -> BigFloat { apply(mpfr_sub, x, y) }
  @inlinable public static func += (x: inout BigFloat, y: BigFloat) { x.formApply(mpfr_add, y) }
  @inlinable public static func -= (x: inout BigFloat, y: BigFloat) { x.formApply(mpfr_sub, y) }
}

extension BigFloat: Numeric {
  @inlinable public static func * (x: BigFloat, y: BigFloat) -> BigFloat { apply(mpfr_mul, x, y) }
  @inlinable public static func *= (x: inout BigFloat, y: BigFloat) { x.formApply(mpfr_mul, y) }

  /// `|x|`, exact, at x's precision.
  @inlinable public var magnitude: BigFloat { BigFloat.apply(mpfr_abs, self) }

  @inlinable
  public init?<T: BinaryInteger>(exactly source: T) {
    if let small = Int(exactly: source) {
      self.init(small)
    } else {
      self.init(BigInt(source))
    }
    // An integer is exact unless the working precision is too narrow for its bits.
    if let back = BigInt(exactly: self), back == BigInt(source) {} else { return nil }
  }
}

extension BigFloat: SignedNumeric {
  /// `−x`, exact.
  @inlinable public static prefix func - (x: BigFloat) -> BigFloat { apply(mpfr_neg, x) }

  @inlinable public mutating func negate() {
    withMutableMPFR { _ = mpfr_neg($0, $0, MPFR_RNDN) }
  }
}

extension BigFloat: AlgebraicField {
  @inlinable public static func / (x: BigFloat, y: BigFloat) -> BigFloat { apply(mpfr_div, x, y) }
  @inlinable public static func /= (x: inout BigFloat, y: BigFloat) { x.formApply(mpfr_div, y) }

  /// `1/x`, or nil for zero and non-finite values.
  @inlinable public var reciprocal: BigFloat? {
    guard isFinite && !isZero else { return nil }
    return BigFloat.apply({ r, x, rnd in mpfr_ui_div(r, 1, x, rnd) }, self)
  }
}

// MARK: - Fused and explicitly rounded forms for hot loops

extension BigFloat {
  /// `self = a · b`, rounded once to this value's precision; no allocation when unique.
  @inlinable
  public mutating func setProduct(_ a: BigFloat, _ b: BigFloat) {
    if !isKnownUniquelyReferenced(&storage) { storage = BigFloatStorage.make(precision: precision) }
    storage.withUnsafeMutablePointerToHeader { r in
      a.storage.withUnsafeMutablePointerToHeader { x in
        b.storage.withUnsafeMutablePointerToHeader { y in _ = mpfr_mul(r, x, y, MPFR_RNDN) }
      }
    }
  }

  /// `self = self + a · b` with a single rounding (fused multiply-add), at the larger of the
  /// three precisions; no allocation when unique and wide enough.
  @inlinable
  public mutating func addProduct(_ a: BigFloat, _ b: BigFloat) {
    fusedMultiplyAdd(a, b, subtract: false)
  }

  /// `self = self − a · b` with a single rounding.
  @inlinable
  public mutating func subtractProduct(_ a: BigFloat, _ b: BigFloat) {
    fusedMultiplyAdd(a, b, subtract: true)
  }

  @inlinable
  mutating func fusedMultiplyAdd(_ a: BigFloat, _ b: BigFloat, subtract: Bool) {
    let precision = Swift.max(self.precision, a.precision, b.precision)
    if precision != self.precision || !isKnownUniquelyReferenced(&storage) {
      storage = storage.copy(precision: precision)
    }
    storage.withUnsafeMutablePointerToHeader { r in
      a.storage.withUnsafeMutablePointerToHeader { x in
        b.storage.withUnsafeMutablePointerToHeader { y in
          _ = subtract ? mpfr_fms(r, x, y, r, MPFR_RNDN) : mpfr_fma(r, x, y, r, MPFR_RNDN)
          if subtract { _ = mpfr_neg(r, r, MPFR_RNDN) }
        }
      }
    }
  }

  /// `x + y` rounded to `precision` bits by `rounding` (for enclosures and MPFR-style tests).
  @inlinable
  public static func sum(
    _ x: BigFloat, _ y: BigFloat, precision: Int, rounding: FloatingPointRoundingRule
  ) -> BigFloat { apply(mpfr_add, x, y, precision: precision, rounding: rounding) }

  /// `x − y` rounded to `precision` bits by `rounding`.
  @inlinable
  public static func difference(
    _ x: BigFloat, _ y: BigFloat, precision: Int, rounding: FloatingPointRoundingRule
  ) -> BigFloat { apply(mpfr_sub, x, y, precision: precision, rounding: rounding) }

  /// `x · y` rounded to `precision` bits by `rounding`.
  @inlinable
  public static func product(
    _ x: BigFloat, _ y: BigFloat, precision: Int, rounding: FloatingPointRoundingRule
  ) -> BigFloat { apply(mpfr_mul, x, y, precision: precision, rounding: rounding) }

  /// `x / y` rounded to `precision` bits by `rounding`.
  @inlinable
  public static func quotient(
    _ x: BigFloat, _ y: BigFloat, precision: Int, rounding: FloatingPointRoundingRule
  ) -> BigFloat { apply(mpfr_div, x, y, precision: precision, rounding: rounding) }

  /// This value rounded to `precision` bits (which may be more or fewer than it has).
  @inlinable
  public func rounded(
    toPrecision precision: Int, rounding: FloatingPointRoundingRule = .toNearestOrEven
  ) -> BigFloat {
    BigFloat.apply(mpfr_set, self, precision: precision, rounding: rounding)
  }
}
