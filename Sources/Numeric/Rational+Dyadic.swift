import CGMP

extension Rational {
  /// `n · 2^exponent` with the integer `n = round(x / 2^exponent)` by `rule`, exactly: `x`
  /// rounded to the grid of integer multiples of `2^exponent`.
  ///
  /// The rules are those of ``BigFloat/rounded(_:toMultipleOfPowerOfTwo:)``: by default to the
  /// nearest multiple with ties to even `n`; `.toNearestOrAwayFromZero` sends ties away from
  /// zero; the directed rules round down, up, toward or away from zero. Values already on the
  /// grid are returned unchanged.
  public func rounded(
    _ rule: FloatingPointRoundingRule = .toNearestOrEven, toMultipleOfPowerOfTwo exponent: Int
  ) -> Rational {
    // x / 2^exponent = a / b with b > 0; a = b·floor + remainder, 0 ≤ remainder < b.
    let scale = BigInt.pow(2, abs(exponent))
    let (a, b) = exponent <= 0 ? (numerator * scale, denominator) : (numerator, denominator * scale)
    let (floor, remainder) = a.floorDivided(by: b)
    let grid = Rational.pow(Rational(2), exponent)
    guard !remainder.isZero else { return Rational(floor) * grid }
    let twice = remainder + remainder
    let roundUp: Bool
    switch rule {
    case .down: roundUp = false
    case .up: roundUp = true
    case .towardZero: roundUp = signum < 0
    case .awayFromZero: roundUp = signum > 0
    case .toNearestOrEven:
      roundUp = twice == b ? floor.isOdd : twice > b
    case .toNearestOrAwayFromZero:
      roundUp = twice == b ? signum > 0 : twice > b
    @unknown default:
      preconditionFailure("unknown rounding rule \(rule)")
    }
    return Rational(roundUp ? floor + 1 : floor) * grid
  }
}

extension BigInt {
  /// `(⌊a/b⌋, a − b⌊a/b⌋)` for `b > 0`: the remainder lies in `[0, b)`.
  func floorDivided(by b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
    precondition(b.signum > 0, "floor division by a non-positive integer")
    let quotient = BigInt.binary(self, b, __gmpz_fdiv_q)
    return (quotient, self - b * quotient)
  }

  /// Whether the integer is odd.
  var isOdd: Bool { withMPZ { __gmpz_tstbit($0, 0) } != 0 }
}
