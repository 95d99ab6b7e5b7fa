import Numeric
import Symbolic

/// One executable test of a claim: evaluates the statement and its negative controls and
/// returns the evidence with a verdict.
///
/// Evaluation never throws: an error, or a NaN or infinity anywhere, is a `fail` whose
/// ``CheckResult/detail`` says where it happened.
public protocol Check {
  /// Unique within its claim; the report's row and the figure's file name use it.
  var id: String { get }
  /// Evaluates the check at `context`'s precision (and, for ladders, at each rung).
  func evaluate(in context: CheckContext) -> CheckResult
}

/// The precision a check is evaluated at, and the ladder derived from it.
public struct CheckContext: Sendable {
  /// The working precision in bits.
  public var precision: Int

  public init(precision: Int) {
    self.precision = precision
  }

  /// `p/4, p/2, p, 2p` for working precision `p` (64, 128, 256, 512 at the default).
  public var ladder: [Int] { [precision / 4, precision / 2, precision, 2 * precision] }
}

/// The kinds of check in the design.
public enum CheckKind: String, Sendable, Hashable, CaseIterable {
  case identity
  case inequality
  case criticalPoint = "critical-point"
  case rate
  case counterexample
  case exact
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
  /// What decided the statement rigorously, for a `proved` check.
  public var certificate: Certificate?

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
  /// Rejected rigorously: decided false in exact arithmetic, or by an enclosure (the wrong
  /// point's box holds no zero of the gradient).
  public var disproved: Bool
  public var measured: BigFloat
  /// The condition under which `measured` rejects the variant, e.g. `>= 1/1000`.
  public var threshold: String
  /// What the machinery found for the variant, in one sentence (an exact check's witness).
  public var detail: String
}

/// What decided a statement rigorously: exact arithmetic, or an enclosure (a ball
/// `midpoint ± radius` containing the exact value) with how it decides.
public struct Certificate: Sendable {
  /// The enclosure shown in the report, when the decision came from one.
  public var enclosure: Ball?
  /// One sentence: what was enclosed or compared exactly, and why it decides.
  public var detail: String

  public init(enclosure: Ball? = nil, detail: String) {
    self.enclosure = enclosure
    self.detail = detail
  }
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

/// `value()`, or a `CheckFailure` naming `place` when it is NaN or infinite or cannot be
/// evaluated (an `EvaluationError`: an integral whose quadrature does not converge).
func finite(_ value: () throws -> BigFloat, _ place: @autoclosure () -> String) throws -> BigFloat {
  do {
    return try finite(value(), place())
  } catch let error as EvaluationError {
    throw CheckFailure(description: "\(place()) cannot be evaluated: \(error)")
  }
}

/// `2^exponent`, exactly, at a precision that holds it.
func powerOfTwo(_ exponent: Int) -> BigFloat {
  BigFloat(Rational.pow(Rational(2), exponent), precision: 64)
}
