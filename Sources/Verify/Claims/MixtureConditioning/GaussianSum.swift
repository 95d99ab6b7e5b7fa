import Numeric

/// A signed combination of one-dimensional Gaussians `f(x) = Σ_j c_j N(x; m_j, v_j)` with
/// exact means and variances, in `T` (`BigFloat` for digits, `Ball` for enclosures).
///
/// Every function C2 and C3 integrate is one: conditional densities, joint slices and their
/// differences. Terms with the same `(m_j, v_j)` are merged (their coefficients added), so a
/// difference of two mixtures that share components has no cancelling pair of equal
/// Gaussians, which would otherwise dominate the width of a ball evaluation.
struct GaussianSum<T: Scalar> {
  struct Term {
    var coefficient: T
    var mean: Rational
    var variance: Rational

    init(_ coefficient: T, _ mean: Rational, _ variance: Rational) {
      self.coefficient = coefficient
      self.mean = mean
      self.variance = variance
    }
  }

  let terms: [Term]
  /// Per term: `T(m_j)`, `√(2 v_j)` and `c_j / √(2π v_j)`.
  let means: [T]
  let scales: [T]
  let amplitudes: [T]

  init(_ terms: [Term]) {
    var merged: [Term] = []
    for term in terms {
      if let i = merged.firstIndex(where: { $0.mean == term.mean && $0.variance == term.variance }) {
        merged[i].coefficient += term.coefficient
      } else {
        merged.append(term)
      }
    }
    self.terms = merged
    means = merged.map { T($0.mean) }
    scales = merged.map { T.sqrt(2 * T($0.variance)) }
    amplitudes = merged.map { $0.coefficient / T.sqrt(2 * T.pi * T($0.variance)) }
  }

  /// `self − other`.
  static func - (lhs: GaussianSum, rhs: GaussianSum) -> GaussianSum {
    GaussianSum(lhs.terms + rhs.terms.map { Term(-$0.coefficient, $0.mean, $0.variance) })
  }

  /// `f(x)`.
  func value(_ x: T) -> T { derivatives(x).value }

  /// `(f(x), f′(x), f″(x))`, one exponential per term:
  /// `N′ = −N (x − m)/v`, `N″ = N ((x − m)²/v² − 1/v)`.
  func derivatives(_ x: T) -> (value: T, first: T, second: T) {
    var (f, f1, f2) = (T.zero, T.zero, T.zero)
    for j in terms.indices {
      let u = (x - means[j]) / scales[j]
      let n = amplitudes[j] * T.exp(-u * u)
      // (x − m)/v = 2u/scale, 1/v = 2/scale².
      let slope = 2 * u / scales[j]
      f += n
      f1 -= n * slope
      f2 += n * (slope * slope - 2 / (scales[j] * scales[j]))
    }
    return (f, f1, f2)
  }

  /// `∫_a^b f`, exactly through `erfc` on each term (nil ends are `∓∞`):
  /// `∫_a^b N(x; m, v) dx` is `(erfc(α) − erfc(β))/2` when `α ≥ 0`, `(erfc(−β) − erfc(−α))/2`
  /// when `β ≤ 0` and `1 − (erfc(−α) + erfc(β))/2` otherwise, for `α, β = (a − m, b − m)/√(2v)`:
  /// each form subtracts only quantities of the tail the piece lies in, so no digits cancel in
  /// the tails. (All three are identities for every α ≤ β, so a ball that cannot decide the
  /// branch still gets an enclosure.)
  func integral(from a: T?, to b: T?) -> T {
    var sum = T.zero
    for j in terms.indices {
      let alpha = a.map { ($0 - means[j]) / scales[j] }
      let beta = b.map { ($0 - means[j]) / scales[j] }
      // erfc(±∞) = 0 or 2.
      let upperTail = { (z: T?) in z.map { T.erfc($0) } ?? T.zero }
      let lowerTail = { (z: T?) in z.map { T.erfc(-$0) } ?? T.zero }
      let mass: T
      if let alpha, alpha >= T.zero {
        mass = (upperTail(alpha) - upperTail(beta)) / 2
      } else if let beta, beta <= T.zero {
        mass = (lowerTail(beta) - lowerTail(alpha)) / 2
      } else {
        mass = 1 - (lowerTail(alpha) + upperTail(beta)) / 2
      }
      sum += terms[j].coefficient * mass
    }
    return sum
  }

  /// `Σ_j |c_j| (P(N_j < a) + P(N_j > b))`: a bound on `∫ |f|` outside `[a, b]`.
  func tailMass(outside a: T, _ b: T) -> T {
    terms.indices.reduce(T.zero) { sum, j in
      let (alpha, beta) = ((a - means[j]) / scales[j], (b - means[j]) / scales[j])
      return sum + terms[j].coefficient.magnitude * (T.erfc(-alpha) + T.erfc(beta)) / 2
    }
  }

  /// `Σ_j |c_j|`, a bound on `‖f‖₁` (each Gaussian has mass 1).
  var absoluteSum: T { terms.reduce(T.zero) { $0 + $1.coefficient.magnitude } }
}
