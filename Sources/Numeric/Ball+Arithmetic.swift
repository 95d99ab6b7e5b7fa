import CArb
import RealModule

// MARK: - The Arb calling patterns, shared by every operation

@usableFromInline typealias ArbUnary = (arb_ptr, arb_srcptr, Int) -> Void
@usableFromInline typealias ArbBinary = (arb_ptr, arb_srcptr, arb_srcptr, Int) -> Void

extension Ball {
  /// `op(x)` at x's precision.
  @inlinable
  static func apply(_ op: ArbUnary, _ x: Ball) -> Ball {
    make(precision: x.precision) { r in x.withArb { a in op(r, a, x.precision) } }
  }

  /// `op(x, y)` at the larger operand precision, written into an operand's storage when the
  /// operation holds the only reference to it (a temporary such as `a * b` in `acc + a * b`),
  /// which saves an allocation per operation; Arb allows the output to alias an input.
  @inlinable
  static func apply(_ op: ArbBinary, _ x: consuming Ball, _ y: consuming Ball) -> Ball {
    let precision = Swift.max(x.precision, y.precision)
    if isKnownUniquelyReferenced(&x.storage) {
      x.bits = precision
      x.storage.withUnsafeMutablePointerToHeader { r in y.withArb { b in op(r, r, b, precision) } }
      return x
    }
    if isKnownUniquelyReferenced(&y.storage) {
      y.bits = precision
      y.storage.withUnsafeMutablePointerToHeader { r in x.withArb { a in op(r, a, r, precision) } }
      return y
    }
    return make(precision: precision) { r in
      x.withArb { a in y.withArb { b in op(r, a, b, precision) } }
    }
  }

  /// `self = op(self, y)` in place; Arb allows the output to alias an input, so `x *= x` is safe.
  @inlinable
  mutating func formApply(_ op: ArbBinary, _ y: Ball) {
    widenPrecision(to: y.precision)
    let precision = self.precision
    withMutableArb { r in y.withArb { b in op(r, r, b, precision) } }
  }
}

// MARK: - Field operations: each result contains every exact result of its inputs

extension Ball: AdditiveArithmetic {
  /// The exact zero at the working precision.
  @inlinable public static var zero: Ball { Ball(precision: Precision.bits) }

  @inlinable public static func + (x: consuming Ball, y: consuming Ball) -> Ball { apply(arb_add, x, y) }
  @inlinable public static func - (x: consuming Ball, y: consuming Ball) -> Ball { apply(arb_sub, x, y) }
  @inlinable public static func += (x: inout Ball, y: Ball) { x.formApply(arb_add, y) }
  @inlinable public static func -= (x: inout Ball, y: Ball) { x.formApply(arb_sub, y) }
}

extension Ball: Numeric {
  @inlinable public static func * (x: consuming Ball, y: consuming Ball) -> Ball { apply(arb_mul, x, y) }
  @inlinable public static func *= (x: inout Ball, y: Ball) { x.formApply(arb_mul, y) }

  /// `[|m| ± r]`, which contains `|x|` for every `x` in `[m ± r]` (for a ball straddling 0
  /// it reaches below 0: an enclosure, not the tightest one).
  @inlinable public var magnitude: Ball { Ball.apply({ r, x, _ in arb_abs(r, x) }, self) }

  /// The exact ball of an integer of any size.
  @inlinable
  public init?<T: BinaryInteger>(exactly source: T) {
    self.init(BigInt(source))
  }
}

extension Ball: ExpressibleByIntegerLiteral {
  @inlinable public init(integerLiteral value: Int) { self.init(value) }
}

extension Ball: SignedNumeric {
  /// `−x`, exact.
  @inlinable public static prefix func - (x: Ball) -> Ball { apply({ r, a, _ in arb_neg(r, a) }, x) }

  @inlinable public mutating func negate() { withMutableArb { arb_neg($0, $0) } }
}

extension Ball: AlgebraicField {
  /// `x / y`; indeterminate when `y` contains 0.
  @inlinable public static func / (x: consuming Ball, y: consuming Ball) -> Ball { apply(arb_div, x, y) }
  @inlinable public static func /= (x: inout Ball, y: Ball) { x.formApply(arb_div, y) }

  /// `1/x`, or nil when the ball contains 0 or is not finite (no finite ball encloses it).
  @inlinable public var reciprocal: Ball? {
    guard isFinite && isCertainlyNonzero else { return nil }
    return Ball.apply(arb_inv, self)
  }
}

// MARK: - In-place forms for hot loops

extension Ball {
  /// `self = a · b` at the larger of the three precisions, reusing this ball's storage.
  @inlinable
  public mutating func setProduct(_ a: Ball, _ b: Ball) {
    widenPrecision(to: Swift.max(a.precision, b.precision))
    let precision = self.precision
    withMutableArb { r in a.withArb { x in b.withArb { y in arb_mul(r, x, y, precision) } } }
  }

  /// `self = self + a · b`, the midpoint rounded once (Arb's `arb_addmul`), in place.
  @inlinable
  public mutating func addProduct(_ a: Ball, _ b: Ball) {
    widenPrecision(to: Swift.max(a.precision, b.precision))
    let precision = self.precision
    withMutableArb { r in a.withArb { x in b.withArb { y in arb_addmul(r, x, y, precision) } } }
  }

  /// `self = self − a · b`, the midpoint rounded once, in place.
  @inlinable
  public mutating func subtractProduct(_ a: Ball, _ b: Ball) {
    widenPrecision(to: Swift.max(a.precision, b.precision))
    let precision = self.precision
    withMutableArb { r in a.withArb { x in b.withArb { y in arb_submul(r, x, y, precision) } } }
  }
}
