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
  /// The size of the effect in one run.
  public typealias Effect = () throws -> BigFloat
  public typealias Control = NegativeControl<Effect>

  public var id: String
  public var statement: String
  public var threshold: Rational
  public var effect: Effect
  public var controls: [Control]

  public init(
    id: String, statement: String, threshold: Rational = Rational(1, 1000),
    effect: @escaping Effect, controls: [Control]
  ) {
    self.id = id
    self.statement = statement
    self.threshold = threshold
    self.effect = effect
    self.controls = controls
  }

  public func evaluate(in context: CheckContext) -> CheckResult {
    let bound = BigFloat(threshold, precision: context.precision)
    return ControlledEvaluation<Effect>(
      id: id, kind: .counterexample, statement: statement, threshold: ">= \(threshold)",
      rejection: { _ in "< \(threshold)" },
      judge: { effect in
        let size = try finite(effect(), "the effect")
        let exhibited = size >= bound
        return Judgement(
          status: exhibited ? .holds : .fails, measured: size,
          why: exhibited
            ? "exhibited: effect \(DecimalFormat.short(size))"
            : "not exhibited: effect \(DecimalFormat.short(size)) is below \(threshold)")
      }
    ).evaluate(effect, controls: controls, in: context)
  }
}

extension NegativeControl where Variant == CounterexampleCheck.Effect {
  /// A run in which the effect must not appear.
  public init(_ description: String, effect: @escaping CounterexampleCheck.Effect) {
    self.init(description: description, variant: effect)
  }
}
