extension Scalar {
  /// The machine epsilon of the working precision: the gap between 1 and the next larger
  /// value, `2^(1 − p)` for a `p`-bit significand.
  ///
  /// Found as `2⁻ᵏ` for the largest `k` with `1 + 2⁻ᵏ > 1`, by doubling `k` and then
  /// bisecting (O(log p) comparisons, not p halvings: quadrature asks for it per node of a
  /// rule), so it needs nothing but the field operations and conversions and holds for every
  /// `Scalar` (for `BigFloat`, at the task-local `Precision.bits`). Convergence thresholds
  /// throughout the module derive from it.
  public static var workingEpsilon: Self {
    let one = Self(1)
    func resolves(_ k: Int) -> Bool { one + Self(Rational.pow(Rational(2), -k)) > one }
    // resolves(low), and high is the first doubling that does not.
    var (low, high) = (0, 1)
    while resolves(high) { (low, high) = (high, 2 * high) }
    while high - low > 1 {
      let middle = (low + high) / 2
      if resolves(middle) { low = middle } else { high = middle }
    }
    return Self(Rational.pow(Rational(2), -low))
  }

  /// The significand bits `p` of the working precision, from ``workingEpsilon`` `= 2^(1 − p)`.
  public static var workingBits: Int {
    1 + Int((-Self.log(workingEpsilon).doubleValue / 0.6931471805599453).rounded())
  }
}
