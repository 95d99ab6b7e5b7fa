import Numeric
import Symbolic

/// `verify identity 'LHS = RHS'`: tests an identity at random points over the precision ladder
/// 64/128/256/512 bits.
///
/// At each point the residual `|lhs − rhs| / max(1, |lhs|, |rhs|)` (relative for large values,
/// absolute near zero) must vanish along the ladder as ``PrecisionLadder`` defines: at most
/// `2^(−512+20)` at the top rung and falling between rungs. The identity passes when it does
/// at every point; otherwise it fails and the point with the largest top-rung residual among
/// those that fail is the witness.
public struct IdentityTest: Sendable {
  public static let ladder = [64, 128, 256, 512]
  /// How many sample points a test may ask for: each costs a few evaluations per rung.
  public static let sampleRange = 1...10_000

  /// One sample point and what the ladder made of it.
  public struct Point: Sendable {
    public let coordinates: [(name: String, value: Rational)]
    public let rungs: [CheckResult.Rung]
    public let holds: Bool
    public let why: String
  }

  public let statement: String
  public let range: ClosedRange<Rational>
  public let seed: UInt64
  public let points: [Point]

  public var holds: Bool { points.allSatisfy(\.holds) }

  /// The point that decides the verdict: among failing points (all points if none fails) one
  /// where a value was not finite, else the one with the largest top-rung residual.
  public var worst: Point {
    let candidates = holds ? points : points.filter { !$0.holds }
    return candidates.first { $0.rungs.isEmpty }
      ?? candidates.max { $0.rungs.last!.value.magnitude < $1.rungs.last!.value.magnitude }!
  }

  /// - Throws: `UsageError` for text that is not `LHS = RHS`, a side that does not parse, a
  ///   number of samples outside ``sampleRange`` or an empty range.
  public init(
    _ text: String, samples: Int, seed: UInt64, range: ClosedRange<Rational>
  ) throws(UsageError) {
    let sides = text.split(separator: "=", omittingEmptySubsequences: false)
    guard sides.count == 2 else {
      throw UsageError("an identity is 'LHS = RHS' with exactly one '=', got '\(EchoedInput.cut(text))'")
    }
    guard Self.sampleRange.contains(samples) else {
      throw UsageError(
        "--samples must be in \(Self.sampleRange.lowerBound)...\(Self.sampleRange.upperBound), "
          + "got \(samples)")
    }
    guard range.lowerBound < range.upperBound else {
      throw UsageError("--range a,b needs a < b, got \(range.lowerBound),\(range.upperBound)")
    }
    let (lhs, left) = try ExpressionInput.parse(String(sides[0]), "the left-hand side")
    let (rhs, right) = try ExpressionInput.parse(String(sides[1]), "the right-hand side")
    // Every variable a side names is drawn, also one that simplification cancelled.
    let variables = Array(Set(left + right)).sorted()
    var generator = SplitMix64(seed: seed)
    let width = range.upperBound - range.lowerBound
    // One sample if nothing varies: more points would repeat it.
    let count = variables.isEmpty ? 1 : samples
    let coordinates = (0..<count).map { _ in
      variables.map { (name: $0, value: range.lowerBound + width * generator.nextUniform()) }
    }
    statement = "\(lhs) = \(rhs)"
    self.range = range
    self.seed = seed
    points = try coordinates.map { point throws(UsageError) in
      try IdentityTest.test(lhs, rhs, at: point)
    }
  }

  private static func test(
    _ lhs: Expr, _ rhs: Expr, at point: [(name: String, value: Rational)]
  ) throws(UsageError) -> Point {
    let ladder = PrecisionLadder(rungs: ladder, slack: 20)
    do {
      let judgement = try ladder.judge("residual") { bits in
        let bindings = Dictionary(uniqueKeysWithValues: point.map { ($0.name, BigFloat($0.value)) })
        // A side that is NaN (undefined, as √x for x < 0) or infinite fails the point, named.
        let left = try finite(lhs.evaluate(at: bindings), "the left-hand side at \(bits) bits")
        let right = try finite(rhs.evaluate(at: bindings), "the right-hand side at \(bits) bits")
        let scale = BigFloat.maximum(1, BigFloat.maximum(left.magnitude, right.magnitude))
        return (left - right).magnitude / scale
      }
      return Point(
        coordinates: point, rungs: judgement.ladder, holds: judgement.status == .holds,
        why: judgement.why)
    } catch let failure as CheckFailure {
      return Point(coordinates: point, rungs: [], holds: false, why: failure.description)
    } catch {
      throw UsageError("cannot evaluate the identity: \(error)")
    }
  }
}
