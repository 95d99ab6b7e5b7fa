import Numeric

/// An inequality `value relation bound`, e.g. a Rayleigh quotient `≤ 1/√ε` or a worst-case
/// violation over a grid `≤ 2^(−p+20)`. Both sides are computed at the working precision.
///
/// A negative control is a wrong variant (a wrong formula for the value, or a tighter bound)
/// for which the same relation must *fail*.
///
/// With an `enclosure` (the same value and bound computed in `Ball`s), the inequality is
/// `proved` for the instance when the ball enclosing `value − bound` lies entirely on the
/// relation's side of 0; the ball is shown in the report.
public struct InequalityCheck: Check {
  /// The value and bound enclosed in balls, computed by the same formulas; nil when no
  /// enclosure can be had for the instance (a Krawczyk box that does not decide), which leaves
  /// the numerical verdict.
  public typealias Enclosure = () throws -> (value: Ball, bound: Ball)?

  /// The two sides of one inequality; a control's nil bound is the check's own. With an
  /// enclosure of both sides in balls, the relation can be decided rigorously either way.
  public struct Sides {
    public var value: () throws -> BigFloat
    public var bound: (() throws -> BigFloat)?
    public var enclosure: Enclosure?
  }

  public typealias Control = NegativeControl<Sides>

  public var id: String
  public var statement: String
  public var value: () throws -> BigFloat
  public var relation: Relation
  public var bound: () throws -> BigFloat
  public var enclosure: Enclosure?
  public var controls: [Control]

  public init(
    id: String, statement: String, value: @escaping () throws -> BigFloat, _ relation: Relation,
    bound: @escaping () throws -> BigFloat, enclosure: Enclosure? = nil, controls: [Control]
  ) {
    self.id = id
    self.statement = statement
    self.value = value
    self.relation = relation
    self.bound = bound
    self.enclosure = enclosure
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
          condition: "\(relation.rawValue) \(DecimalFormat.json(bound))",
          certificate: try sides.enclosure.flatMap { try certify($0, holds: holds) })
      }
    ).evaluate(
      Sides(value: value, bound: nil, enclosure: enclosure), controls: controls, in: context)
  }

  /// A certificate when the enclosure of `value − bound` lies on the side the numerical
  /// decision found: the relation's side when it `holds`, the other side when it does not.
  private func certify(_ enclosure: Enclosure, holds: Bool) throws -> Certificate? {
    guard let (value, bound) = try enclosure() else { return nil }
    let margin = value - bound
    guard margin.isFinite else {
      throw CheckFailure(description: "the enclosure of value − bound is \(margin)")
    }
    let (certainlyTrue, certainlyFalse): (Bool, Bool)
    switch relation {
    case .lessThan:
      (certainlyTrue, certainlyFalse) = (margin.isCertainlyNegative, margin.isCertainlyNonnegative)
    case .lessThanOrEqual:
      (certainlyTrue, certainlyFalse) = (margin.isCertainlyNonpositive, margin.isCertainlyPositive)
    case .greaterThan:
      (certainlyTrue, certainlyFalse) = (margin.isCertainlyPositive, margin.isCertainlyNonpositive)
    case .greaterThanOrEqual:
      (certainlyTrue, certainlyFalse) = (margin.isCertainlyNonnegative, margin.isCertainlyNegative)
    }
    guard holds ? certainlyTrue : certainlyFalse else { return nil }
    return Certificate(
      enclosure: margin,
      detail: "value − bound ∈ \(margin.description(significantDigits: 10)), entirely \(holds ? "" : "not ")\(relation.rawValue) 0 "
        + "(Arb ball arithmetic)")
  }
}


extension NegativeControl where Variant == InequalityCheck.Sides {
  /// A wrong value (or a tighter `bound`; nil keeps the check's) for which the relation must fail.
  public init(
    _ description: String, value: @escaping () throws -> BigFloat,
    bound: (() throws -> BigFloat)? = nil
  ) {
    self.init(description: description, variant: .init(value: value, bound: bound, enclosure: nil))
  }
}
