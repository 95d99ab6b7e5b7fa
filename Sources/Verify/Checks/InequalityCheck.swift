import Numeric

/// An inequality `value relation bound`, e.g. a Rayleigh quotient `≤ 1/√ε` or a worst-case
/// violation over a grid `≤ 2^(−p+20)`. Both sides are computed at the working precision.
///
/// A negative control is a wrong variant (a wrong formula for the value, or a tighter bound)
/// for which the same relation must *fail*.
public struct InequalityCheck: Check {
  public struct Control {
    public var description: String
    public var value: () throws -> BigFloat
    /// The variant's bound; nil for the check's own bound.
    public var bound: (() throws -> BigFloat)?

    public init(
      _ description: String, value: @escaping () throws -> BigFloat,
      bound: (() throws -> BigFloat)? = nil
    ) {
      self.description = description
      self.value = value
      self.bound = bound
    }
  }

  public var id: String
  public var statement: String
  public var value: () throws -> BigFloat
  public var relation: Relation
  public var bound: () throws -> BigFloat
  public var controls: [Control]

  public init(
    id: String, statement: String, value: @escaping () throws -> BigFloat, _ relation: Relation,
    bound: @escaping () throws -> BigFloat, controls: [Control]
  ) {
    self.id = id
    self.statement = statement
    self.value = value
    self.relation = relation
    self.bound = bound
    self.controls = controls
  }

  public func evaluate(in context: Context) -> CheckResult {
    var threshold = relation.rawValue + " bound"
    do {
      let bound = try finite(bound(), "the bound")
      threshold = "\(relation.rawValue) \(DecimalFormat.json(bound))"
      let value = try finite(value(), "the value")
      let holds = relation.holds(value, bound)
      let controls = try controls.map { control in
        let name = "control '\(control.description)'"
        let controlBound =
          try control.bound.map { try finite($0(), "the bound of \(name)") } ?? bound
        let measured = try finite(control.value(), "the value of \(name)")
        return ControlResult(
          description: control.description, rejected: !relation.holds(measured, controlBound),
          measured: measured,
          threshold: "not \(relation.rawValue) \(DecimalFormat.json(controlBound))")
      }
      let margin = DecimalFormat.short((bound - value).magnitude)
      return CheckResult(
        id: id, kind: .inequality, statement: statement, holds: holds,
        why: holds ? "holds with margin \(margin)" : "violated by \(margin)",
        measured: value, threshold: threshold, controls: controls)
    } catch {
      return CheckResult(
        id: id, kind: .inequality, statement: statement, threshold: threshold, error: error)
    }
  }
}
