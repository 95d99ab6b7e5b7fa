import CArb
import CGMP
import CMPFR

extension Ball {
  /// The exact ball `[value ± 0]`, with working precision `precision`.
  @inlinable
  public init(_ value: Int, precision: Int = Precision.bits) {
    self = Ball.make(precision: precision) { arb_set_si($0, value) }
  }

  /// The exact ball `[value ± 0]` (a NaN or infinite `value` gives a non-finite ball).
  @inlinable
  public init(_ value: Double, precision: Int = Precision.bits) {
    self = Ball.make(precision: precision) { arb_set_d($0, value) }
  }

  /// The exact ball `[value ± 0]`, whatever the precisions of `value` and of the ball.
  public init(_ value: BigFloat, precision: Int = Precision.bits) {
    self = Ball.make(precision: precision) { r in
      value.withMPFR { x in arf_set_mpfr(arb_mid_ptr(r), x) }
    }
  }

  /// The exact ball `[value ± 0]`.
  public init(_ value: BigInt, precision: Int = Precision.bits) {
    self = Ball.make(precision: precision) { r in
      value.withMPZ { z in arf_set_mpz(arb_mid_ptr(r), z) }
    }
  }

  /// A ball containing `value`: exact when `value` is a dyadic rational whose numerator fits
  /// in `precision` bits, else its midpoint is `value` rounded to `precision` bits and its
  /// radius bounds that rounding.
  public init(_ value: Rational, precision: Int = Precision.bits) {
    self = Ball.make(precision: precision) { r in
      value.withFMPQ { q in arb_set_fmpq(r, q, precision) }
    }
  }

  /// `[midpoint ± radius]`, the midpoint exact and the radius exact when it has at most 30
  /// significant bits (Arb's magnitudes), else rounded up. `radius` must be ≥ 0 (it may be +∞).
  public init(midpoint: BigFloat, radius: BigFloat, precision: Int = Precision.bits) {
    precondition(!radius.isNaN && !radius.isNegative, "a ball's radius must be ≥ 0, got \(radius)")
    self.init(midpoint, precision: precision)
    withMutableArb { r in
      radius.withMPFR { rad in
        var given = arf_struct(), truncated = arf_struct()
        arf_init(&given)
        arf_init(&truncated)
        defer { arf_clear(&given); arf_clear(&truncated) }
        arf_set_mpfr(&given, rad)
        // arf_get_mag adds one unit in the 30th bit even to a radius it could hold exactly;
        // the truncated (lower) magnitude is the radius itself when that is exact.
        arf_get_mag_lower(arb_rad_ptr(r), &given)
        arf_set_mag(&truncated, arb_rad_ptr(r))
        if arf_equal(&truncated, &given) == 0 { arf_get_mag(arb_rad_ptr(r), &given) }
      }
    }
  }

  /// The smallest ball Arb forms around `[lower, upper]` at `precision` bits: it contains the
  /// whole interval (the midpoint is rounded, the radius rounded up to cover both ends).
  public init(lower: BigFloat, upper: BigFloat, precision: Int = Precision.bits) {
    precondition(!(upper < lower), "an interval needs lower ≤ upper, got [\(lower), \(upper)]")
    self = Ball.make(precision: precision) { r in
      lower.withMPFR { a in upper.withMPFR { b in arb_set_interval_mpfr(r, a, b, precision) } }
    }
  }

  /// The same ball with working precision `precision` (nothing is rounded).
  @inlinable
  public init(_ value: Ball, precision: Int) {
    self = value
    bits = Ball.checked(precision)
  }
}

// MARK: - Midpoint, radius and bounds as BigFloat, for reports and further computation

extension Ball {
  /// The midpoint, exactly (a `BigFloat` of at least `precision` bits and as many as the
  /// midpoint has; ±∞ beyond MPFR's exponent range, NaN for an indeterminate ball).
  public var midpoint: BigFloat {
    withArb { x in
      let mid = carb_midref(x)!
      let bits = Swift.max(precision, Int(arf_bits(mid)))
      return BigFloat.make(precision: bits) { r in _ = arf_get_mpfr(r, mid, MPFR_RNDN) }
    }
  }

  /// The radius, exactly (Arb's radii have 30 significant bits), as a 64-bit `BigFloat`.
  public var radius: BigFloat {
    withArb { x in
      var wide = arf_struct()
      arf_init(&wide)
      defer { arf_clear(&wide) }
      arf_set_mag(&wide, carb_radref(x))
      return BigFloat.make(precision: 64) { r in _ = arf_get_mpfr(r, &wide, MPFR_RNDU) }
    }
  }

  /// A lower bound of every number in the ball, `m − r` rounded down to `precision` bits.
  public var lowerBound: BigFloat { bound(arb_get_lbound_arf, MPFR_RNDD) }

  /// An upper bound of every number in the ball, `m + r` rounded up to `precision` bits.
  public var upperBound: BigFloat { bound(arb_get_ubound_arf, MPFR_RNDU) }

  private func bound(
    _ get: (arf_ptr, arb_srcptr, Int) -> Void, _ rounding: mpfr_rnd_t
  ) -> BigFloat {
    withArb { x in
      var end = arf_struct()
      arf_init(&end)
      defer { arf_clear(&end) }
      get(&end, x, precision)
      return BigFloat.make(precision: precision) { r in _ = arf_get_mpfr(r, &end, rounding) }
    }
  }

  /// The midpoint's nearest binary64 value.
  @inlinable
  public var doubleValue: Double { withArb { arf_get_d(carb_midref($0), ARF_RND_NEAR) } }

  /// Arb's notation `[m +/- r]` with the midpoint's digits that the precision supports
  /// (`m` alone for an exact ball, `nan` for an indeterminate one); the printed ball
  /// contains this one.
  public var description: String {
    description(significantDigits: BigFloat.roundTripDigits(precision: precision))
  }

  /// Arb's notation with at most `digits` significant digits of the midpoint, the radius
  /// widened to cover the digits dropped, so the printed ball still contains this one: the
  /// short form for reports (`[-9.99961395 +/- 5.0e-9]`).
  public func description(significantDigits digits: Int) -> String {
    withArb { x in
      let text = arb_get_str(x, digits, 0)!
      defer { flint_free(text) }
      return String(cString: text)
    }
  }
}

extension Rational {
  /// Calls `body` with this rational as a FLINT `fmpq` (a copy, cleared afterwards).
  func withFMPQ<R>(_ body: (UnsafePointer<fmpq>) throws -> R) rethrows -> R {
    var q = fmpq()
    fmpq_init(&q)
    defer { fmpq_clear(&q) }
    withMPQ { fmpq_set_mpq(&q, $0) }
    return try body(&q)
  }
}
