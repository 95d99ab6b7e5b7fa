import Numeric

/// A value a user may set on the command line (`--set NAME=VALUE`), declared by a claim with its
/// kind, allowed range, default and help text.
///
/// Values are validated when parsed: a claim only ever sees values inside its declared ranges.
public struct Parameter: Sendable {
  /// What a parameter holds and which values are allowed.
  public enum Kind: Sendable, Hashable {
    /// An integer in the range.
    case integer(ClosedRange<Int>)
    /// An exact rational in the range, written `p/q` or as a decimal such as `1e-3`. Real
    /// parameters are rationals so that the instance is exact before rounding to the precision.
    case rational(ClosedRange<Rational>)
    /// One name among the listed ones.
    case choice([String])
    /// A comma-separated list of integers, each in `entries`, with a length in `count`.
    case integerList(entries: ClosedRange<Int>, count: ClosedRange<Int>)
  }

  public let name: String
  public let kind: Kind
  public let defaultValue: ParameterValue
  public let help: String

  /// A parameter whose `defaultValue` must satisfy `kind`.
  public init(_ name: String, kind: Kind, default defaultValue: ParameterValue, help: String) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.help = help
    precondition(
      (try? parse(defaultValue.description)) == defaultValue,
      "default \(defaultValue) of parameter \(name) is not \(kind.allowed)")
  }

  public static func integer(
    _ name: String, default value: Int, in range: ClosedRange<Int>, help: String
  ) -> Parameter {
    Parameter(name, kind: .integer(range), default: .integer(value), help: help)
  }

  public static func rational(
    _ name: String, default value: Rational, in range: ClosedRange<Rational>, help: String
  ) -> Parameter {
    Parameter(name, kind: .rational(range), default: .rational(value), help: help)
  }

  public static func choice(
    _ name: String, default value: String, among names: [String], help: String
  ) -> Parameter {
    Parameter(name, kind: .choice(names), default: .choice(value), help: help)
  }

  public static func integerList(
    _ name: String, default value: [Int], entries: ClosedRange<Int>, count: ClosedRange<Int>,
    help: String
  ) -> Parameter {
    Parameter(
      name, kind: .integerList(entries: entries, count: count), default: .integerList(value),
      help: help)
  }

  /// Parses `text` as a value of this parameter.
  ///
  /// - Throws: `UsageError` naming the parameter and what is valid.
  public func parse(_ text: String) throws(UsageError) -> ParameterValue {
    let value: ParameterValue?
    switch kind {
    case .integer(let range):
      value = Int(text).flatMap { range.contains($0) ? .integer($0) : nil }
    case .rational(let range):
      value = (try? Rational(parsing: text)).flatMap { range.contains($0) ? .rational($0) : nil }
    case .choice(let names):
      value = names.contains(text) ? .choice(text) : nil
    case .integerList(let entries, let count):
      let items = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
      let list = items.compactMap { $0 }
      value =
        list.count == items.count && count.contains(list.count) && list.allSatisfy(entries.contains)
        ? .integerList(list) : nil
    }
    guard let value else {
      throw UsageError("invalid value '\(text)' for parameter \(name): expected \(kind.allowed)")
    }
    return value
  }
}

extension Parameter.Kind {
  /// The allowed values in words, for help and error messages.
  public var allowed: String {
    switch self {
    case .integer(let range): "an integer in \(range.lowerBound)...\(range.upperBound)"
    case .rational(let range): "a rational in \(range.lowerBound)...\(range.upperBound)"
    case .choice(let names): "one of " + names.joined(separator: ", ")
    case .integerList(let entries, let count):
      "\(count.lowerBound)...\(count.upperBound) comma-separated integers in "
        + "\(entries.lowerBound)...\(entries.upperBound)"
    }
  }
}

/// A parameter's value.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
  case integer(Int)
  case rational(Rational)
  case choice(String)
  case integerList([Int])

  /// The text that `Parameter.parse` reads back as this value.
  public var description: String {
    switch self {
    case .integer(let n): String(n)
    case .rational(let q): q.description
    case .choice(let name): name
    case .integerList(let list): list.map(String.init).joined(separator: ",")
    }
  }
}

/// Bad command-line input: one line saying what was wrong and what is valid.
public struct UsageError: Error, CustomStringConvertible, Equatable {
  public let message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
