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
    make(precision: precision ?? x.precision) { r in x.withMPFR { a in _ = op(r, a, rounding.mpfr) } }
  }

  /// `op(x, y)` correctly rounded to `precision` bits (default: the larger operand precision).
  @inlinable
  static func apply(
    _ op: MPFRBinary, _ x: BigFloat, _ y: BigFloat, precision: Int? = nil,
    rounding: FloatingPointRoundingRule = .toNearestOrEven
  ) -> BigFloat {
    make(precision: precision ?? Swift.max(x.precision, y.precision)) { r in
      x.withMPFR { a in y.withMPFR { b in _ = op(r, a, b, rounding.mpfr) } }
    }
  }

  /// `self = op(self, y)`, in place when `self` is already wide enough. MPFR allows the
  /// destination to alias an operand, and `y` is read from its own copy, so `x *= x` is safe.
  @inlinable
  mutating func formApply(_ op: MPFRBinary, _ y: BigFloat) {
    if y.precision <= precision {
      withMutableMPFR { r in y.withMPFR { b in _ = op(r, r, b, MPFR_RNDN) } }
    } else {
      self = BigFloat.apply(op, self, y)
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
    self.init(exactly: BigInt(source))
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
  /// `self = a · b`, rounded once to this value's precision; no allocation.
  @inlinable
  public mutating func setProduct(_ a: BigFloat, _ b: BigFloat) {
    withMutableMPFR { r in a.withMPFR { x in b.withMPFR { y in _ = mpfr_mul(r, x, y, MPFR_RNDN) } } }
  }

  /// `self = self + a · b` rounded twice, the product to the larger of a's and b's precisions
  /// and then the sum, exactly as `self += a * b` rounds (so a loop moved from operators to
  /// this form keeps its bits; `addProduct` rounds once and does not), without allocating up to
  /// `inlineBits`. The product lives in a local whose address MPFR is handed directly: with
  /// `setProduct` and `+=` the product is a borrowed operand, copied before MPFR may read it.
  @inlinable
  public mutating func addRoundedProduct(_ a: BigFloat, _ b: BigFloat) {
    var product = BigFloat(precision: Swift.max(a.precision, b.precision))
    product.setProduct(a, b)
    if product.precision > precision { self = rounded(toPrecision: product.precision) }
    withMutableMPFR { r in product.withMutableMPFR { t in _ = mpfr_add(r, r, t, MPFR_RNDN) } }
  }

  /// `self = self + a · b` with a single rounding (fused multiply-add), at the larger of the
  /// three precisions.
  @inlinable
  public mutating func addProduct(_ a: BigFloat, _ b: BigFloat) {
    fusedMultiplyAdd(a, b, op: mpfr_fma)
  }

  /// `self = self − a · b` with a single rounding.
  @inlinable
  public mutating func subtractProduct(_ a: BigFloat, _ b: BigFloat) {
    fusedMultiplyAdd(-a, b, op: mpfr_fma)
  }

  @inlinable
  mutating func fusedMultiplyAdd(
    _ a: BigFloat, _ b: BigFloat,
    op: (mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t) -> Int32
  ) {
    let wider = Swift.max(precision, a.precision, b.precision)
    if wider != precision { self = rounded(toPrecision: wider) }
    withMutableMPFR { r in a.withMPFR { x in b.withMPFR { y in _ = op(r, x, y, r, MPFR_RNDN) } } }
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
