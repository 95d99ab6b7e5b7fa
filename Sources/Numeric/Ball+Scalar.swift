import CArb

/// `Ball` as a `Scalar`: a formula written once over `Scalar` evaluated in balls gives an
/// enclosure of its exact value, provided its branches are correct for every input (see the
/// comparisons) and its result is checked with `isFinite` (a domain error anywhere makes it
/// indeterminate, never a number).
extension Ball: Scalar {
  /// The exact ball of `value`, at the working precision.
  @inlinable public init(_ value: Int) { self.init(value, precision: Precision.bits) }
  /// The exact ball of `value`, at the working precision.
  @inlinable public init(_ value: Double) { self.init(value, precision: Precision.bits) }
  /// A ball containing `value`, at the working precision.
  public init(_ value: Rational) { self.init(value, precision: Precision.bits) }

  /// Balls are enclosures: an estimate must not pass for one.
  public static var isEnclosure: Bool { true }

  /// π at the working precision (a ball of radius about 2^−p containing π).
  public static var pi: Ball { pi(precision: Precision.bits) }

  /// The exact ball `2^(1 − p)` at the working precision `p`.
  public static var workingEpsilon: Ball {
    let bits = Precision.bits
    return make(precision: bits) { arb_set_si($0, 1); arb_mul_2exp_si($0, $0, 1 - bits) }
  }

  /// π at `precision` bits.
  public static func pi(precision: Int) -> Ball {
    ThreadCaches.enroll()
    return make(precision: precision) { arb_const_pi($0, precision) }
  }

  /// A ball containing `max(a, b)` for every `a` in `x` and `b` in `y` (Arb's `arb_max`; the
  /// default, which compares, would pick one ball when they overlap); indeterminate when
  /// either ball is not finite.
  public static func maxOrNaN(_ x: Ball, _ y: Ball) -> Ball { extremum(arb_max, x, y) }

  /// A ball containing `min(a, b)` for every `a` in `x` and `b` in `y`; indeterminate when
  /// either ball is not finite.
  public static func minOrNaN(_ x: Ball, _ y: Ball) -> Ball { extremum(arb_min, x, y) }

  /// `sign(x)`: exact −1, 0 or 1 when the ball decides it, `[0 ± 1]` when it contains 0 and
  /// other numbers.
  public static func signum(_ x: Ball) -> Ball { apply({ r, a, _ in arb_sgn(r, a) }, x) }

  private static func extremum(_ op: ArbBinary, _ x: Ball, _ y: Ball) -> Ball {
    guard x.isFinite, y.isFinite else {
      return make(precision: Swift.max(x.precision, y.precision)) { arb_indeterminate($0) }
    }
    return apply(op, x, y)
  }
}

extension Ball: CustomStringConvertible {}
