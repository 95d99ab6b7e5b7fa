import Numeric

/// C1's self term on the lattice `δℤ^d` (δ = 1, bandwidth `h`): the own-kernel-included sum at
/// a lattice point is `S_Q = (Σ_{n∈ℤ} e^{−n²/(2h²)})^d`, and by Poisson summation
///
///     S_Q = (√(2π) h ϑ)^d,      ϑ = Σ_{m∈ℤ} e^{−2π² m² h²},
///
/// so the self term `d/(h² S_Q) = d/((2π)^{d/2} h^{d+2} ϑ^d)` is its leading term
/// `d/((2π)^{d/2} h^{d+2})` divided by `ϑ^d ≥ 1`, with `ϑ − 1 ≤ 2e^{−a}/(1 − e^{−a})`,
/// `a = 2π²h²`. Both series are summed while their terms exceed `2^{−p−16}` of the first.
struct LatticeSum {
  let dimension: Int
  let bandwidth: Rational

  typealias T = BigFloat

  /// `Σ_{n∈ℤ} e^{−c n²}`, truncated where `e^{−c n²} < 2^{−p−16}`.
  static func theta(_ c: T) -> T {
    let bits = Double(Precision.bits + 16)
    let last = Int((bits * 0.6931471805599453 / c.doubleValue).squareRoot()) + 1
    return (1...last).reduce(T(1)) { $0 + 2 * T.exp(-c * T($1 * $1)) }
  }

  private var h: T { T(bandwidth) }

  /// `S_Q` by the direct sum.
  var direct: T { T.pow(Self.theta(1 / (2 * h * h)), dimension) }

  /// `S_Q` by its Poisson form; `rootTwoPi` false drops the `√(2π)` (a control).
  func poisson(rootTwoPi: Bool = true) -> T {
    let a = 2 * T.pi * T.pi * h * h
    return T.pow((rootTwoPi ? T.sqrt(2 * T.pi) : 1) * h * Self.theta(a), dimension)
  }

  /// `d/(h² S_Q)`, with the direct sum.
  var selfTerm: T { T(dimension) / (h * h * direct) }

  /// `d/((2π)^{d/2} h^{d+2})`; `twoPi` false drops the `(2π)^{d/2}` (the spec's control).
  func leadingTerm(twoPi: Bool = true) -> T {
    let factor = twoPi ? T.pow(T.sqrt(2 * T.pi), dimension) : 1
    return T(dimension) / (factor * T.pow(h, dimension + 2))
  }

  /// The bits that `1 − ϑ^{−d} ≈ 2d e^{−a}` cancels: `a/ln 2`, `a = 2π²h²`, and a margin.
  var cancelledBits: Int {
    let h = bandwidth.doubleValue
    return Int((2 * Double.pi * Double.pi * h * h / 0.6931471805599453).rounded(.up)) + 16
  }

  /// `2d e^{−a}/(1 − e^{−a})`, `a = 2π²h²`: a bound on `1 − ϑ^{−d}`, the self term's relative
  /// distance from its leading term.
  var thetaBound: T {
    let q = T.exp(-2 * T.pi * T.pi * h * h)
    return 2 * T(dimension) * q / (1 - q)
  }
}
