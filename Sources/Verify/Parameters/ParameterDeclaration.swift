/// A parameter as the command line and `verify list` see it, whatever Swift type its value
/// has: its name, kind, default and help. ``Parameter`` is the one conforming type; claims list
/// their parameters as `[any ParameterDeclaration]`.
public protocol ParameterDeclaration: Sendable {
  /// The name in `--set NAME=VALUE`.
  var name: String { get }
  var kind: ParameterKind { get }
  var defaultValue: ParameterValue { get }
  /// One line saying what the parameter is and where it is used.
  var help: String { get }
}

extension ParameterDeclaration {
  /// Parses `text` as a value of this parameter.
  ///
  /// - Throws: `UsageError` naming the parameter, the value (cut and escaped) and what is valid.
  public func parse(_ text: String) throws(UsageError) -> ParameterValue {
    guard let value = kind.parse(text) else {
      throw UsageError(
        "invalid value '\(EchoedInput.cut(text))' for parameter \(name): expected "
          + "\(kind.allowed) (\(kind.syntax))")
    }
    return value
  }
}

extension ParameterKind {
  /// How numbers of this kind are written.
  var syntax: String {
    switch self {
    case .integer, .integerList: NumberSyntax.integerForms
    case .rational, .rationalList: NumberSyntax.rationalForms
    case .choice: "a name"
    }
  }
}
