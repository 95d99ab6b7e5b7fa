import Numeric

/// An inequality `value relation bound`, e.g. a Rayleigh quotient `≤ 1/√ε` or a worst-case
/// violation over a grid `≤ 2^(−p+20)`. Both sides are computed at the working precision.
///
/// A negative control is a wrong variant (a wrong formula for the value, or a tighter bound)
/// for which the same relation must *fail*.
public struct InequalityCheck: Check {
  /// The two sides of one inequality; a control's nil bound is the check's own.
  public struct Sides {
    public var value: () throws -> BigFloat
    public var bound: (() throws -> BigFloat)?
  }

  public typealias Control = NegativeControl<Sides>

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

  public func evaluate(in context: CheckContext) -> CheckResult {
    let own: BigFloat
    do {
      own = try finite(bound(), "the bound")
    } catch {
      return CheckResult(
        notEvaluated: id, kind: .inequality, statement: statement,
        threshold: relation.rawValue + " bound", error: error)
    }
    return ControlledEvaluation<Sides>(
      id: id, kind: .inequality, statement: statement,
      threshold: "\(relation.rawValue) \(DecimalFormat.json(own))",
      rejection: { "not " + ($0.condition ?? "") },
      judge: { sides in
        let bound = try sides.bound.map { try finite($0(), "the bound") } ?? own
        let value = try finite(sides.value(), "the value")
        let holds = relation.holds(value, bound)
        let margin = DecimalFormat.short((bound - value).magnitude)
        return Judgement(
          status: holds ? .holds : .fails, measured: value,
          why: holds ? "holds with margin \(margin)" : "violated by \(margin)",
          condition: "\(relation.rawValue) \(DecimalFormat.json(bound))")
      }
    ).evaluate(Sides(value: value), controls: controls, in: context)
  }
}

extension InequalityCheck.Sides {
  init(value: @escaping () throws -> BigFloat) {
    self.init(value: value, bound: nil)
  }
}

extension NegativeControl where Variant == InequalityCheck.Sides {
  /// A wrong value (or a tighter `bound`; nil keeps the check's) for which the relation must fail.
  public init(
    _ description: String, value: @escaping () throws -> BigFloat,
    bound: (() throws -> BigFloat)? = nil
  ) {
    self.init(description: description, variant: .init(value: value, bound: bound))
  }
}
