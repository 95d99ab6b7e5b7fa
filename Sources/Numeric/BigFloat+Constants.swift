import CMPFR

extension BigFloat {
  /// π, correctly rounded to `precision` bits.
  @inlinable
  public static func pi(precision: Int) -> BigFloat { constant(mpfr_const_pi, precision) }

  /// π at the working precision.
  @inlinable public static var pi: BigFloat { pi(precision: Precision.bits) }

  /// `2^(1 − p)` at the working precision `p`, exactly.
  @inlinable public static var workingEpsilon: BigFloat {
    let bits = Precision.bits
    var epsilon = BigFloat(1, precision: bits)
    epsilon.withMutableMPFR { _ = mpfr_mul_2si($0, $0, 1 - bits, MPFR_RNDN) }
    return epsilon
  }

  /// ln 2, correctly rounded to `precision` bits.
  @inlinable
  public static func ln2(precision: Int = Precision.bits) -> BigFloat {
    constant(mpfr_const_log2, precision)
  }

  /// Euler's number e, correctly rounded to `precision` bits.
  @inlinable
  public static func e(precision: Int = Precision.bits) -> BigFloat {
    function(mpfr_exp, BigFloat(1, precision: precision))
  }

  /// Not a number.
  @inlinable
  public static func nan(precision: Int = Precision.bits) -> BigFloat {
    var x = BigFloat(precision: precision)
    x.withMutableMPFR { mpfr_set_nan($0) }
    return x
  }

  /// +∞ (or −∞ for `negative`).
  @inlinable
  public static func infinity(negative: Bool = false, precision: Int = Precision.bits) -> BigFloat {
    var x = BigFloat(precision: precision)
    x.withMutableMPFR { mpfr_set_inf($0, negative ? -1 : 1) }
    return x
  }

  @inlinable
  static func constant(_ op: (mpfr_ptr, mpfr_rnd_t) -> Int32, _ precision: Int) -> BigFloat {
    ThreadCaches.enroll()
    var x = BigFloat(precision: precision)
    x.withMutableMPFR { _ = op($0, MPFR_RNDN) }
    return x
  }
}

extension BigFloat {
  /// The version of the MPFR library in use, e.g. `4.2.0`.
  public static var mpfrVersion: String { String(cString: mpfr_get_version()) }
}
