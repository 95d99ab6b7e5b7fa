/// A value computed once per precision and shared by everything a check evaluates at that
/// precision.
///
/// A check's residual and its negative controls climb the same ladder, and each would otherwise
/// rebuild the same expensive object at every rung (a Newton solution, a discretised run, a
/// network propagated over its data set). `value(bits:)` makes it with `make(bits)` on first
/// use at `bits`, inside the caller's `withPrecision(bits)`, and returns the same value
/// afterwards.
///
/// Not thread-safe: it belongs to the check whose closures capture it, and a check is evaluated
/// on one task. A value that fails to be made is not stored, so a later call retries it.
final class PerRung<Value> {
  private let make: (Int) throws -> Value
  private var values: [Int: Value] = [:]

  init(_ make: @escaping (_ bits: Int) throws -> Value) { self.make = make }

  func value(bits: Int) throws -> Value {
    if let value = values[bits] { return value }
    let value = try make(bits)
    values[bits] = value
    return value
  }
}
