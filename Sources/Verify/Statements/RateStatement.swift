import Numeric
import Symbolic

/// `|f(ε)| ∝ ε^K` as `ε → 0` (or `→ ∞`), as a log-log ``RateCheck``: `f` at the geometric
/// grid `ε = from · ratio^i`, `i < points` (exact rationals), evaluated at the working
/// precision, so that cancellation at small `ε` costs digits MPFR has to spare; the fitted
/// slope of `ln |f|` against `ln ε` (``LinearFit``, with its 95 % interval) must lie in
/// `K ± tolerance`.
///
/// Its negative controls are the exponents `K + 1/2` and `K − 1/2`, which the same fit must
/// reject; with a tolerance below 1/4 the bands do not overlap, so a fit that accepts `K`
/// rejects both unless the data cannot tell exponents half a unit apart.
public struct RateStatement: Statement {
  /// Where the variable goes.
  public enum Limit: String, Sendable, CaseIterable {
    case zero = "0"
    case infinity = "inf"
  }

  public let id: String
  let expression: Expr
  let variable: String
  let limit: Limit
  let exponent: Rational
  let tolerance: Rational
  let grid: [Rational]
  public let parameterNames: [String]

  public static let defaultTolerance = Rational(1, 10)
  public static let defaultPoints = 16
  public static let pointRange = 3...200

  /// The grid's start and ratio when none is given: `2⁻⁴` down by halves towards 0, `2⁴` up by
  /// doubling towards ∞.
  public static func defaultGrid(_ limit: Limit) -> (from: Rational, ratio: Rational) {
    limit == .zero ? (Rational(1, 16), Rational(1, 2)) : (16, 2)
  }

  /// - Throws: `UsageError` for an expression that does not parse or does not use `variable`,
  ///   a grid that does not go towards the limit, or a tolerance outside `(0, 1/4)`.
  public init(
    id: String, _ text: String, variable: String, limit: Limit, exponent: Rational,
    tolerance: Rational = defaultTolerance, from: Rational? = nil, ratio: Rational? = nil,
    points: Int = defaultPoints
  ) throws(UsageError) {
    let (expression, names) = try ExpressionInput.parse(text)
    guard names.contains(variable) else {
      throw UsageError(
        "the rate's variable \(variable) does not occur in '\(EchoedInput.cut(text))'; its variables: "
          + (names.isEmpty ? "none" : names.joined(separator: ", ")))
    }
    guard tolerance > 0, tolerance < Rational(1, 4) else {
      throw UsageError(
        "the tolerance must be in (0, 1/4), got \(tolerance): the controls K ± 1/2 must lie outside K ± tolerance")
    }
    guard Self.pointRange.contains(points) else {
      throw UsageError("the grid needs \(Self.pointRange) points, got \(points)")
    }
    let defaults = Self.defaultGrid(limit)
    let (start, step) = (from ?? defaults.from, ratio ?? defaults.ratio)
    guard start > 0 else { throw UsageError("the grid's start must be positive, got \(start)") }
    guard limit == .zero ? (step > 0 && step < 1) : step > 1 else {
      throw UsageError(
        "towards \(limit == .zero ? "0 the ratio must be in (0, 1)" : "infinity the ratio must be > 1"), got \(step)")
    }
    self.id = id
    self.expression = expression
    self.variable = variable
    self.limit = limit
    self.exponent = exponent
    self.tolerance = tolerance
    grid = (0..<points).map { start * Rational.pow(step, $0) }
    parameterNames = Verify.parameterNames(names, besides: [variable])
  }

  public func check(_ parameters: [String: Rational], _ measurements: Measurements) throws -> any Check {
    let expression = self.expression.binding(parameters)
    let compiled = try CompiledExpr(expression, variables: [variable])
    let grid = self.grid
    let half = Rational(1, 2)
    let towards = limit == .zero ? "0" : "∞"
    return RateCheck(
      id: id,
      statement: "|\(expression)| ∝ \(variable)^\(exponent) as \(variable) → \(towards): the "
        + "log-log slope over \(variable) = \(grid[0]) · (\(grid[1] / grid[0]))^i, "
        + "i < \(grid.count), is \(exponent) ± \(tolerance)",
      xLabel: variable, yLabel: "|\(expression)|", exponent: exponent, tolerance: tolerance,
      data: {
        let x = grid.map { BigFloat($0) }
        return (x, x.map { compiled.evaluate(at: [$0]).magnitude })
      },
      controls: [
        .init("exponent \(exponent) + 1/2", exponent: exponent + half),
        .init("exponent \(exponent) − 1/2", exponent: exponent - half),
      ])
  }
}
