import Numeric
import Symbolic

/// `verify identity 'LHS = RHS'`: tests an identity at random points.
///
/// When both sides are rational functions with rational coefficients (`+ − × ÷`, integer
/// powers, no π or functions), each point is decided exactly in GMP rationals
/// (`IdentityTest+Exact.swift`). Otherwise the residual `|lhs − rhs| / max(1, |lhs|, |rhs|)`
/// (relative for large values, absolute near zero) is judged over the precision ladder
/// 64, 128, …, 2048 bits as ``PrecisionLadder`` defines, climbing up to 8192 bits when those rungs
/// cannot decide (exactly 0 everywhere, a residual that first appears at the top rung). The
/// negative control is the right side perturbed by `2⁻⁴⁰ · max(1, |rhs|)` (the right side times
/// `1 + 2⁻⁴⁰`, or plus `2⁻⁴⁰` where it is below 1, the residual's own scale), judged the same
/// way at the same points; it is rejected when some point fails with a residual of at least
/// `2⁻⁵⁰`. The identity passes when every point holds and the control is rejected, fails
/// when any point fails (the failing point with
/// the largest residual is the witness, one where a side is undefined first), and is
/// inconclusive otherwise.
public struct IdentityTest: Sendable {
  /// Up to 2048 bits, not just 512: a relative error `δ` below the top rung's rounding level is
  /// invisible under rounding noise (`sin(2x) = 2 sin x cos x · (1 + 10⁻³⁰⁰)` agrees to all 512
  /// bits), and two expressions cost little to evaluate at 2048 bits, so the command's pass
  /// covers every `δ` above about 10⁻⁶⁰⁰.
  public static let ladder = [64, 128, 256, 512, 1024, 2048]
  /// The highest precision a point's ladder climbs to when its rungs cannot decide (all exactly
  /// 0, or a residual first seen at the top rung).
  public static let cap = 8192
  /// How many sample points a test may ask for: each costs a few evaluations per rung.
  public static let sampleRange = 1...10_000

  /// One sample point and what the ladder (or exact arithmetic) made of it.
  public struct Point: Sendable {
    public let coordinates: [(name: String, value: Rational)]
    /// The precision ladder; empty when the point was decided exactly or a side is undefined.
    public let rungs: [CheckResult.Rung]
    /// `pass`, `fail` or `inconclusive` (a ladder that needs more precision than its cap).
    public let verdict: Verdict
    /// The deciding residual (the top rung's, or the exact one); nil where a side is undefined.
    public let residual: BigFloat?
    public let why: String

    public var holds: Bool { verdict == .pass }
  }

  public let statement: String
  public let range: ClosedRange<Rational>
  public let seed: UInt64
  public let points: [Point]

  /// The control's failing point with the largest residual, if it is at least
  /// ``controlThreshold``: the control is rejected there. Nil when it is not rejected.
  public let control: Point?

  /// The relative perturbation of the right side that the control makes: `2⁻⁴⁰`.
  public static let controlPerturbation = Rational(1, 1 << 40)
  /// A control point's residual at least this large rejects it: `2⁻⁵⁰`.
  public static let controlThreshold = Rational(1, 1 << 50)

  /// `fail` if any point fails, `inconclusive` if any is undecided or the control is not
  /// rejected, else `pass`.
  public var verdict: Verdict {
    let verdict = pointVerdict
    return verdict == .pass && control == nil ? .inconclusive : verdict
  }
  public var holds: Bool { verdict == .pass }

  private var pointVerdict: Verdict { Verdict.combining(points.map(\.verdict)) }

  /// The point that decides the points' verdict: among the points with that verdict, one where
  /// a side is undefined, else the one with the largest residual.
  public var worst: Point {
    let verdict = pointVerdict
    let candidates = points.filter { $0.verdict == verdict }
    return candidates.first { $0.residual == nil }
      ?? candidates.max { $0.residual!.magnitude < $1.residual!.magnitude }!
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
    let exact = Self.isRationalFunction(lhs) && Self.isRationalFunction(rhs)
    func judge(_ perturbed: Bool) throws(UsageError) -> [Point] {
      try coordinates.map { point throws(UsageError) in
        if exact, let decided = Self.exactPoint(lhs, rhs, at: point, perturbed: perturbed) {
          return decided
        }
        return try Self.test(lhs, rhs, at: point, perturbed: perturbed)
      }
    }
    points = try judge(false)
    let threshold = BigFloat(Self.controlThreshold, precision: 64)
    control = try judge(true).filter { $0.verdict == .fail && $0.residual.map { $0 >= threshold } ?? true }
      .max { ($0.residual ?? threshold).magnitude < ($1.residual ?? threshold).magnitude }
  }

  /// `rhs` moved as the negative control moves it: by `ε · max(1, |rhs|)`.
  static func perturb(_ rhs: BigFloat, _ epsilon: BigFloat) -> BigFloat {
    rhs + epsilon * BigFloat.maximum(1, rhs.magnitude)
  }

  /// `rhs` moved by `ε · max(1, |rhs|)`, exactly.
  static func perturb(_ rhs: Rational, _ epsilon: Rational) -> Rational {
    rhs + epsilon * max(1, rhs.magnitude)
  }

  private static func test(
    _ lhs: Expr, _ rhs: Expr, at point: [(name: String, value: Rational)], perturbed: Bool
  ) throws(UsageError) -> Point {
    let ladder = PrecisionLadder(rungs: ladder, slack: 20, cap: cap)
    do {
      let judgement = try ladder.judge("residual") { bits in
        let bindings = Dictionary(uniqueKeysWithValues: point.map { ($0.name, BigFloat($0.value)) })
        // A side that is NaN (undefined, as √x for x < 0) or infinite fails the point, named.
        let left = try finite({ try lhs.evaluate(at: bindings) }, "the left-hand side at \(bits) bits")
        var right = try finite({ try rhs.evaluate(at: bindings) }, "the right-hand side at \(bits) bits")
        if perturbed { right = perturb(right, BigFloat(controlPerturbation)) }
        let scale = BigFloat.maximum(1, BigFloat.maximum(left.magnitude, right.magnitude))
        return (left - right).magnitude / scale
      }
      let verdict: Verdict =
        switch judgement.status {
        case .holds: .pass
        case .fails: .fail
        case .undecided: .inconclusive
        }
      return Point(
        coordinates: point, rungs: judgement.ladder, verdict: verdict,
        residual: judgement.measured.magnitude, why: judgement.why)
    } catch let failure as CheckFailure {
      return Point(
        coordinates: point, rungs: [], verdict: .fail, residual: nil, why: failure.description)
    } catch {
      throw UsageError("cannot evaluate the identity: \(error)")
    }
  }
}
