import Numeric

/// A ball containing `‖f‖₁` exactly, from the sign changes ``L1Norm`` found: what lets C2 and
/// C3 decide their inequalities rigorously (`proved`).
///
/// Certification, in Arb balls at the working precision, on the scan interval `[−L, L]`:
/// - around each sign change `r̃`, a cell `[r̃ − h, r̃ + h]` on which `f′` has one sign (so `f`
///   has at most one zero there), and the points `r̃ ∓ ρ`, `ρ = 2^(−p/2) max(1, |r̃|)`, where
///   `f` has the two signs of the neighbouring pieces (so the zero lies in `[r̃ − ρ, r̃ + ρ]`);
/// - on every gap between cells, `f` has its piece's sign, by adaptive bisection with the
///   mean-value form `f(X) ⊂ f(c) + (f′(c) + f″(X)(X − c))(X − c)`.
///
/// Then the signed sum `S = Σ_i s_i ∫ f` over the pieces with the root balls as ends encloses
/// the exact `Σ_i s_i ∫ f` over the true pieces, and `‖f‖₁ ∈ [S, S + 2T]` with `T` the tail
/// mass outside `[−L, L]` (where a sign change could hide). Without a certificate the ball is
/// still an enclosure, only a wide one: `[S, Σ_j |c_j|]`, since a signed sum over any partition
/// is at most `‖f‖₁` and each Gaussian has mass 1.
struct L1Enclosure {
  let ball: Ball
  /// Whether the sign changes were certified (the ball is then as tight as the working precision).
  let certified: Bool

  /// Half-width of the cells around sign changes, and the bisection's limits.
  static let cellHalfWidth = Rational(1, 100)
  static let maximumDepth = 60
  static let cellBudget = 100_000

  init(_ f: GaussianSum<Ball>, _ norm: L1Norm) {
    let radius = { (r: BigFloat) in
      BigFloat.maxOrNaN(1, r.magnitude) * BigFloat(Rational.pow(2, -(Precision.bits / 2)))
    }
    let roots = norm.signChanges.map { r in (r - radius(r), r + radius(r)) }
    var budget = Self.cellBudget
    certified = Self.certify(f, norm, roots, budget: &budget)
    let ends: [Ball?] =
      [nil]
      + (certified
        ? roots.map { Ball(lower: $0.0, upper: $0.1) } : norm.signChanges.map { Ball($0) })
      + [nil]
    let signed = norm.signs.indices.reduce(Ball(0)) { sum, i in
      sum + Ball(norm.signs[i]) * f.integral(from: ends[i], to: ends[i + 1])
    }
    let upper =
      certified
      ? signed + 2 * f.tailMass(outside: Ball(-norm.halfWidth), Ball(norm.halfWidth))
      : f.absoluteSum
    ball =
      signed.isFinite && upper.isFinite
      ? Ball(lower: signed.lowerBound, upper: BigFloat.maxOrNaN(signed.lowerBound, upper.upperBound))
      : signed + upper
  }

  /// Whether the sign changes are exactly the zeros of `f` on the scan interval, each inside its
  /// root ball, with the signs ``L1Norm`` found.
  private static func certify(
    _ f: GaussianSum<Ball>, _ norm: L1Norm, _ roots: [(BigFloat, BigFloat)], budget: inout Int
  ) -> Bool {
    let (low, high) = (BigFloat(-norm.halfWidth), BigFloat(norm.halfWidth))
    let centres = norm.signChanges
    var gapStart = low
    for (i, r) in centres.enumerated() {
      let left = i == 0 ? low : centres[i - 1]
      let right = i + 1 == centres.count ? high : centres[i + 1]
      let h = BigFloat.minOrNaN(
        BigFloat(cellHalfWidth), BigFloat.minOrNaN(r - left, right - r) / 3)
      guard roots[i].1 - roots[i].0 < h,
        hasSign(f, norm.signs[i], from: gapStart, to: r - h, budget: &budget),
        isMonotone(f, from: r - h, to: r + h, budget: &budget),
        isCertainly(f.value(Ball(roots[i].0)), norm.signs[i]),
        isCertainly(f.value(Ball(roots[i].1)), norm.signs[i + 1])
      else { return false }
      gapStart = r + h
    }
    return hasSign(f, norm.signs.last!, from: gapStart, to: high, budget: &budget)
  }

  private static func isCertainly(_ value: Ball, _ sign: Int) -> Bool {
    sign > 0 ? value.isCertainlyPositive : value.isCertainlyNegative
  }

  /// `X − c` for `X = [a, b]`, `c` its midpoint: the ball `[0 ± (b − a)/2]`.
  private static func offsets(_ a: BigFloat, _ b: BigFloat) -> (centre: Ball, offset: Ball) {
    let centre = (a + b) / 2
    let reach = BigFloat.maxOrNaN(centre - a, b - centre)
    return (Ball(centre), Ball(midpoint: 0, radius: reach))
  }

  /// Whether `f` has sign `sign` on all of `[a, b]`, by bisection.
  private static func hasSign(
    _ f: GaussianSum<Ball>, _ sign: Int, from a: BigFloat, to b: BigFloat, budget: inout Int
  ) -> Bool {
    var stack = [(a, b, 0)]
    while let (lo, hi, depth) = stack.popLast() {
      if hi <= lo { continue }
      budget -= 1
      guard budget >= 0, depth <= maximumDepth else { return false }
      let (centre, offset) = offsets(lo, hi)
      let point = f.derivatives(centre)
      let curvature = f.derivatives(Ball(lower: lo, upper: hi)).second
      let value = point.value + (point.first + curvature * offset) * offset
      if isCertainly(value, sign) { continue }
      let middle = (lo + hi) / 2
      stack.append((middle, hi, depth + 1))
      stack.append((lo, middle, depth + 1))
    }
    return true
  }

  /// Whether `f′` has one sign on all of `[a, b]` (then `f` has at most one zero there), by
  /// bisection with `f′(X) ⊂ f′(c) + f″(X)(X − c)`.
  private static func isMonotone(
    _ f: GaussianSum<Ball>, from a: BigFloat, to b: BigFloat, budget: inout Int
  ) -> Bool {
    var sign: Int? = nil
    var stack = [(a, b, 0)]
    while let (lo, hi, depth) = stack.popLast() {
      budget -= 1
      guard budget >= 0, depth <= maximumDepth else { return false }
      let (centre, offset) = offsets(lo, hi)
      let slope = f.derivatives(centre).first + f.derivatives(Ball(lower: lo, upper: hi)).second * offset
      let found = slope.isCertainlyPositive ? 1 : (slope.isCertainlyNegative ? -1 : 0)
      if found != 0 && (sign == nil || sign == found) {
        sign = found
        continue
      }
      if found != 0 { return false }
      let middle = (lo + hi) / 2
      stack.append((middle, hi, depth + 1))
      stack.append((lo, middle, depth + 1))
    }
    return true
  }
}
