import Numeric

/// One executable test of a claim: evaluates the statement and its negative controls and
/// returns the evidence with a verdict.
///
/// Evaluation never throws: an error, or a NaN or infinity anywhere, is a `fail` whose
/// ``CheckResult/detail`` says where it happened.
public protocol Check {
  /// Evaluates the check at `context`'s precision (and, for ladders, at each rung).
  func evaluate(in context: Context) -> CheckResult
}

/// The kinds of check in the design.
public enum CheckKind: String, Sendable, Hashable, CaseIterable {
  case identity
  case inequality
  case criticalPoint = "critical-point"
  case rate
  case counterexample
}

/// The evidence of one evaluated check.
public struct CheckResult: Sendable {
  public var id: String
  public var kind: CheckKind
  public var statement: String
  public var verdict: Verdict
  /// The value the verdict is about (a residual, a margin, a fitted slope); nil when
  /// evaluation stopped before it was known.
  public var measured: BigFloat?
  /// The condition `measured` had to meet, in words, e.g. `<= 2^-492` or `in [0.99, 1.01]`.
  public var threshold: String
  /// The measured value at each rung, for checks run over a precision ladder.
  public var ladder: [Rung]
  public var controls: [ControlResult]
  /// One sentence on why the verdict is what it is.
  public var detail: String
  /// The data and fits of a rate check, drawn as an SVG log-log plot beside the report.
  public var plot: RatePlot?

  /// The measured value at one precision.
  public struct Rung: Sendable {
    public var bits: Int
    public var value: BigFloat
  }
}

/// The outcome of one negative control: a deliberately wrong variant that the check's
/// machinery must reject.
public struct ControlResult: Sendable {
  public var description: String
  public var rejected: Bool
  public var measured: BigFloat
  /// The condition under which `measured` rejects the variant, e.g. `>= 1/1000`.
  public var threshold: String
}

/// A value that was NaN or infinite, or a check that could not be evaluated.
struct CheckFailure: Error, CustomStringConvertible {
  let description: String
}

/// `value`, or a `CheckFailure` naming `place` when it is NaN or infinite.
func finite(_ value: BigFloat, _ place: @autoclosure () -> String) throws -> BigFloat {
  guard value.isFinite else { throw CheckFailure(description: "\(place()) is \(value)") }
  return value
}

/// `2^exponent`, exactly, at a precision that holds it.
func powerOfTwo(_ exponent: Int) -> BigFloat {
  BigFloat(Rational.pow(Rational(2), exponent), precision: 64)
}

extension CheckResult {
  /// The result of a check whose statement was evaluated (`holds`) and whose controls ran:
  /// `fail` unless the statement holds; `inconclusive` unless every control was rejected and
  /// there was at least one; otherwise `pass`.
  init(
    id: String, kind: CheckKind, statement: String, holds: Bool, why: String,
    measured: BigFloat, threshold: String, ladder: [Rung] = [], controls: [ControlResult],
    plot: RatePlot? = nil
  ) {
    let verdict: Verdict
    var detail = why
    if !holds {
      verdict = .fail
    } else if controls.isEmpty {
      verdict = .inconclusive
      detail += "; no negative control, so the check cannot tell this from a wrong variant"
    } else if let accepted = controls.first(where: { !$0.rejected }) {
      verdict = .inconclusive
      detail += "; negative control '\(accepted.description)' was not rejected"
    } else {
      verdict = .pass
    }
    self.init(
      id: id, kind: kind, statement: statement, verdict: verdict, measured: measured,
      threshold: threshold, ladder: ladder, controls: controls, detail: detail, plot: plot)
  }

  /// The `fail` of a check whose evaluation threw `error`.
  init(id: String, kind: CheckKind, statement: String, threshold: String, error: any Error) {
    self.init(
      id: id, kind: kind, statement: statement, verdict: .fail, measured: nil,
      threshold: threshold, ladder: [], controls: [], detail: "not evaluated: \(error)", plot: nil)
  }
}
