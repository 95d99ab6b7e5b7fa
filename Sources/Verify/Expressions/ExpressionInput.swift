import Numeric
import Symbolic

/// Parsing of the users' own mathematics on the command line, with errors as `UsageError`s.
enum ExpressionInput {
  /// `text` parsed as an expression, with the variables the text names: the input is a
  /// function of those even where simplification cancels one (`x - x` is 0).
  static func parse(
    _ text: String, _ what: String = "expression"
  ) throws(UsageError) -> (expression: Expr, variables: [String]) {
    do {
      return try Expr.parseWithVariables(text)
    } catch {
      throw UsageError("cannot parse \(what) '\(EchoedInput.cut(text))': \(error)")
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
        throw UsageError("malformed --at '\(EchoedInput.cut(assignment))'; expected NAME=VALUE")
      }
      let name = String(assignment[..<equals])
      let text = String(assignment[assignment.index(after: equals)...])
      let value = try parse(text, "the value of \(EchoedInput.cut(name))")
      guard variables.contains(name) else {
        throw UsageError(
          "variable '\(EchoedInput.cut(name))' does not occur in the expression; its variables: "
            + (variables.isEmpty ? "none" : variables.joined(separator: ", ")))
      }
      guard !bindings.contains(where: { $0.name == name }) else {
        throw UsageError("variable \(name) is given twice")
      }
      guard value.variables.isEmpty else {
        throw UsageError("the value of \(name) must be a constant, not '\(EchoedInput.cut(text))'")
      }
      bindings.append((name, value.expression))
    }
    if let missing = variables.first(where: { name in !bindings.contains { $0.name == name } }) {
      throw UsageError("variable \(missing) has no value; give it with --at \(missing)=VALUE")
    }
    return bindings
  }
}
