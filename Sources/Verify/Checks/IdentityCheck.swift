import Numeric

/// An exact identity `lhs = rhs`, checked through its residual over a precision ladder.
///
/// The claim supplies `residual(bits)`, a measure of `|lhs − rhs|` (usually relative, e.g.
/// `|lhs − rhs| / max(|lhs|, |rhs|)`), computed from scratch at `bits` of precision; the engine
/// runs it under `withPrecision(bits)` at every rung. The identity holds when the residual
/// vanishes along the ladder (see ``PrecisionLadder``).
///
/// Each negative control is the residual of a wrong variant (a sign flip, a missing factor),
/// run over the same ladder; it is rejected when the ladder says it does not vanish and its
/// residual at the working precision is at least `rejectionThreshold`, so that only a clearly
/// wrong variant counts as rejected.
public struct IdentityCheck: Check {
  /// A residual computed from scratch at the given number of bits.
  public typealias Residual = (Int) throws -> BigFloat
  public typealias Control = NegativeControl<Residual>

  public var id: String
  public var statement: String
  /// The precisions to evaluate at; nil for the context's ladder `p/4, p/2, p, 2p`.
  public var ladder: [Int]?
  /// The residual may be up to `2^slack` units of the top rung's precision.
  public var slack: Int
  /// A control's residual at least this large (and not vanishing) rejects it.
  public var rejectionThreshold: Rational
  public var residual: Residual
  public var controls: [Control]

  public init(
    id: String, statement: String, ladder: [Int]? = nil, slack: Int = 20,
    rejectionThreshold: Rational = Rational(1, 1000),
    residual: @escaping Residual, controls: [Control]
  ) {
    self.id = id
    self.statement = statement
    self.ladder = ladder
    self.slack = slack
    self.rejectionThreshold = rejectionThreshold
    self.residual = residual
    self.controls = controls
  }

  public func evaluate(in context: CheckContext) -> CheckResult {
    let ladder = PrecisionLadder(rungs: self.ladder ?? context.ladder, slack: slack)
    let bound = BigFloat(rejectionThreshold, precision: context.precision)
    return ControlledEvaluation<Residual>(
      id: id, kind: .identity, statement: statement, threshold: ladder.threshold,
      rejection: { _ in
        "does not vanish along the ladder and |residual| >= \(rejectionThreshold)"
      },
      judge: { residual in
        var judgement = try ladder.judge("residual", residual)
        judgement.clearly = judgement.measured(at: context.precision).magnitude >= bound
        return judgement
      }
    ).evaluate(residual, controls: controls, in: context)
  }
}

extension NegativeControl where Variant == IdentityCheck.Residual {
  /// A wrong variant's residual, computed from scratch at the given number of bits.
  public init(_ description: String, residual: @escaping IdentityCheck.Residual) {
    self.init(description: description, variant: residual)
  }
}
