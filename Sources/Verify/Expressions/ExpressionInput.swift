import Numeric
import Symbolic

/// Parsing of the users' own mathematics on the command line, with errors as `UsageError`s.
enum ExpressionInput {
  /// `text` parsed as an expression.
  static func parse(_ text: String, _ what: String = "expression") throws(UsageError) -> Expr {
    do {
      return try Expr.parse(text)
    } catch {
      throw UsageError("cannot parse \(what) '\(text)': \(error)")
    }
  }

  /// `NAME=VALUE` assignments whose values are constant expressions (`1/2`, `pi/4`, `sqrt(2)`).
  /// Every name must be one of `variables`, once; every variable must be assigned.
  static func bindings(
    _ assignments: [String], for variables: [String]
  ) throws(UsageError) -> [(name: String, value: Expr)] {
    var bindings: [(name: String, value: Expr)] = []
    for assignment in assignments {
      guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
        throw UsageError("malformed --at '\(assignment)'; expected NAME=VALUE")
      }
      let name = String(assignment[..<equals])
      let value = try parse(
        String(assignment[assignment.index(after: equals)...]), "the value of \(name)")
      guard variables.contains(name) else {
        throw UsageError(
          "variable '\(name)' does not occur in the expression; its variables: "
            + (variables.isEmpty ? "none" : variables.joined(separator: ", ")))
      }
      guard !bindings.contains(where: { $0.name == name }) else {
        throw UsageError("variable \(name) is given twice")
      }
      guard value.freeVariables.isEmpty else {
        throw UsageError("the value of \(name) must be a constant, not '\(value)'")
      }
      bindings.append((name, value))
    }
    if let missing = variables.first(where: { name in !bindings.contains { $0.name == name } }) {
      throw UsageError("variable \(missing) has no value; give it with --at \(missing)=VALUE")
    }
    return bindings
  }
}
