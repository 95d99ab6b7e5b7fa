import CMPFR

extension BigFloat: Equatable {
  /// Numerical equality across precisions: `+0 == −0`, NaN is equal to nothing.
  @inlinable
  public static func == (x: BigFloat, y: BigFloat) -> Bool {
    x.withMPFR { a in y.withMPFR { b in mpfr_equal_p(a, b) != 0 } }
  }
}

extension BigFloat: Comparable {
  /// Numerical order; every comparison with NaN is false.
  @inlinable
  public static func < (x: BigFloat, y: BigFloat) -> Bool {
    x.withMPFR { a in y.withMPFR { b in mpfr_less_p(a, b) != 0 } }
  }

  @inlinable
  public static func <= (x: BigFloat, y: BigFloat) -> Bool {
    x.withMPFR { a in y.withMPFR { b in mpfr_lessequal_p(a, b) != 0 } }
  }

  @inlinable
  public static func > (x: BigFloat, y: BigFloat) -> Bool { y < x }

  @inlinable
  public static func >= (x: BigFloat, y: BigFloat) -> Bool { y <= x }
}

extension BigFloat: Hashable {
  /// Hashes the value, not the representation: equal values of different precisions
  /// hash alike (the significand's trailing zero limbs are skipped, both zeros hash as one).
  public func hash(into hasher: inout Hasher) {
    guard isFinite, !isZero else {
      hasher.combine(isZero ? 0 : isNaN ? 1 : isNegative ? 2 : 3)
      return
    }
    hasher.combine(isNegative)
    hasher.combine(exponent)
    withMPFR { x in
      let limbs = x.pointee._mpfr_d!
      let count = (precision + mp_limb_t.bitWidth - 1) / mp_limb_t.bitWidth
      var low = 0
      while low < count && limbs[low] == 0 { low += 1 }
      for index in stride(from: count - 1, through: low, by: -1) { hasher.combine(limbs[index]) }
    }
  }
}
