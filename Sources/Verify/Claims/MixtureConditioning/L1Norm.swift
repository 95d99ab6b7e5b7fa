import Numeric

/// `‖f‖₁ = ∫ |f(x)| dx` of a ``GaussianSum`` by the route of spec Section 3: locate the sign
/// changes of `f` (a scan of `[−L, L]` with step 1/50 for a change of sign, each refined by a
/// bracketed Newton iteration to the working precision), then sum the absolute values of the
/// exact `erfc` integrals over the pieces between them (the outer two reaching ±∞). No
/// quadrature: the result is exact to the working precision once every sign change is found.
///
/// Scan-range guard: a sign change outside `[−L, L]` can change the result by at most twice
/// the mass of `|f|` there, bounded by ``GaussianSum/tailMass(outside:_:)``; the scan starts at
/// `L = 14` and doubles `L` until that bound is at most `10⁻³⁸ ‖f‖₁`.
struct L1Norm {
  /// `‖f‖₁` at the working precision.
  let value: BigFloat
  /// The sign changes found, increasing.
  let signChanges: [BigFloat]
  /// The sign of `f` on each piece, left to right: one more than the sign changes.
  let signs: [Int]
  /// `L`: the scan covered `[−L, L]`.
  let halfWidth: Rational
  /// The guard: tail mass outside the scan over `‖f‖₁`.
  let relativeTailBound: BigFloat

  static let step = Rational(1, 50)
  static let guardBound = Rational(1, 1) / Rational.pow(10, 38)

  init(_ f: GaussianSum<BigFloat>) throws {
    var halfWidth = Rational(14)
    for _ in 0..<8 {
      let (changes, signs) = try Self.signChanges(of: f, within: halfWidth)
      let ends: [BigFloat?] = [nil] + changes + [nil]
      let value = (0...changes.count).reduce(BigFloat.zero) {
        $0 + f.integral(from: ends[$1], to: ends[$1 + 1]).magnitude
      }
      let tail = f.tailMass(outside: BigFloat(-halfWidth), BigFloat(halfWidth))
      guard value.isFinite, tail.isFinite else {
        throw CheckFailure(description: "an L1 norm is \(value) (tail bound \(tail))")
      }
      if tail <= BigFloat(Self.guardBound) * value {
        self.value = value
        signChanges = changes
        self.signs = signs
        self.halfWidth = halfWidth
        relativeTailBound = value.isZero ? .zero : tail / value
        return
      }
      halfWidth *= 2
    }
    throw CheckFailure(
      description: "the scan-range guard failed up to [−\(halfWidth), \(halfWidth)]: the mass outside exceeds 1e-38 of the L1 norm")
  }

  /// The sign changes of `f` on the grid `−L, −L + step, …, L`, refined, and the signs of the
  /// pieces, each sign decided in binary64 where that is certain (``Binary64GaussianSum``) and
  /// at the working precision elsewhere, so the signs are the working precision's. Grid points
  /// where `f` is exactly 0 take no side: a change is bracketed between the non-zero values on
  /// either side.
  static func signChanges(of f: GaussianSum<BigFloat>, within halfWidth: Rational) throws
    -> (changes: [BigFloat], signs: [Int])
  {
    let count = (2 * halfWidth / step).numerator.intValue!
    let binary64 = Binary64GaussianSum(f)
    var changes: [BigFloat] = []
    var signs: [Int] = []
    var previous: (x: BigFloat, sign: Int)? = nil
    for i in 0...count {
      let point = -halfWidth + Rational(i) * step
      let x = BigFloat(point)
      let sign: Int
      if let decided = binary64.certifiedSign(at: point.doubleValue) {
        sign = decided
      } else {
        let y = f.value(x)
        guard y.isFinite else { throw CheckFailure(description: "f(\(x)) is \(y)") }
        if y.isZero { continue }
        sign = y > 0 ? 1 : -1
      }
      if let previous, previous.sign != sign {
        changes.append(
          try Newton.solve(
            { f.value($0) }, derivative: { f.derivatives($0).first },
            bracketing: previous.x...x, absoluteTolerance: BigFloat.workingEpsilon))
      }
      if signs.isEmpty || previous?.sign != sign { signs.append(sign) }
      previous = (x, sign)
    }
    return (changes, signs.isEmpty ? [1] : signs)
  }
}
