import CArb

/// Comparisons of balls are certain or false: `x < y` is true only when every number in `x` is
/// less than every number in `y`, so no Bool drawn from balls overstates what they enclose.
/// `!(x < y)` therefore does not mean `x ≥ y`: for overlapping balls both `x < y` and `x >= y`
/// are false. Code that branches on a comparison of balls takes the "else" branch whenever the
/// balls cannot decide; that is an enclosure only where the "else" branch is a correct formula
/// for every input (as in `sigmoid`, whose two branches are both exact formulas).
extension Ball: Equatable {
  /// True when both balls are the same exact number (radius 0): `[1 ± 2⁻¹⁰⁰] == [1 ± 2⁻¹⁰⁰]`
  /// is false, since the two may enclose different numbers; NaN equals nothing.
  @inlinable
  public static func == (x: Ball, y: Ball) -> Bool {
    x.withArb { a in y.withArb { b in arb_eq(a, b) != 0 } }
  }
}

extension Ball: Comparable {
  /// True when every number in `x` is less than every number in `y`.
  @inlinable
  public static func < (x: Ball, y: Ball) -> Bool {
    x.withArb { a in y.withArb { b in arb_lt(a, b) != 0 } }
  }

  /// True when every number in `x` is at most every number in `y`.
  @inlinable
  public static func <= (x: Ball, y: Ball) -> Bool {
    x.withArb { a in y.withArb { b in arb_le(a, b) != 0 } }
  }

  /// True when every number in `x` is greater than every number in `y`.
  @inlinable
  public static func > (x: Ball, y: Ball) -> Bool {
    x.withArb { a in y.withArb { b in arb_gt(a, b) != 0 } }
  }

  /// True when every number in `x` is at least every number in `y`.
  @inlinable
  public static func >= (x: Ball, y: Ball) -> Bool {
    x.withArb { a in y.withArb { b in arb_ge(a, b) != 0 } }
  }
}

// MARK: - Certified signs

extension Ball {
  /// True when every number in the ball is > 0.
  @inlinable public var isCertainlyPositive: Bool { withArb { arb_is_positive($0) != 0 } }
  /// True when every number in the ball is < 0.
  @inlinable public var isCertainlyNegative: Bool { withArb { arb_is_negative($0) != 0 } }
  /// True when every number in the ball is ≥ 0.
  @inlinable public var isCertainlyNonnegative: Bool { withArb { arb_is_nonnegative($0) != 0 } }
  /// True when every number in the ball is ≤ 0.
  @inlinable public var isCertainlyNonpositive: Bool { withArb { arb_is_nonpositive($0) != 0 } }
  /// True when 0 is not in the ball.
  @inlinable public var isCertainlyNonzero: Bool { withArb { arb_is_nonzero($0) != 0 } }
}

// MARK: - Membership

extension Ball {
  /// True when the ball is finite (midpoint and radius) with radius 0: a known number.
  @inlinable public var isExact: Bool { withArb { arb_is_exact($0) != 0 } && isFinite }

  /// False for an indeterminate ball (NaN midpoint), an infinite midpoint or an infinite
  /// radius: such a ball decides nothing and is a failure wherever it appears.
  @inlinable public var isFinite: Bool { withArb { arb_is_finite($0) != 0 } }

  /// True when 0 is in the ball.
  @inlinable public var containsZero: Bool { withArb { arb_contains_zero($0) != 0 } }

  /// True when the number `x` lies in the ball (false for a NaN `x`).
  public func contains(_ x: BigFloat) -> Bool {
    withArb { ball in
      x.withMPFR { value in
        var point = arf_struct()
        arf_init(&point)
        defer { arf_clear(&point) }
        arf_set_mpfr(&point, value)
        return arb_contains_arf(ball, &point) != 0
      }
    }
  }

  /// True when the rational `x` lies in the ball (decided exactly).
  public func contains(_ x: Rational) -> Bool {
    withArb { ball in x.withFMPQ { q in arb_contains_fmpq(ball, q) != 0 } }
  }

  /// True when every number of `other` lies in this ball.
  @inlinable
  public func contains(_ other: Ball) -> Bool {
    withArb { a in other.withArb { b in arb_contains(a, b) != 0 } }
  }

  /// True when every number of `other` lies in the interior of this ball (the inclusion an
  /// interval Newton or Krawczyk step needs to prove a zero exists).
  @inlinable
  public func containsInInterior(_ other: Ball) -> Bool {
    withArb { a in other.withArb { b in arb_contains_interior(a, b) != 0 } }
  }

  /// True when the two balls have a number in common.
  @inlinable
  public func overlaps(_ other: Ball) -> Bool {
    withArb { a in other.withArb { b in arb_overlaps(a, b) != 0 } }
  }

  /// A ball containing both balls, at the larger precision.
  @inlinable
  public static func union(_ x: Ball, _ y: Ball) -> Ball {
    apply(arb_union, x, y)
  }

  /// A ball containing the numbers the two balls have in common, or nil when they have none.
  public static func intersection(_ x: Ball, _ y: Ball) -> Ball? {
    let precision = Swift.max(x.precision, y.precision)
    var overlap = true
    let result = make(precision: precision) { r in
      x.withArb { a in y.withArb { b in overlap = arb_intersection(r, a, b, precision) != 0 } }
    }
    return overlap ? result : nil
  }
}
