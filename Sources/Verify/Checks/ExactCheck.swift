import Numeric

/// A statement decided in exact arithmetic (GMP rationals, integers, finite sets): a rational
/// identity, an integer count, the equality of two set families, an order equivalence, a
/// brute-force optimum. No rounding enters, so no ladder is needed: the decision is the
/// decision, and a failure carries its witness (the first entry that differs, an element of
/// the symmetric difference, the pair out of order).
///
/// A negative control is a wrong variant decided the same way; it is rejected, and disproved,
/// when its decision is that it does not hold. An exact check that holds is `proved`.
public struct ExactCheck: Check {
  /// Decides the statement (or a variant) exactly.
  public typealias Decision = () throws -> ExactOutcome
  public typealias Control = NegativeControl<Decision>

  public var id: String
  public var statement: String
  public var decide: Decision
  public var controls: [Control]

  public init(id: String, statement: String, decide: @escaping Decision, controls: [Control]) {
    self.id = id
    self.statement = statement
    self.decide = decide
    self.controls = controls
  }

  public func evaluate(in context: CheckContext) -> CheckResult {
    ControlledEvaluation<Decision>(
      id: id, kind: .exact, statement: statement, threshold: "discrepancy = 0 exactly",
      rejection: { _ in "decided false" },
      judge: { decide in
        let outcome = try decide()
        return Judgement(
          status: outcome.holds ? .holds : .fails,
          measured: BigFloat(outcome.discrepancy, precision: context.precision),
          why: (outcome.holds ? "holds exactly: " : "false, witness: ") + outcome.evidence,
          certificate: Certificate(detail: "decided in exact rational arithmetic"))
      }
    ).evaluate(decide, controls: controls, in: context)
  }
}

extension NegativeControl where Variant == ExactCheck.Decision {
  /// A wrong variant, decided exactly; it must come out false.
  public init(_ description: String, decide: @escaping ExactCheck.Decision) {
    self.init(description: description, variant: decide)
  }
}
