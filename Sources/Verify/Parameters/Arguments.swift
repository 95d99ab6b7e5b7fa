import Numeric

/// The validated settings of one claim's run: precision, seed and every declared parameter's
/// value (the default unless `--set`). A claim turns them into its instance with
/// ``Claim/instance(_:)``.
public struct Arguments: Sendable {
  /// The working precision in bits (`--precision`, default 256).
  public let precision: Int
  /// The SplitMix64 seed of the instance (`--seed`, default the claim's).
  public let seed: UInt64
  /// Every declared parameter's value, in declaration order.
  public let values: [(name: String, value: ParameterValue)]

  public init(precision: Int, seed: UInt64, values: [(name: String, value: ParameterValue)]) {
    self.precision = precision
    self.seed = seed
    self.values = values
  }

  /// The arguments of `claim` with every parameter at its default.
  public init(defaultsOf claim: any Claim, precision: Int = RunRequest.defaultPrecision) {
    self.init(
      precision: precision, seed: claim.defaultSeed,
      values: claim.parameters.map { ($0.name, $0.defaultValue) })
  }

  /// The value of `parameter`, which the claim declares.
  public subscript<Value>(_ parameter: Parameter<Value>) -> Value {
    guard let entry = values.first(where: { $0.name == parameter.name }) else {
      preconditionFailure("the claim reads parameter \(parameter.name), which it does not declare")
    }
    guard let value = parameter.decode(entry.value) else {
      preconditionFailure("parameter \(parameter.name) holds \(entry.value), not \(parameter.kind.allowed)")
    }
    return value
  }

  /// A fresh generator seeded with ``seed``.
  public func generator() -> SplitMix64 { SplitMix64(seed: seed) }
}
