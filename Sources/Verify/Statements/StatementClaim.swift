import Numeric

/// A claim written in the expression language rather than in Swift: rational parameters and
/// statements (``IdentityStatement``, ``InequalityStatement``, ``RateStatement``,
/// ``CriticalStatement``), from the command line (`verify inequality …`) or a claim file
/// (`verify check FILE.toml`). It runs through the same runner, checks and reports as a
/// built-in claim.
public struct StatementClaim: Claim {
  public typealias Instance = Arguments

  public let id: String
  public let title: String
  public let source: Source
  public let statement: String
  public let parameters: [any ParameterDeclaration]
  public let statements: [any Statement]
  /// The command that runs this claim, before `--precision`, `--seed` and `--set`.
  public let invocation: String

  /// - Throws: `UsageError` for two statements with one id, or a statement that uses a name
  ///   which is neither its variable nor a parameter.
  public init(
    id: String, title: String, source: Source, statement: String,
    parameters: [Parameter<Rational>] = [], statements: [any Statement], invocation: String
  ) throws(UsageError) {
    for (i, s) in statements.enumerated() {
      guard !statements[..<i].contains(where: { $0.id == s.id }) else {
        throw UsageError("two statements have the id \(s.id)")
      }
      if let unknown = s.parameterNames.first(where: { name in !parameters.contains { $0.name == name } }) {
        throw UsageError(
          "\(s.id): '\(EchoedInput.cut(unknown))' is neither a variable of the statement nor a parameter"
            + (parameters.isEmpty ? "" : " (parameters: \(parameters.map(\.name).joined(separator: ", ")))"))
      }
    }
    self.id = id
    self.title = title
    self.source = source
    self.statement = statement
    self.parameters = parameters
    self.statements = statements
    self.invocation = invocation
  }

  public func measure(_ arguments: Arguments, _ measurements: Measurements) throws {
    var values: [String: Rational] = [:]
    for (name, value) in arguments.values {
      if case .rational(let q) = value { values[name] = q }
    }
    for statement in statements { measurements.add(try statement.check(values, measurements)) }
  }

  public func command(_ arguments: Arguments) -> String {
    ([invocation, "--precision \(arguments.precision)", "--seed \(arguments.seed)"]
      + arguments.values.map { "--set \($0.name)=\($0.value)" }).joined(separator: " ")
  }
}

/// `text` quoted for a POSIX shell: in single quotes, each `'` written `'\''`.
public func shellQuoted(_ text: String) -> String {
  "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
}
