import Numeric

/// C4's grid: every `(d, β)` of `rateDims × rateBetas` (d outer), the two N of `rateN`, the
/// constants A, B; and the lattice rows `latticeDims × latticeRatios` (d outer).
struct RateSetting: Sendable {
  struct Row: Sendable {
    let dimension: Int
    let beta: Rational
  }

  let rows: [Row]
  let counts: (Int, Int)
  let bias: Rational
  let variance: Rational
  let lattice: [(dimension: Int, ratio: Rational)]

  init(_ arguments: Arguments) throws(UsageError) {
    typealias C = DriftingConservative
    rows = arguments[C.rateDims].flatMap { d in arguments[C.rateBetas].map { Row(dimension: d, beta: $0) } }
    let n = arguments[C.rateN]
    guard n[0] != n[1] else {
      throw UsageError("rateN = \(n[0]),\(n[1]): the two particle numbers must differ for the fitted exponent")
    }
    counts = (n[0], n[1])
    bias = arguments[C.biasConstant]
    variance = arguments[C.varianceConstant]
    lattice = arguments[C.latticeDims].flatMap { d in arguments[C.latticeRatios].map { (d, $0) } }
  }

  /// The bound's shape on `row`; the controls change one exponent.
  func shape(_ row: Row, biasExponent: Rational? = nil, varianceExponent: Rational? = nil) -> BoundShape {
    BoundShape(
      bias: bias, variance: variance, biasExponent: biasExponent ?? 2 - row.beta,
      varianceExponent: varianceExponent ?? Rational(row.dimension + 2))
  }

  /// `−(2−β)/(2(d+4−β))`.
  static func claimedExponent(_ row: Row) -> Rational {
    -(2 - row.beta) / (2 * (Rational(row.dimension) + 4 - row.beta))
  }
}
