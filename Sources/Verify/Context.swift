import Numeric

/// What a claim runs with: the working precision, the seed, the validated parameter values; and
/// where it records the named values its report shows.
///
/// A context belongs to one claim's run, inside one task; it is not shared between claims.
public final class Context {
  /// The working precision in bits (`--precision`, default 256).
  public let precision: Int
  /// The SplitMix64 seed of the instance (`--seed`, default the claim's).
  public let seed: UInt64
  /// Every declared parameter's value, in declaration order.
  public let parameters: [(name: String, value: ParameterValue)]
  /// The named values recorded so far, in recording order, as decimal strings.
  public private(set) var values: [(name: String, value: String)] = []

  public init(precision: Int, seed: UInt64, parameters: [(name: String, value: ParameterValue)]) {
    self.precision = precision
    self.seed = seed
    self.parameters = parameters
  }

  /// The precision ladder of identity-like checks: `p/4, p/2, p, 2p` for working precision `p`
  /// (64, 128, 256, 512 at the default). A true identity's residual falls along it.
  public var ladder: [Int] { [precision / 4, precision / 2, precision, 2 * precision] }

  /// A fresh generator seeded with ``seed``.
  public func generator() -> SplitMix64 { SplitMix64(seed: seed) }

  // MARK: Parameters

  public func integer(_ name: String) -> Int {
    guard case .integer(let n) = value(of: name) else { wrongKind(name, "integer") }
    return n
  }

  public func rational(_ name: String) -> Rational {
    guard case .rational(let q) = value(of: name) else { wrongKind(name, "rational") }
    return q
  }

  /// A rational parameter rounded to the working precision.
  public func real(_ name: String) -> BigFloat { BigFloat(rational(name)) }

  public func choice(_ name: String) -> String {
    guard case .choice(let choice) = value(of: name) else { wrongKind(name, "choice") }
    return choice
  }

  public func integers(_ name: String) -> [Int] {
    guard case .integerList(let list) = value(of: name) else { wrongKind(name, "integer list") }
    return list
  }

  private func value(of name: String) -> ParameterValue {
    guard let entry = parameters.first(where: { $0.name == name }) else {
      preconditionFailure("the claim reads parameter \(name), which it does not declare")
    }
    return entry.value
  }

  private func wrongKind(_ name: String, _ kind: String) -> Never {
    preconditionFailure("parameter \(name) is not declared as \(kind)")
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

  /// Records a non-numeric value (a class label such as `B`) as given.
  public func record(_ name: String, text: String) {
    precondition(!values.contains { $0.name == name }, "value \(name) recorded twice")
    values.append((name, text))
  }
}
