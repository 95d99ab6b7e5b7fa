import CMPFR

extension BigFloat {
  /// `n · 2^exponent` with the integer `n = round(x / 2^exponent)` by `rule`: `x` rounded to the
  /// grid of integer multiples of `2^exponent` (e.g. `exponent = −60` for the grid `2⁻⁶⁰ℤ`).
  ///
  /// The default rule rounds to the nearest multiple, a tie (`x` exactly halfway between two
  /// multiples) to the one with an even `n`; `.toNearestOrAwayFromZero` sends ties away from
  /// zero, and the directed rules round down, up, toward or away from zero. Values already on
  /// the grid are returned unchanged.
  ///
  /// - Accuracy: exact. The result keeps `x`'s precision, which always holds `n · 2^exponent`
  ///   (when `x`'s last bit is coarser than the grid, `x` is already a multiple). NaN and ±∞ are
  ///   returned unchanged.
  public func rounded(
    _ rule: FloatingPointRoundingRule = .toNearestOrEven, toMultipleOfPowerOfTwo exponent: Int
  ) -> BigFloat {
    guard isFinite, !isZero else { return self }
    return BigFloat.make(precision: precision) { result in
      withMPFR { x in
        // Scaling by a power of two only moves the exponent: exact.
        _ = mpfr_mul_2si(result, x, -exponent, MPFR_RNDN)
        if rule == .toNearestOrAwayFromZero {
          _ = mpfr_round(result, result)
        } else {
          _ = mpfr_rint(result, result, rule.mpfr)
        }
        _ = mpfr_mul_2si(result, result, exponent, MPFR_RNDN)
      }
    }
  }
}
