import CMPFR

/// Exact conversions and operations: the value when MPFR reports it exact (ternary value 0),
/// else nil. The operators round silently, which is what a residual wants; a claim that needs
/// a number to be exactly what it says (a rational parameter such as a step of 1/4 taken into
/// `BigFloat`, a product that must not lose a bit) asks here instead and fails loudly.
/// NaN and infinite results are never exact (`0/0`, `1/0`).
extension BigFloat {
  /// `value` if it is exactly representable with `precision` bits, else nil (`1/4` is at any
  /// precision, `1/3` at none).
  public init?(exactly value: Rational, precision: Int = Precision.bits) {
    var ternary: Int32 = 0
    self.init(precision: precision)
    withMutableMPFR { x in value.withMPQ { q in ternary = mpfr_set_q(x, q, MPFR_RNDN) } }
    guard ternary == 0 else { return nil }
  }

  /// `value` at `precision` bits if that loses nothing, else nil.
  public init?(exactly value: BigFloat, precision: Int) {
    guard let exact = BigFloat.exactly(mpfr_set, value, precision: precision) else { return nil }
    self = exact
  }

  /// `x + y` at `precision` bits if exact there, else nil.
  public static func exactSum(_ x: BigFloat, _ y: BigFloat, precision: Int) -> BigFloat? {
    exactly(mpfr_add, x, y, precision: precision)
  }

  /// `x − y` at `precision` bits if exact there, else nil.
  public static func exactDifference(_ x: BigFloat, _ y: BigFloat, precision: Int) -> BigFloat? {
    exactly(mpfr_sub, x, y, precision: precision)
  }

  /// `x · y` at `precision` bits if exact there (always, from `x.precision + y.precision`
  /// bits on), else nil.
  public static func exactProduct(_ x: BigFloat, _ y: BigFloat, precision: Int) -> BigFloat? {
    exactly(mpfr_mul, x, y, precision: precision)
  }

  /// `x / y` at `precision` bits if exact there, else nil.
  public static func exactQuotient(_ x: BigFloat, _ y: BigFloat, precision: Int) -> BigFloat? {
    exactly(mpfr_div, x, y, precision: precision)
  }

  static func exactly(_ op: MPFRUnary, _ x: BigFloat, precision: Int) -> BigFloat? {
    var ternary: Int32 = 0
    let result = make(precision: precision) { r in x.withMPFR { a in ternary = op(r, a, MPFR_RNDN) } }
    return ternary == 0 && result.isFinite ? result : nil
  }

  static func exactly(_ op: MPFRBinary, _ x: BigFloat, _ y: BigFloat, precision: Int) -> BigFloat? {
    var ternary: Int32 = 0
    let result = make(precision: precision) { r in
      x.withMPFR { a in y.withMPFR { b in ternary = op(r, a, b, MPFR_RNDN) } }
    }
    return ternary == 0 && result.isFinite ? result : nil
  }
}
