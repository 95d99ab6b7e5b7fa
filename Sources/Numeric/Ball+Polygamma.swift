import CMPFR
import CArb

extension Ball {
  /// The polygamma function `ψ⁽ⁿ⁾(x) = dⁿ⁺¹/dxⁿ⁺¹ log Γ(x)`, n ≥ 0, enclosed; indeterminate
  /// when the ball contains a pole (0, −1, −2, …).
  ///
  /// ψ⁽⁰⁾ is Arb's digamma (reflection for x < 0). For n ≥ 1, `ψ⁽ⁿ⁾(x) = (−1)ⁿ⁺¹ n! ζ(n+1, x)`
  /// with the Hurwitz zeta function, defined by its series `Σₖ (x+k)^−(n+1)` for x > 0; a
  /// ball not certainly positive is first shifted by `ζ(s, x) = Σ_{k<m} (x+k)^−s + ζ(s, x+m)`,
  /// m steps of work for x ≈ −m.
  public static func polygamma(_ n: Int, _ x: Ball) -> Ball {
    precondition(n >= 0, "polygamma of negative order \(n)")
    if n == 0 { return function(arb_digamma, x) }
    guard x.isFinite else { return x / Ball(0, precision: x.precision) }
    let s = Ball(n + 1, precision: x.precision)
    var shifted = x
    var head = Ball(0, precision: x.precision)
    while !shifted.isCertainlyPositive {
      head += pow(shifted, -(n + 1))
      shifted += 1
    }
    var factorial = Ball(1, precision: x.precision)
    for k in 1...n { factorial *= Ball(k, precision: x.precision) }
    let zeta = head + function(arb_hurwitz_zeta, s, shifted)
    return n % 2 == 1 ? factorial * zeta : -(factorial * zeta)
  }
}

extension BigFloat {
  /// `ψ⁽ⁿ⁾(x)`: MPFR's correctly rounded digamma for n = 0; for n ≥ 1 the midpoint of Arb's
  /// enclosure at 64 guard bits, rounded once (accurate to the last bit unless x is within
  /// 2^−64 relative of a pole).
  public static func polygamma(_ n: Int, _ x: BigFloat) -> BigFloat {
    precondition(n >= 0, "polygamma of negative order \(n)")
    if n == 0 { return function(mpfr_digamma, x) }
    let guarded = x.precision + 64
    let enclosure = Ball.polygamma(n, Ball(x, precision: guarded))
    return enclosure.midpoint.rounded(toPrecision: x.precision)
  }
}

extension Double {
  /// `ψ⁽ⁿ⁾(x)` through `BigFloat` at 64 bits, rounded to binary64.
  public static func polygamma(_ n: Int, _ x: Double) -> Double {
    BigFloat.polygamma(n, BigFloat(x, precision: 64)).doubleValue
  }
}
