extension BigFloat: Scalar {
  @inlinable public init(_ value: Int) { self.init(value, precision: Precision.bits) }
  @inlinable public init(_ value: Double) { self.init(value, precision: Precision.bits) }
  public init(_ value: Rational) { self.init(value, precision: Precision.bits) }
}
