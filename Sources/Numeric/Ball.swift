import CArb

/// A real ball `[m ± r]`: an Arb `arb_t` with value semantics, a rigorous enclosure of a real
/// number.
///
/// The midpoint `m` is a binary floating-point number and the radius `r` an upward-rounded
/// bound; every operation returns a ball that contains `f(x)` for every `x` in its input balls
/// (Arb's guarantee: operations propagate the input radii and add their own rounding error).
/// So a statement decided on balls (`isCertainlyPositive`, `x < y`) holds for the exact values
/// the balls enclose.
///
/// Precision is carried per value, as for `BigFloat`: the precision is the working precision
/// at which operations round their midpoints (the radius then grows by about `2^−precision ·
/// |m|` per operation); a result takes the larger precision of its operands, and values made
/// from literals and conversions take the task-local `Precision.bits`. Conversions from `Int`,
/// `Double`, `BigInt` and `BigFloat` are exact (radius 0), from `Rational` exact when the
/// rational is a dyadic number of at most `precision` bits, else within one rounding.
///
/// Domain errors and overflow give a non-finite ball: Arb's indeterminate `[NaN ± ∞]` for
/// `log(−1)`, `sqrt` of a ball reaching below 0, `1/[0 ± r]`, `asin(2)`; `isFinite` is false
/// for such a ball, and code downstream treats it as a failure, never as a number.
///
/// Storage: one heap object holding the `arb_struct` (Arb itself allocates the midpoint's
/// limbs beyond 128 bits), shared between copies until one is mutated (copy on write), and
/// freed with `arb_clear`.
public struct Ball: @unchecked Sendable {
  @usableFromInline var storage: BallStorage
  @usableFromInline var bits: Int

  /// The working precision, in bits, at which operations on this ball round.
  @inlinable public var precision: Int { bits }

  /// The exact ball `[0 ± 0]` with `precision` bits.
  @inlinable
  public init(precision: Int) {
    storage = BallStorage.make()
    bits = Ball.checked(precision)
  }

  /// `precision`, stopping with a message when it is outside ClaimCheck's range.
  @inlinable
  static func checked(_ precision: Int) -> Int {
    precondition(
      (Precision.minimumBits...Precision.maximumBits).contains(precision),
      "invalid ball precision \(precision)")
    return precision
  }

  /// Calls `body` with a read-only pointer to the Arb ball.
  @inlinable
  public func withArb<R>(_ body: (arb_srcptr) throws -> R) rethrows -> R {
    try storage.withUnsafeMutablePointerToHeader { try body(UnsafePointer($0)) }
  }

  /// Calls `body` with a pointer to this ball (made unique first), which `body` may read and
  /// overwrite.
  @inlinable
  public mutating func withMutableArb<R>(_ body: (arb_ptr) throws -> R) rethrows -> R {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return try storage.withUnsafeMutablePointerToHeader { try body($0) }
  }

  /// A new ball of `precision` bits that `body` sets through its Arb pointer.
  @inlinable
  static func make(precision: Int, _ body: (arb_ptr) -> Void) -> Ball {
    let result = Ball(precision: precision)
    result.storage.withUnsafeMutablePointerToHeader(body)
    return result
  }

  /// Raises the working precision to at least `bits` (the value is unchanged).
  @inlinable
  mutating func widenPrecision(to bits: Int) {
    if bits > self.bits { self.bits = bits }
  }
}

/// The heap object behind a `Ball`: the `arb_struct`, initialised on creation and cleared
/// (its midpoint limbs and any big exponents freed) when the last copy goes.
@usableFromInline
final class BallStorage: ManagedBuffer<arb_struct, Void> {
  /// A new object holding the exact ball `[0 ± 0]`.
  @usableFromInline
  static func make() -> BallStorage {
    let object = unsafeDowncast(
      BallStorage.create(minimumCapacity: 0) { _ in arb_struct() }, to: BallStorage.self)
    object.withUnsafeMutablePointerToHeader { arb_init($0) }
    return object
  }

  /// A new object with the same midpoint and radius.
  @usableFromInline
  func copy() -> BallStorage {
    let result = BallStorage.make()
    result.withUnsafeMutablePointerToHeader { r in
      withUnsafeMutablePointerToHeader { x in arb_set(r, x) }
    }
    return result
  }

  deinit {
    withUnsafeMutablePointerToHeader { arb_clear($0) }
  }
}
