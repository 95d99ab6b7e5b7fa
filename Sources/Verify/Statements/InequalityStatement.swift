import Numeric
import Symbolic

/// `lhs ≤ rhs` (or `<`, `≥`, `>`) on a box, as an ``InequalityCheck`` on its worst margin.
///
/// The margin at a point is `(rhs − lhs) / max(1, |lhs|, |rhs|)` (for `≥` and `>`, `lhs − rhs`
/// over the same scale): relative for large values, absolute near zero. Its smallest value over
/// the box is searched for (``MarginSearch``) at the working precision `p`; the inequality
/// holds when that worst margin is `≥ −2^(20−p)` (rounding), or `> 0` for a strict relation.
/// The point of the worst margin is recorded: on a failure it is the witness.
///
/// Its negative control is the bound tightened by its own margin: the same search over the
/// margin less `t = 2·max(m, 0) + 2⁻²⁰`, where `m` is the worst margin found, must find the
/// tightened inequality violated. A search that could not even see how tight the statement is
/// would not reject it.
public struct InequalityStatement: Statement {
  public let id: String
  let lhs: Expr
  let rhs: Expr
  let relation: Relation
  let box: VariableBox
  let samples: Int
  public let parameterNames: [String]

  public static let defaultSamples = 64
  public static let sampleRange = 1...10_000

  /// - Throws: `UsageError` for text without exactly one of `<=`, `<`, `>=`, `>`, a side that
  ///   does not parse, or a count of samples outside ``sampleRange``.
  public init(id: String, _ text: String, box: VariableBox, samples: Int = defaultSamples)
    throws(UsageError)
  {
    let operators = text.indices.filter { text[$0] == "<" || text[$0] == ">" }
    guard operators.count == 1 else {
      throw UsageError(
        "an inequality is 'LHS <= RHS' (or <, >=, >) with exactly one relation, got '\(EchoedInput.cut(text))'")
    }
    let at = operators[0]
    let after = text.index(after: at)
    let strict = after == text.endIndex || text[after] != "="
    let rest = strict ? after : text.index(after: after)
    relation =
      text[at] == "<" ? (strict ? .lessThan : .lessThanOrEqual) : (strict ? .greaterThan : .greaterThanOrEqual)
    guard Self.sampleRange.contains(samples) else {
      throw UsageError("samples must be in \(Self.sampleRange), got \(samples)")
    }
    let (lhs, left) = try ExpressionInput.parse(String(text[..<at]), "the left-hand side")
    let (rhs, right) = try ExpressionInput.parse(String(text[rest...]), "the right-hand side")
    self.id = id
    self.lhs = lhs
    self.rhs = rhs
    self.box = box
    self.samples = samples
    parameterNames = Verify.parameterNames(left + right, besides: box.names)
  }

  public func check(_ parameters: [String: Rational], _ measurements: Measurements) throws -> any Check {
    let lhs = self.lhs.binding(parameters)
    let rhs = self.rhs.binding(parameters)
    let left = try CompiledExpr(lhs, variables: box.names)
    let right = try CompiledExpr(rhs, variables: box.names)
    let (box, relation) = (self.box, self.relation)
    let below = relation == .lessThan || relation == .lessThanOrEqual
    let strict = relation == .lessThan || relation == .greaterThan
    func margin(less tightening: BigFloat) -> ([Rational]) throws -> BigFloat {
      { point in
        let x = point.map { BigFloat($0) }
        let l = try finite({ try left.value(at: x) }, "the left-hand side at \(box.describe(point))")
        let r = try finite({ try right.value(at: x) }, "the right-hand side at \(box.describe(point))")
        let scale = BigFloat.maximum(1, BigFloat.maximum(l.magnitude, r.magnitude))
        return (below ? r - l : l - r) / scale - tightening
      }
    }
    let search = MarginSearch(box: box, samples: samples, seed: measurements.seed)
    let worst = try search.minimum(of: margin(less: 0))
    measurements.record("\(id)_worst_margin", worst.value)
    measurements.record("\(id)_worst_point", text: box.describe(worst.point))
    let tightening = 2 * BigFloat.maximum(worst.value, 0) + powerOfTwo(-20)
    let bound = strict ? BigFloat(0) : -powerOfTwo(20 - measurements.precision)
    return InequalityCheck(
      id: id,
      statement: "\(lhs) \(relation.rawValue) \(rhs) for \(box.statementText): the worst "
        + "margin \(below ? "(rhs − lhs)" : "(lhs − rhs)") / max(1, |lhs|, |rhs|) over "
        + "the corners and \(samples) random points, refined by compass search, is "
        + (strict ? "> 0" : ">= -2^(20-p), rounding at p bits")
        + " (worst point: \(box.describe(worst.point)))",
      value: { worst.value }, strict ? .greaterThan : .greaterThanOrEqual, bound: { bound },
      controls: [
        .init(
          "the bound tightened by its own margin: margin less 2·max(worst, 0) + 2^-20 = "
            + DecimalFormat.short(tightening),
          value: { try search.minimum(of: margin(less: tightening)).value })
      ])
  }
}
