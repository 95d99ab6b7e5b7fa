import Numeric

/// An exact identity `lhs = rhs`, checked through its residual over a precision ladder.
///
/// The claim supplies `residual(bits)`, a measure of `|lhs − rhs|` (usually relative, e.g.
/// `|lhs − rhs| / max(|lhs|, |rhs|)`), computed from scratch at `bits` of precision; the engine
/// runs it under `withPrecision(bits)` at every rung. The identity holds when the residual
/// vanishes along the ladder (see ``PrecisionLadder``).
///
/// Each negative control is the residual of a wrong variant (a sign flip, a missing factor),
/// computed at the working precision; it is rejected when it is at least `rejectionThreshold`.
public struct IdentityCheck: Check {
  public struct Control {
    public var description: String
    public var residual: (Int) throws -> BigFloat

    public init(_ description: String, residual: @escaping (Int) throws -> BigFloat) {
      self.description = description
      self.residual = residual
    }
  }

  public var id: String
  public var statement: String
  /// The precisions to evaluate at; nil for the context's ladder `p/4, p/2, p, 2p`.
  public var ladder: [Int]?
  /// The residual may be up to `2^slack` units of the top rung's precision.
  public var slack: Int
  /// A control's residual at least this large rejects it.
  public var rejectionThreshold: Rational
  public var residual: (Int) throws -> BigFloat
  public var controls: [Control]

  public init(
    id: String, statement: String, ladder: [Int]? = nil, slack: Int = 20,
    rejectionThreshold: Rational = Rational(1, 1000),
    residual: @escaping (Int) throws -> BigFloat, controls: [Control]
  ) {
    self.id = id
    self.statement = statement
    self.ladder = ladder
    self.slack = slack
    self.rejectionThreshold = rejectionThreshold
    self.residual = residual
    self.controls = controls
  }

  public func evaluate(in context: Context) -> CheckResult {
    let ladder = PrecisionLadder(rungs: self.ladder ?? context.ladder, slack: slack)
    do {
      let outcome = try ladder.evaluate("residual", residual)
      let bound = BigFloat(rejectionThreshold, precision: context.precision)
      let controls = try controls.map { control in
        let measured = try finite(
          withPrecision(context.precision) { try control.residual(context.precision) },
          "residual of control '\(control.description)'")
        return ControlResult(
          description: control.description, rejected: measured.magnitude >= bound,
          measured: measured, threshold: "|residual| >= \(rejectionThreshold)")
      }
      return CheckResult(
        id: id, kind: .identity, statement: statement, holds: outcome.holds, why: outcome.why,
        measured: outcome.top, threshold: ladder.threshold, ladder: outcome.rungs,
        controls: controls)
    } catch {
      return CheckResult(
        id: id, kind: .identity, statement: statement, threshold: ladder.threshold, error: error)
    }
  }
}
