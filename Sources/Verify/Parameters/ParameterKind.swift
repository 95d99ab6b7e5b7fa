import Numeric

/// What a parameter holds and which values are allowed. Numbers are written in
/// ``NumberSyntax``; lists are comma-separated with no spaces.
public enum ParameterKind: Sendable, Hashable {
  /// An integer in the range.
  case integer(ClosedRange<Int>)
  /// An exact rational in the interval. Real parameters are rationals so that the instance is
  /// exact before it is rounded to the working precision.
  case rational(RationalInterval)
  /// One name among the listed ones.
  case choice([String])
  /// Integers, each in `entries`, with a length in `count`.
  case integerList(entries: ClosedRange<Int>, count: ClosedRange<Int>)
  /// Rationals, each in `entries`, with a length in `count`.
  case rationalList(entries: RationalInterval, count: ClosedRange<Int>)

  /// The kind's name in `verify list --format json`.
  public var name: String {
    switch self {
    case .integer: "integer"
    case .rational: "rational"
    case .choice: "choice"
    case .integerList: "integer list"
    case .rationalList: "rational list"
    }
  }

  /// The allowed values in words, for `verify list`, help and error messages.
  public var allowed: String {
    switch self {
    case .integer(let range): "an integer in \(range.lowerBound)...\(range.upperBound)"
    case .rational(let interval): "a rational in \(interval)"
    case .choice(let names): "one of " + names.joined(separator: ", ")
    case .integerList(let entries, let count):
      "\(Self.length(count)) comma-separated integers in \(entries.lowerBound)...\(entries.upperBound)"
    case .rationalList(let entries, let count):
      "\(Self.length(count)) comma-separated rationals in \(entries)"
    }
  }

  private static func length(_ count: ClosedRange<Int>) -> String {
    count.lowerBound == count.upperBound
      ? "\(count.lowerBound)" : "\(count.lowerBound)...\(count.upperBound)"
  }

  /// `text` as a value of this kind, or nil.
  func parse(_ text: String) -> ParameterValue? {
    switch self {
    case .integer(let range):
      return NumberSyntax.integer(Substring(text)).flatMap { range.contains($0) ? .integer($0) : nil }
    case .rational(let interval):
      return NumberSyntax.rational(Substring(text)).flatMap {
        interval.contains($0) ? .rational($0) : nil
      }
    case .choice(let names):
      return names.contains(text) ? .choice(text) : nil
    case .integerList(let entries, let count):
      return Self.list(text, count) { NumberSyntax.integer($0).flatMap { entries.contains($0) ? $0 : nil } }
        .map(ParameterValue.integerList)
    case .rationalList(let entries, let count):
      return Self.list(text, count) {
        NumberSyntax.rational($0).flatMap { entries.contains($0) ? $0 : nil }
      }.map(ParameterValue.rationalList)
    }
  }

  private static func list<Entry>(
    _ text: String, _ count: ClosedRange<Int>, _ entry: (Substring) -> Entry?
  ) -> [Entry]? {
    let items = text.split(separator: ",", omittingEmptySubsequences: false)
    let entries = items.compactMap(entry)
    return entries.count == items.count && count.contains(entries.count) ? entries : nil
  }
}

/// An interval of rationals whose ends may be open: `[a, b]`, `(a, b]`, `[a, b)` or `(a, b)`.
public struct RationalInterval: Sendable, Hashable, CustomStringConvertible {
  public var lower: Rational
  public var upper: Rational
  public var lowerIsOpen: Bool
  public var upperIsOpen: Bool

  public init(lower: Rational, upper: Rational, lowerIsOpen: Bool = false, upperIsOpen: Bool = false) {
    precondition(lower <= upper, "an interval needs lower ≤ upper")
    self.lower = lower
    self.upper = upper
    self.lowerIsOpen = lowerIsOpen
    self.upperIsOpen = upperIsOpen
  }

  /// `[range.lowerBound, range.upperBound]`.
  public init(_ range: ClosedRange<Rational>) {
    self.init(lower: range.lowerBound, upper: range.upperBound)
  }

  /// `(lower, upper]`: positive step sizes, times after 0.
  public static func above(_ lower: Rational, upTo upper: Rational) -> RationalInterval {
    RationalInterval(lower: lower, upper: upper, lowerIsOpen: true)
  }

  /// `[lower, upper)`.
  public static func from(_ lower: Rational, below upper: Rational) -> RationalInterval {
    RationalInterval(lower: lower, upper: upper, upperIsOpen: true)
  }

  public func contains(_ x: Rational) -> Bool {
    (lowerIsOpen ? x > lower : x >= lower) && (upperIsOpen ? x < upper : x <= upper)
  }

  /// `[a, b]`-style, with parentheses at open ends; closed intervals print as `a...b`.
  public var description: String {
    if !lowerIsOpen && !upperIsOpen { return "\(lower)...\(upper)" }
    return (lowerIsOpen ? "(" : "[") + "\(lower), \(upper)" + (upperIsOpen ? ")" : "]")
  }
}
