extension Scalar {
  /// The machine epsilon of the working precision: the gap between 1 and the next larger
  /// value, `2^(1 − p)` for a `p`-bit significand.
  ///
  /// Found by halving `ε` while `1 + ε/2` still rounds above 1, so it needs nothing but the
  /// field operations and holds for every `Scalar` (for `BigFloat`, at the task-local
  /// `Precision.bits`). Convergence thresholds throughout the module derive from it.
  public static var workingEpsilon: Self {
    let one = Self(1)
    var epsilon = one
    while one + epsilon / 2 > one { epsilon /= 2 }
    return epsilon
  }

  /// The significand bits `p` of the working precision, from ``workingEpsilon`` `= 2^(1 − p)`.
  public static var workingBits: Int {
    1 + Int((-Self.log(workingEpsilon).doubleValue / 0.6931471805599453).rounded())
  }
}
