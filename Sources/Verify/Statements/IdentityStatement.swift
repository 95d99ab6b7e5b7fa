import Numeric
import Symbolic

/// `lhs = rhs` for every point of a box, as an ``IdentityCheck``: the residual is the largest
/// `|lhs − rhs| / max(1, |lhs|, |rhs|)` over random points (SplitMix64, the run's seed),
/// computed afresh at each rung of the precision ladder.
///
/// Its negative control is the one of `verify identity`: the right side perturbed by
/// `2⁻⁴⁰ · max(1, |rhs|)` (times `1 + 2⁻⁴⁰`, or plus `2⁻⁴⁰` where it is below 1, the residual's
/// own scale), an error far above rounding and far below what a person would notice, which the
/// ladder must see plateau; it is rejected when its residual is at least `2⁻⁵⁰`.
public struct IdentityStatement: Statement {
  public let id: String
  let lhs: Expr
  let rhs: Expr
  let box: VariableBox
  let samples: Int
  public let parameterNames: [String]

  /// How many random points by default, and at most.
  public static let defaultSamples = 8
  public static let sampleRange = 1...1000

  /// - Throws: `UsageError` for text that is not `LHS = RHS`, a side that does not parse, or a
  ///   count of samples outside ``sampleRange``.
  public init(id: String, _ text: String, box: VariableBox, samples: Int = defaultSamples)
    throws(UsageError)
  {
    let sides = text.split(separator: "=", omittingEmptySubsequences: false)
    guard sides.count == 2, !text.contains("<"), !text.contains(">") else {
      throw UsageError("an identity is 'LHS = RHS' with exactly one '=', got '\(EchoedInput.cut(text))'")
    }
    guard Self.sampleRange.contains(samples) else {
      throw UsageError("samples must be in \(Self.sampleRange), got \(samples)")
    }
    let (lhs, left) = try ExpressionInput.parse(String(sides[0]), "the left-hand side")
    let (rhs, right) = try ExpressionInput.parse(String(sides[1]), "the right-hand side")
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
    let points = box.points(box.names.isEmpty ? 1 : samples, seed: measurements.seed)
    let box = self.box
    func residual(perturbed: Bool) -> IdentityCheck.Residual {
      { bits in
        var worst = BigFloat(0)
        for point in points {
          let x = point.map { BigFloat($0) }
          let l = try finite({ try left.value(at: x) }, "the left-hand side at \(box.describe(point))")
          var r = try finite({ try right.value(at: x) }, "the right-hand side at \(box.describe(point))")
          if perturbed { r = IdentityTest.perturb(r, BigFloat(IdentityTest.controlPerturbation)) }
          let scale = BigFloat.maximum(1, BigFloat.maximum(l.magnitude, r.magnitude))
          worst = BigFloat.maximum(worst, (l - r).magnitude / scale)
        }
        return worst
      }
    }
    return IdentityCheck(
      id: id,
      statement: "\(lhs) = \(rhs) for \(box.statementText): the largest residual "
        + "|lhs − rhs| / max(1, |lhs|, |rhs|) over \(points.count) random point"
        + (points.count == 1 ? "" : "s") + " vanishes along the precision ladder",
      rejectionThreshold: IdentityTest.controlThreshold, residual: residual(perturbed: false),
      controls: [.init("the right side perturbed by 2^-40 relative", residual: residual(perturbed: true))])
  }
}

extension VariableBox {
  /// `x in [-1, 1], y in [0, 2]`, or `the constants` when nothing varies.
  var statementText: String {
    ranges.isEmpty
      ? "the constants"
      : ranges.map { "\($0.name) in [\($0.range.lowerBound), \($0.range.upperBound)]" }
        .joined(separator: ", ")
  }
}
