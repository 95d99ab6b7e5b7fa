import CArb
import CMPFR
import RealModule

extension BigFloat {
  /// `apply` for an MPFR function that may fill the thread's caches (`ThreadCaches`).
  @inlinable
  static func function(_ op: MPFRUnary, _ x: BigFloat, precision: Int? = nil) -> BigFloat {
    ThreadCaches.enroll()
    return apply(op, x, precision: precision)
  }

  /// `apply` for a binary MPFR function that may fill the thread's caches.
  @inlinable
  static func function(_ op: MPFRBinary, _ x: BigFloat, _ y: BigFloat) -> BigFloat {
    ThreadCaches.enroll()
    return apply(op, x, y)
  }
}

extension BigFloat: ElementaryFunctions {
  @inlinable public static func exp(_ x: BigFloat) -> BigFloat { function(arb_exp, orMPFR: mpfr_exp, x) }
  @inlinable public static func expMinusOne(_ x: BigFloat) -> BigFloat { function(arb_expm1, orMPFR: mpfr_expm1, x) }
  @inlinable public static func cosh(_ x: BigFloat) -> BigFloat { function(arb_cosh, orMPFR: mpfr_cosh, x) }
  @inlinable public static func sinh(_ x: BigFloat) -> BigFloat { function(arb_sinh, orMPFR: mpfr_sinh, x) }
  @inlinable public static func tanh(_ x: BigFloat) -> BigFloat { function(arb_tanh, orMPFR: mpfr_tanh, x) }
  @inlinable public static func cos(_ x: BigFloat) -> BigFloat { function(arb_cos, orMPFR: mpfr_cos, x) }
  @inlinable public static func sin(_ x: BigFloat) -> BigFloat { function(arb_sin, orMPFR: mpfr_sin, x) }
  @inlinable public static func tan(_ x: BigFloat) -> BigFloat { function(arb_tan, orMPFR: mpfr_tan, x) }
  @inlinable public static func log(_ x: BigFloat) -> BigFloat { function(arb_log, orMPFR: mpfr_log, x) }
  @inlinable public static func log(onePlus x: BigFloat) -> BigFloat { function(arb_log1p, orMPFR: mpfr_log1p, x) }
  @inlinable public static func acosh(_ x: BigFloat) -> BigFloat { function(arb_acosh, orMPFR: mpfr_acosh, x) }
  @inlinable public static func asinh(_ x: BigFloat) -> BigFloat { function(arb_asinh, orMPFR: mpfr_asinh, x) }
  @inlinable public static func atanh(_ x: BigFloat) -> BigFloat { function(arb_atanh, orMPFR: mpfr_atanh, x) }
  @inlinable public static func acos(_ x: BigFloat) -> BigFloat { function(arb_acos, orMPFR: mpfr_acos, x) }
  @inlinable public static func asin(_ x: BigFloat) -> BigFloat { function(arb_asin, orMPFR: mpfr_asin, x) }
  @inlinable public static func atan(_ x: BigFloat) -> BigFloat { function(arb_atan, orMPFR: mpfr_atan, x) }
  @inlinable public static func sqrt(_ x: BigFloat) -> BigFloat { apply(mpfr_sqrt, x) }

  /// `x^y` for real `y` (NaN for negative `x` and non-integer `y`).
  @inlinable public static func pow(_ x: BigFloat, _ y: BigFloat) -> BigFloat { function(mpfr_pow, x, y) }

  /// `x^n` for an integer `n`, correctly rounded (not by repeated multiplication).
  @inlinable
  public static func pow(_ x: BigFloat, _ n: Int) -> BigFloat {
    apply({ r, a, rnd in mpfr_pow_si(r, a, n, rnd) }, x)
  }

  /// The real `n`-th root (negative `x` allowed for odd `n`), correctly rounded for `n > 0`
  /// and `n = −2`. Other `n < 0` give `1 / root(x, −n)` formed with 64 guard bits and rounded
  /// once more: correct except in the rare cases where that rounding is a tie to 2⁻⁶⁴.
  @inlinable
  public static func root(_ x: BigFloat, _ n: Int) -> BigFloat {
    precondition(n != 0, "root of order 0")
    if n > 0 { return function({ r, a, rnd in mpfr_rootn_ui(r, a, UInt(n), rnd) }, x) }
    if n == -2 { return function(mpfr_rec_sqrt, x) }
    let guarded = function({ r, a, rnd in mpfr_rootn_ui(r, a, UInt(n.magnitude), rnd) }, x,
      precision: x.precision + 64)
    return apply({ r, a, rnd in mpfr_ui_div(r, 1, a, rnd) }, guarded, precision: x.precision)
  }
}

extension BigFloat: RealFunctions {
  @inlinable public static func atan2(y: BigFloat, x: BigFloat) -> BigFloat { function(mpfr_atan2, y, x) }
  @inlinable public static func erf(_ x: BigFloat) -> BigFloat { function(arb_hypgeom_erf, orMPFR: mpfr_erf, x) }
  @inlinable public static func erfc(_ x: BigFloat) -> BigFloat { function(arb_hypgeom_erfc, orMPFR: mpfr_erfc, x) }
  @inlinable public static func exp2(_ x: BigFloat) -> BigFloat { function(mpfr_exp2, x) }
  @inlinable public static func exp10(_ x: BigFloat) -> BigFloat { function(mpfr_exp10, x) }
  @inlinable public static func hypot(_ x: BigFloat, _ y: BigFloat) -> BigFloat { function(mpfr_hypot, x, y) }
  @inlinable public static func gamma(_ x: BigFloat) -> BigFloat { function(mpfr_gamma, x) }
  @inlinable public static func log2(_ x: BigFloat) -> BigFloat { function(mpfr_log2, x) }
  @inlinable public static func log10(_ x: BigFloat) -> BigFloat { function(mpfr_log10, x) }

  /// `log |Γ(x)|`.
  @inlinable
  public static func logGamma(_ x: BigFloat) -> BigFloat {
    function({ r, a, rnd in
      var sign: Int32 = 0
      return mpfr_lgamma(r, &sign, a, rnd)
    }, x)
  }

  /// The sign of `Γ(x)`.
  public static func signGamma(_ x: BigFloat) -> FloatingPointSign {
    var sign: Int32 = 0
    ThreadCaches.enroll()
    _ = make(precision: 2) { r in x.withMPFR { a in _ = mpfr_lgamma(r, &sign, a, MPFR_RNDN) } }
    return sign < 0 ? .minus : .plus
  }
}

extension BigFloat {
  /// The real cube root.
  @inlinable public static func cbrt(_ x: BigFloat) -> BigFloat { function(mpfr_cbrt, x) }

  /// `|x|`, exact.
  @inlinable public static func abs(_ x: BigFloat) -> BigFloat { x.magnitude }

  /// The smaller of `x` and `y`; NaN if either is NaN (unlike `Swift.min`).
  @inlinable
  public static func minimum(_ x: BigFloat, _ y: BigFloat) -> BigFloat {
    (x.isNaN || y.isNaN) ? nan(precision: Swift.max(x.precision, y.precision)) : (y < x ? y : x)
  }

  /// The larger of `x` and `y`; NaN if either is NaN (unlike `Swift.max`).
  @inlinable
  public static func maximum(_ x: BigFloat, _ y: BigFloat) -> BigFloat {
    (x.isNaN || y.isNaN) ? nan(precision: Swift.max(x.precision, y.precision)) : (x < y ? y : x)
  }
}
