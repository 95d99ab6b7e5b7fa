import Numeric

/// C3: the sensitivity `S(L)` at 256 bits by reverse mode, its limit `S_inf`, and the Monte Carlo
/// of head noise in binary64 against the linear response `σ² S(L)/(3H)`.
///
/// `S_inf` is the constant term of the cubic in `1/L` through the four values of `L S(L)` at
/// `sDepths` (Richardson with error `O(Π 1/L)`).
struct HeadNoiseStudy: Sendable {
  typealias T = BigFloat
  let sensitivityDepths: [Int]
  let heads: [Int]
  let monteCarloDepths: [Int]
  let sigma: Rational
  /// `S(L)` for every depth of `sDepths` and `mcDepths`.
  let sensitivity: [Int: T]
  /// The Monte Carlo estimate per `(H, L)`.
  let estimates: [Pair: HeadNoise.Estimate]

  struct Pair: Hashable, Sendable {
    let heads: Int
    let depth: Int
  }

  init(_ instance: TransformerDepthLimit.Instance) {
    sensitivityDepths = instance.sensitivityDepths
    heads = instance.heads
    monteCarloDepths = instance.monteCarloDepths
    sigma = instance.noise.sigma
    var sensitivity: [Int: T] = [:]
    for depth in Set(sensitivityDepths + monteCarloDepths) {
      sensitivity[depth] = DiscreteAdjoint.sensitivity(instance.attention, depth: depth)
    }
    self.sensitivity = sensitivity
    var estimates: [Pair: HeadNoise.Estimate] = [:]
    for h in heads {
      for depth in monteCarloDepths {
        estimates[Pair(heads: h, depth: depth)] = instance.noise.meanSquare(depth: depth, heads: h)
      }
    }
    self.estimates = estimates
  }

  var pairs: [Pair] { heads.flatMap { h in monteCarloDepths.map { Pair(heads: h, depth: $0) } } }

  /// `L S(L)` over `sDepths`.
  var scaledSensitivities: [T] { sensitivityDepths.map { T($0) * sensitivity[$0]! } }

  /// The constant term of the cubic in `1/L` through `L S(L)`.
  func limit() throws -> T {
    try PolynomialInterpolation(
      x: sensitivityDepths.map { 1 / T($0) }, y: scaledSensitivities
    ).coefficients[0]
  }

  /// The linear response `σ² v S(L)/H^power` with `v` the variance of one noise entry (1/3 for
  /// uniform entries on [−1, 1)); the claim's is `v = 1/3`, power 1.
  func linearResponse(_ pair: Pair, variance: Rational = Rational(1, 3), headPower: Int = 1) -> T {
    T(sigma * sigma * variance) * sensitivity[pair.depth]! / T(Rational.pow(Rational(pair.heads), headPower))
  }

  func monteCarlo(_ pair: Pair) -> T { BigFloat(estimates[pair]!.mean, precision: 53) }

  /// `max over (H, L) of |MC/LR − 1| − max(1/5, 4 SE/mean)`: non-positive when every ratio is
  /// in the spec's band.
  func ratioExcess(variance: Rational = Rational(1, 3), headPower: Int = 1) -> T {
    pairs.map { pair in
      let ratio = monteCarlo(pair) / linearResponse(pair, variance: variance, headPower: headPower)
      let band = Swift.max(0.2, 4 * estimates[pair]!.relativeStandardError)
      return (ratio - 1).magnitude - T(band)
    }.maxOrNaN()!
  }

  /// The factors `MC(a)/MC(b)` by which the mean square falls when H (`overHeads`) or L grows
  /// by 4, one per consecutive pair at each fixed L (or H).
  func factors(overHeads: Bool) -> [(label: String, factor: T)] {
    let (steps, fixed) = overHeads ? (heads, monteCarloDepths) : (monteCarloDepths, heads)
    return fixed.flatMap { f in
      zip(steps, steps.dropFirst()).map { a, b in
        let (from, to) = overHeads
          ? (Pair(heads: a, depth: f), Pair(heads: b, depth: f))
          : (Pair(heads: f, depth: a), Pair(heads: f, depth: b))
        let label = overHeads ? "L\(f)_H\(a)_to_H\(b)" : "H\(f)_L\(a)_to_L\(b)"
        return (label, monteCarlo(from) / monteCarlo(to))
      }
    }
  }

  /// The largest excursion of the factors outside `(q/4)·[3, 5.3]`, the spec's band for a
  /// hypothesised factor `q` per 4× (q = 4: MSE ∝ 1/H or 1/L): non-positive when all lie in it.
  func factorExcursion(overHeads: Bool, hypothesis q: T) -> T {
    let (low, high) = (q * T(Rational(3, 4)), q * T(Rational(53, 40)))
    return factors(overHeads: overHeads).map { Swift.max(low - $0.factor, $0.factor - high) }.maxOrNaN()!
  }
}
