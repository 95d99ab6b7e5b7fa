/// The working precision, in bits, of values created without an explicit precision.
///
/// Literals, conversions and constants (`BigFloat(1) / 3`, `BigFloat.pi`) take their precision
/// from this task-local value; arithmetic on existing values does not read it (a result takes
/// the larger precision of its operands). Because it is task-local, tests and claims running
/// concurrently each see their own precision.
public enum Precision {
  /// The smallest precision ClaimCheck accepts (MPFR itself allows 1 bit).
  public static let minimumBits = 2
  /// The largest precision ClaimCheck accepts. MPFR allows far more, but nothing we check needs it.
  public static let maximumBits = 1 << 24

  @TaskLocal public static var bits: Int = 256
}

/// Runs `body` with `bits` as the default precision of new values.
@inlinable
public func withPrecision<R>(_ bits: Int, _ body: () throws -> R) rethrows -> R {
  precondition(
    (Precision.minimumBits...Precision.maximumBits).contains(bits),
    "precision \(bits) is outside \(Precision.minimumBits)...\(Precision.maximumBits) bits")
  return try Precision.$bits.withValue(bits, operation: body)
}

/// Runs `body` with `bits` as the default precision of new values.
@inlinable
public func withPrecision<R>(
  _ bits: Int, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> R
) async rethrows -> R {
  precondition(
    (Precision.minimumBits...Precision.maximumBits).contains(bits),
    "precision \(bits) is outside \(Precision.minimumBits)...\(Precision.maximumBits) bits")
  return try await Precision.$bits.withValue(bits, operation: body)
}
