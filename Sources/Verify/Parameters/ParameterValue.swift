import Numeric

/// A parameter's value, as parsed and validated against its ``ParameterKind``.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
  case integer(Int)
  case rational(Rational)
  case choice(String)
  case integerList([Int])
  case rationalList([Rational])

  /// The text that the parameter's parser reads back as this value (`p/q` for rationals).
  public var description: String {
    switch self {
    case .integer(let n): String(n)
    case .rational(let q): q.description
    case .choice(let name): name
    case .integerList(let list): list.map(String.init).joined(separator: ",")
    case .rationalList(let list): list.map(\.description).joined(separator: ",")
    }
  }
}
