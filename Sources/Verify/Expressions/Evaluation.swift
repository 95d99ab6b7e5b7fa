import Foundation
import Numeric
import Symbolic

/// `verify eval`: an expression's value at the working precision, with the number of digits
/// that agree with a second evaluation at twice the precision (so a reader sees how many of
/// the printed digits rounding has not touched).
public struct Evaluation: Sendable {
  public let expression: String
  public let bindings: [(name: String, value: String)]
  public let precision: Int
  public let value: BigFloat
  public let digits: Int
  /// Significant digits on which the values at `precision` and `2 · precision` agree.
  public let stableDigits: Int
  /// Each integral in the expression at `precision`: the quadrature that computed it, its
  /// number of integrand evaluations and its error estimate (the difference of its last two
  /// refinements, not a rigorous bound).
  public let integrals: [(integral: String, method: String, evaluations: Int, errorEstimate: BigFloat)]

  /// Evaluates `text` with `--at` assignments, printing `digits` significant digits (default:
  /// every digit the precision supports).
  ///
  /// - Throws: `UsageError` for a malformed expression or assignment, a variable without a
  ///   value, a precision out of range or more digits than the precision supports.
  public init(
    _ text: String, at assignments: [String], precision: Int, digits: Int?
  ) throws(UsageError) {
    try RunRequest.validate(precision: precision)
    let supported = Evaluation.supportedDigits(precision: precision)
    let digits = digits ?? supported
    guard (1...supported).contains(digits) else {
      throw UsageError(
        "--digits must be in 1...\(supported) at \(precision) bits; raise --precision for more")
    }
    let (expr, variables) = try ExpressionInput.parse(text)
    let bindings = try ExpressionInput.bindings(assignments, for: variables)
    func evaluate<R>(at bits: Int, _ body: (CompiledExpr, [BigFloat]) throws -> R) throws(UsageError) -> R {
      do {
        return try withPrecision(bits) {
          let point = try Dictionary(
            uniqueKeysWithValues: bindings.map {
              ($0.name, try $0.value.evaluate(at: [String: BigFloat]()))
            })
          let compiled = try CompiledExpr(expr)
          return try body(compiled, compiled.variables.map { point[$0]! })
        }
      } catch {
        throw UsageError("cannot evaluate '\(EchoedInput.cut(text))': \(error)")
      }
    }
    func value(at bits: Int) throws(UsageError) -> BigFloat { try evaluate(at: bits) { try $0.value(at: $1) } }
    self.expression = expr.description
    self.bindings = bindings.map { ($0.name, $0.value.description) }
    self.precision = precision
    self.value = try value(at: precision)
    self.digits = digits
    self.stableDigits = Evaluation.agreement(
      self.value, try value(at: 2 * precision), upTo: supported)
    self.integrals = try evaluate(at: precision) { compiled, point in
      try compiled.integrals(at: point).map {
        ($0.integral, $0.estimate.method.rawValue, $0.estimate.evaluations, $0.estimate.error)
      }
    }
  }

  /// The most significant digits `precision` bits determine: ⌊precision · log₁₀ 2⌋, at least 1.
  public static func supportedDigits(precision: Int) -> Int {
    max(1, Int(Double(precision) * log10(2.0)))
  }

  /// The valid `--digits`, in words.
  public static let digitBound =
    "an integer in 1...floor(0.30103 * precision), 1..."
    + "\(supportedDigits(precision: RunRequest.defaultPrecision)) at \(RunRequest.defaultPrecision) bits"

  /// The number of leading significant digits on which `a` and `b` agree, at most `limit`.
  static func agreement(_ a: BigFloat, _ b: BigFloat, upTo limit: Int) -> Int {
    guard a.isFinite, b.isFinite else { return a.isNaN || b.isNaN || a != b ? 0 : limit }
    return (1...limit).last {
      a.decimalString(significantDigits: $0) == b.decimalString(significantDigits: $0)
    } ?? 0
  }

  /// The value rounded to ``digits`` significant digits.
  public var text: String { value.decimalString(significantDigits: digits) }

  public var json: String {
    JSON.object([
      ("expression", .string(expression)),
      ("at", .object(bindings.map { ($0.name, .string($0.value)) })),
      ("precision", .number(precision)),
      ("digits", .number(digits)),
      ("value", .string(text)),
      ("stableDigits", .number(stableDigits)),
      (
        "integrals",
        .array(
          integrals.map {
            .object([
              ("integral", .string($0.integral)), ("method", .string($0.method)),
              ("evaluations", .number($0.evaluations)),
              ("errorEstimate", .string(DecimalFormat.short($0.errorEstimate))),
            ])
          })
      ),
      ("mpfr", .string(Versions.mpfr)),
      ("gmp", .string(Versions.gmp)),
    ]).render() + "\n"
  }
}
