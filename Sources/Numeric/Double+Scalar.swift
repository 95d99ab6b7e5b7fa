import RealModule

extension Double: Scalar {
  /// The rational `value` rounded to the nearest binary64 (through MPFR, so correctly).
  @inlinable
  public init(_ value: Rational) {
    self = value.doubleValue
  }

  @inlinable public var doubleValue: Double { self }

  /// `2⁻⁵²`.
  @inlinable public static var workingEpsilon: Double { .ulpOfOne }
}
