@testable import Numeric

/// The precision ladder the identity checks use, and the accuracy each rung must reach.
let precisionLadder = [64, 128, 256, 512]

/// `2^−(p − 20)`: full working precision `p` up to twenty bits lost to rounding.
func fullPrecisionBound(_ bits: Int) -> BigFloat { BigFloat.pow(BigFloat(2), 20 - bits) }

/// A matrix drawn row-major from SplitMix64 with entries uniform on [−scale, scale).
func randomMatrix<T: Scalar>(_ rows: Int, _ columns: Int, seed: UInt64, scale: Rational = 1)
  -> Matrix<T>
{
  var generator = SplitMix64(seed: seed)
  return Matrix(rowCount: rows, columnCount: columns,
    entries: generator.symmetricEntries(rows * columns, scale: scale))
}

/// The exact rational Householder reflection `I − 2vvᵀ/(vᵀv)`.
func householder(_ v: [Int]) -> [[Rational]] {
  let norm2 = v.reduce(0) { $0 + $1 * $1 }
  return v.indices.map { i in
    v.indices.map { j in Rational(i == j ? 1 : 0) - Rational(2 * v[i] * v[j], norm2) }
  }
}

/// The exact product of rational matrices.
func product(_ a: [[Rational]], _ b: [[Rational]]) -> [[Rational]] {
  a.map { row in
    b[0].indices.map { j in row.indices.reduce(Rational(0)) { $0 + row[$1] * b[$1][j] } }
  }
}

/// A rational matrix rounded entrywise to `T`.
func rounded<T: Scalar>(_ a: [[Rational]]) -> Matrix<T> { Matrix(a.map { $0.map { T($0) } }) }

/// `‖X − I‖_F` for a square `X`.
func distanceFromIdentity<T: Scalar>(_ x: Matrix<T>) -> T {
  (x - Matrix.identity(x.rowCount)).frobeniusNorm
}

/// A random ball for Arb-style tests: a `bits`-bit midpoint uniform on `domain` and, one time in
/// three, radius 0, else a power of two between 2^−(bits+10) and 2^−(bits/2) times the
/// midpoint; with a point of the ball, exact, drawn uniformly from it.
struct RandomBall {
  let ball: Ball
  let midpoint: BigFloat
  let radius: BigFloat
  /// A number in the ball, as an exact `BigFloat` of `2 · bits + 192` bits.
  let point: BigFloat

  init(in domain: (Rational, Rational), bits: Int, _ generator: inout SplitMix64) {
    let (low, high) = domain
    midpoint = BigFloat(low + (high - low) * generator.nextUniform(), precision: bits)
    if generator.next() % 3 == 0 {
      radius = BigFloat(0, precision: 64)
    } else {
      let shift = bits / 2 + Int(generator.next() % UInt64(bits / 2 + 11))
      radius = BigFloat.pow(BigFloat(2, precision: 64), (midpoint.exponent ?? 0) - shift)
    }
    ball = Ball(midpoint: midpoint, radius: radius, precision: bits)
    let offset = Rational(2) * generator.nextUniform() - 1
    let exact = Rational(exactly: midpoint)! + offset * Rational(exactly: radius)!
    point = BigFloat(exact, precision: 2 * bits + 192)
    precondition(Rational(exactly: point)! == exact, "the test point must be exact")
  }
}

/// A random precision in 16…1100 bits: both sides of Arb's 128-bit inline midpoint and of
/// BigFloat's 512-bit inline significand.
func randomPrecision(_ generator: inout SplitMix64) -> Int { 16 + Int(generator.next() % 1085) }

/// `|f′(x)|` by a central difference at `x.precision + 192` bits with step `2^(e − 80)`:
/// accurate to about 2⁻¹⁶⁰ relative for the smooth functions the ball tests use, ample for a
/// radius bound.
func slope(_ f: (BigFloat) -> BigFloat, at x: BigFloat) -> BigFloat {
  let wide = x.rounded(toPrecision: x.precision + 192)
  let h = BigFloat.pow(BigFloat(2, precision: wide.precision), (x.exponent ?? 0) - 80)
  return ((f(wide + h) - f(wide - h)) / (h + h)).magnitude
}
