import Numeric
import Symbolic

/// One statement of a claim written in the expression language (on the command line or in a
/// claim file): an identity, an inequality, a rate or a critical point, with its built-in
/// negative control. It becomes one check of the engine's kinds, so it is judged, controlled
/// and reported exactly as a built-in claim's check is.
public protocol Statement: Sendable {
  /// The check's id, unique within its claim.
  var id: String { get }
  /// The names its expressions use besides its own variables: they must be the claim's
  /// parameters, whose values are substituted before anything is evaluated.
  var parameterNames: [String] { get }
  /// Records the statement's named values and returns its check, with `parameters`
  /// substituted. Runs inside the claim's `measure`, at the working precision.
  func check(_ parameters: [String: Rational], _ measurements: Measurements) throws -> any Check
}

extension Expr {
  /// The expression with each named parameter replaced by its exact value.
  func binding(_ parameters: [String: Rational]) -> Expr {
    parameters.keys.sorted().reduce(self) { $0.substitute($1, with: Expr(parameters[$1]!)) }
  }
}

/// The names `names` uses that are not among `variables`, sorted and without repeats.
func parameterNames(_ names: [String], besides variables: [String]) -> [String] {
  Array(Set(names).subtracting(variables)).sorted()
}
