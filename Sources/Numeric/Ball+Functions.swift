import CArb
import RealModule

/// The elementary functions by Arb's own algorithms: each result contains `f(x)` for every `x`
/// in the input ball, with a radius close to `|f′(m)| r + 2^−p |f(m)|` for a well-conditioned
/// input. Outside a function's domain (log of a ball reaching 0 or below, asin beyond ±1) the
/// result is indeterminate (`isFinite` false).
extension Ball {
  /// `apply` for an Arb function that may fill the thread's caches (`ThreadCaches`).
  @inlinable
  static func function(_ op: ArbUnary, _ x: Ball) -> Ball {
    ThreadCaches.enroll()
    return apply(op, x)
  }

  /// `apply` for a binary Arb function that may fill the thread's caches.
  @inlinable
  static func function(_ op: ArbBinary, _ x: consuming Ball, _ y: consuming Ball) -> Ball {
    ThreadCaches.enroll()
    return apply(op, x, y)
  }
}

extension Ball: ElementaryFunctions {
  @inlinable public static func exp(_ x: Ball) -> Ball { function(arb_exp, x) }
  @inlinable public static func expMinusOne(_ x: Ball) -> Ball { function(arb_expm1, x) }
  @inlinable public static func cosh(_ x: Ball) -> Ball { function(arb_cosh, x) }
  @inlinable public static func sinh(_ x: Ball) -> Ball { function(arb_sinh, x) }
  @inlinable public static func tanh(_ x: Ball) -> Ball { function(arb_tanh, x) }
  @inlinable public static func cos(_ x: Ball) -> Ball { function(arb_cos, x) }
  @inlinable public static func sin(_ x: Ball) -> Ball { function(arb_sin, x) }
  @inlinable public static func tan(_ x: Ball) -> Ball { function(arb_tan, x) }
  @inlinable public static func log(_ x: Ball) -> Ball { function(arb_log, x) }
  @inlinable public static func log(onePlus x: Ball) -> Ball { function(arb_log1p, x) }
  @inlinable public static func acosh(_ x: Ball) -> Ball { function(arb_acosh, x) }
  @inlinable public static func asinh(_ x: Ball) -> Ball { function(arb_asinh, x) }
  @inlinable public static func atanh(_ x: Ball) -> Ball { function(arb_atanh, x) }
  @inlinable public static func acos(_ x: Ball) -> Ball { function(arb_acos, x) }
  @inlinable public static func asin(_ x: Ball) -> Ball { function(arb_asin, x) }
  @inlinable public static func atan(_ x: Ball) -> Ball { function(arb_atan, x) }
  /// `√x`; indeterminate when the ball reaches below 0.
  @inlinable public static func sqrt(_ x: Ball) -> Ball { apply(arb_sqrt, x) }

  /// `xʸ` for `x > 0`, and for negative `x` when `y` is an exact integer (else indeterminate).
  @inlinable public static func pow(_ x: Ball, _ y: Ball) -> Ball { function(arb_pow, x, y) }

  /// `xⁿ` for an integer `n` by binary powering (for `n < 0`, of `1/x`).
  public static func pow(_ x: Ball, _ n: Int) -> Ball {
    if n >= 0 { return apply({ r, a, p in arb_pow_ui(r, a, UInt(n), p) }, x) }
    return apply({ r, a, p in
      var exponent = fmpz()
      fmpz_init(&exponent)
      defer { fmpz_clear(&exponent) }
      fmpz_set_si(&exponent, n)
      arb_pow_fmpz(r, a, &exponent, p)
    }, x)
  }

  /// The real `n`-th root; for odd `n`, negative inputs too (as `BigFloat.root`).
  public static func root(_ x: Ball, _ n: Int) -> Ball {
    precondition(n != 0, "root of order 0")
    if n == -2 { return apply(arb_rsqrt, x) }
    if n < 0 { return apply(arb_inv, root(x, -n)) }
    if n % 2 == 0 || x.isCertainlyNonnegative || !x.isFinite {
      return function({ r, a, p in arb_root_ui(r, a, UInt(n), p) }, x)
    }
    if x.isCertainlyNonpositive { return -root(-x, n) }
    // A ball straddling 0: an odd root is increasing, so the hull of the roots of its two ends
    // (each an exact ball) contains the root of every number in between.
    let low = -root(Ball(-x.lowerBound, precision: x.precision), n)
    let high = root(Ball(x.upperBound, precision: x.precision), n)
    return union(low, high)
  }
}

extension Ball {
  /// The angle of the point `(x, y)`, in `(−π, π]`; indeterminate when the balls allow a point
  /// on the branch cut `x ≤ 0, y = 0` with both signs of `y`.
  @inlinable public static func atan2(y: Ball, x: Ball) -> Ball { function(arb_atan2, y, x) }
  @inlinable public static func erf(_ x: Ball) -> Ball { function(arb_hypgeom_erf, x) }
  @inlinable public static func erfc(_ x: Ball) -> Ball { function(arb_hypgeom_erfc, x) }
  /// `Γ(x)`; indeterminate when the ball contains a pole (0, −1, −2, …).
  @inlinable public static func gamma(_ x: Ball) -> Ball { function(arb_hypgeom_gamma, x) }
  @inlinable public static func hypot(_ x: Ball, _ y: Ball) -> Ball { function(arb_hypot, x, y) }
  @inlinable public static func cbrt(_ x: Ball) -> Ball { root(x, 3) }

  /// `|x|`.
  @inlinable public static func abs(_ x: Ball) -> Ball { x.magnitude }

  /// `log |Γ(x)|`, as `BigFloat.logGamma`: by Arb's log-gamma for `x > 0`, else as the log of
  /// `|Γ(x)|` (indeterminate when the ball contains a pole).
  public static func logGamma(_ x: Ball) -> Ball {
    x.isCertainlyPositive ? function(arb_hypgeom_lgamma, x) : log(gamma(x).magnitude)
  }
}
