import Numeric

/// Where a claim's run puts what it measured: the named values its report shows and the
/// checks the engine evaluates, in the order the claim adds them.
///
/// A value of this type belongs to one claim's run, inside one task; it is not shared.
public final class Measurements {
  /// The working precision in bits.
  public let precision: Int
  /// The SplitMix64 seed of the instance.
  public let seed: UInt64
  /// The named values recorded so far, in recording order, as decimal strings.
  public private(set) var values: [(name: String, value: String)] = []
  /// The checks added so far, in claim order.
  public private(set) var checks: [any Check] = []

  public init(precision: Int, seed: UInt64) {
    self.precision = precision
    self.seed = seed
  }

  /// The precision ladder of identity-like checks: `p/4, p/2, p, 2p` for working precision `p`
  /// (64, 128, 256, 512 at the default). A true identity's residual falls along it.
  public var ladder: [Int] { CheckContext(precision: precision).ladder }

  /// A fresh generator seeded with ``seed``.
  public func generator() -> SplitMix64 { SplitMix64(seed: seed) }

  // MARK: Checks

  /// Adds `check` after the ones already added; ids are unique within a claim.
  public func add(_ check: some Check) {
    precondition(!checks.contains { $0.id == check.id }, "check \(check.id) added twice")
    checks.append(check)
  }

  /// Adds every check of `checks`, in order.
  public func add(_ checks: [any Check]) {
    for check in checks { add(check) }
  }

  /// Adds, in the place of check `id`, the statement that does not apply to this instance and
  /// why (`"every hidden layer has one unit, so no unit can be mispaired"`): the report shows it
  /// as not applicable rather than leaving it out, and it does not count for or against the
  /// claim.
  public func notApplicable(id: String, kind: CheckKind, statement: String, why: String) {
    add(NotApplicableCheck(id: id, kind: kind, statement: statement, why: why))
  }

  // MARK: Named values

  /// Records `value` with every decimal digit its precision supports (77 at 256 bits).
  public func record(_ name: String, _ value: BigFloat) {
    record(name, text: DecimalFormat.full(value))
  }

  /// Records an exact rational as `p/q`.
  public func record(_ name: String, _ value: Rational) {
    record(name, text: value.description)
  }

  public func record(_ name: String, _ value: Int) {
    record(name, text: String(value))
  }

  public func record(_ name: String, _ value: Bool) {
    record(name, text: String(value))
  }

  /// Records a non-numeric value (a class label such as `B`) as given.
  public func record(_ name: String, text: String) {
    precondition(!values.contains { $0.name == name }, "value \(name) recorded twice")
    values.append((name, text))
  }
}
