import Numeric

/// A typed parameter a user may set with `--set NAME=VALUE`, declared once by its claim as a
/// static property and read back with ``Arguments/subscript(_:)`` as a value of its own type:
///
/// ```swift
/// static let depth = Parameter<Int>.integer("depth", default: 4, in: 1...12, help: "layers L")
/// ...
/// let depth = arguments[Self.depth]   // an Int, validated against 1...12
/// ```
///
/// The value a claim reads has already been parsed and checked against the declared range,
/// so claim code never unwraps or re-validates it; constraints between parameters are checked
/// by the claim's ``Claim/instance(_:)``.
public struct Parameter<Value: Sendable>: ParameterDeclaration {
  public let name: String
  public let kind: ParameterKind
  public let defaultValue: ParameterValue
  public let help: String
  let decode: @Sendable (ParameterValue) -> Value?

  init(
    _ name: String, kind: ParameterKind, default defaultValue: ParameterValue, help: String,
    decode: @escaping @Sendable (ParameterValue) -> Value?
  ) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.help = help
    self.decode = decode
    precondition(
      kind.parse(defaultValue.description) == defaultValue,
      "default \(defaultValue) of parameter \(name) is not \(kind.allowed)")
  }
}

extension Parameter where Value == Int {
  public static func integer(
    _ name: String, default value: Int, in range: ClosedRange<Int>, help: String
  ) -> Parameter {
    Parameter(name, kind: .integer(range), default: .integer(value), help: help) {
      guard case .integer(let n) = $0 else { return nil }
      return n
    }
  }
}

extension Parameter where Value == Rational {
  public static func rational(
    _ name: String, default value: Rational, in interval: RationalInterval, help: String
  ) -> Parameter {
    Parameter(name, kind: .rational(interval), default: .rational(value), help: help) {
      guard case .rational(let q) = $0 else { return nil }
      return q
    }
  }

  public static func rational(
    _ name: String, default value: Rational, in range: ClosedRange<Rational>, help: String
  ) -> Parameter {
    rational(name, default: value, in: RationalInterval(range), help: help)
  }
}

extension Parameter where Value == [Int] {
  public static func integerList(
    _ name: String, default value: [Int], entries: ClosedRange<Int>, count: ClosedRange<Int>,
    help: String
  ) -> Parameter {
    Parameter(
      name, kind: .integerList(entries: entries, count: count), default: .integerList(value),
      help: help
    ) {
      guard case .integerList(let list) = $0 else { return nil }
      return list
    }
  }
}

extension Parameter where Value == [Rational] {
  public static func rationalList(
    _ name: String, default value: [Rational], entries: RationalInterval,
    count: ClosedRange<Int>, help: String
  ) -> Parameter {
    Parameter(
      name, kind: .rationalList(entries: entries, count: count), default: .rationalList(value),
      help: help
    ) {
      guard case .rationalList(let list) = $0 else { return nil }
      return list
    }
  }

  public static func rationalList(
    _ name: String, default value: [Rational], entries: ClosedRange<Rational>,
    count: ClosedRange<Int>, help: String
  ) -> Parameter {
    rationalList(name, default: value, entries: RationalInterval(entries), count: count, help: help)
  }
}

extension Parameter where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
  /// One case of a `String`-backed enumeration, written by its raw value; `among` restricts
  /// the selectable cases (all of them by default).
  public static func choice(
    _ name: String, default value: Value, among cases: [Value] = Array(Value.allCases),
    help: String
  ) -> Parameter {
    Parameter(
      name, kind: .choice(cases.map(\.rawValue)), default: .choice(value.rawValue), help: help
    ) {
      guard case .choice(let raw) = $0 else { return nil }
      return Value(rawValue: raw)
    }
  }
}
