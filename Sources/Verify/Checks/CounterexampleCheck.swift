import Numeric

/// A run that exhibits what the paper says happens: a law that breaks, a monotonicity that
/// fails, a quantity that changes sign.
///
/// The claim computes the size of the exhibited effect (a relative violation, a count of
/// increases); it is exhibited when at least `threshold`. A negative control is a variant in
/// which the paper says the effect does *not* occur (the conserved case, a step size below the
/// limit); the same measurement must stay below `threshold` there, or the search would find
/// counterexamples everywhere and prove nothing.
public struct CounterexampleCheck: Check {
  public struct Control {
    public var description: String
    public var effect: () throws -> BigFloat

    public init(_ description: String, effect: @escaping () throws -> BigFloat) {
      self.description = description
      self.effect = effect
    }
  }

  public var id: String
  public var statement: String
  public var threshold: Rational
  public var effect: () throws -> BigFloat
  public var controls: [Control]

  public init(
    id: String, statement: String, threshold: Rational = Rational(1, 1000),
    effect: @escaping () throws -> BigFloat, controls: [Control]
  ) {
    self.id = id
    self.statement = statement
    self.threshold = threshold
    self.effect = effect
    self.controls = controls
  }

  public func evaluate(in context: Context) -> CheckResult {
    let condition = ">= \(threshold)"
    do {
      let bound = BigFloat(threshold, precision: context.precision)
      let effect = try finite(effect(), "the effect")
      let exhibited = effect >= bound
      let controls = try controls.map { control in
        let measured = try finite(
          control.effect(), "the effect of control '\(control.description)'")
        return ControlResult(
          description: control.description, rejected: measured < bound, measured: measured,
          threshold: "< \(threshold)")
      }
      return CheckResult(
        id: id, kind: .counterexample, statement: statement, holds: exhibited,
        why: exhibited
          ? "exhibited: effect \(DecimalFormat.short(effect))"
          : "not exhibited: effect \(DecimalFormat.short(effect)) is below \(threshold)",
        measured: effect, threshold: condition, controls: controls)
    } catch {
      return CheckResult(
        id: id, kind: .counterexample, statement: statement, threshold: condition, error: error)
    }
  }
}
