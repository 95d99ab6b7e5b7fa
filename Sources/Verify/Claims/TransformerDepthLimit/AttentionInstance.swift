import Numeric

/// The instance of spec Section 4: tokens `X0` (n × d), targets `Y`, and the parameter paths
/// `M(t) = M0 + t M1`, `V(t) = V0 + t V1` on depth-time `t ∈ [0, 1]`, all exact rationals as
/// SplitMix64 draws them (order `X0`, `M0`, `M1`, `V0`, `V1`, `Y`; entries `scale·(2u − 1)`,
/// row-major), so every precision starts from the same numbers. Public so that `bench claims`
/// can send it to its mpmath twin.
public struct AttentionInstance: Sendable {
  /// `n` and `d`.
  public let tokens: Int
  public let dimension: Int
  /// `X0` and `Y` (n × d), `M0`, `M1`, `V0`, `V1` (d × d), row-major.
  public let x0: [Rational]
  public let m0: [Rational]
  public let m1: [Rational]
  public let v0: [Rational]
  public let v1: [Rational]
  public let y: [Rational]

  init(seed: UInt64, tokens n: Int, dimension d: Int, scaleM: Rational, scaleV: Rational) {
    var generator = SplitMix64(seed: seed)
    tokens = n
    dimension = d
    x0 = generator.symmetricEntries(n * d, scale: 1)
    m0 = generator.symmetricEntries(d * d, scale: scaleM)
    m1 = generator.symmetricEntries(d * d, scale: scaleM)
    v0 = generator.symmetricEntries(d * d, scale: scaleV)
    v1 = generator.symmetricEntries(d * d, scale: scaleV)
    y = generator.symmetricEntries(n * d, scale: 1)
  }

  /// The instance rounded once into `T`.
  func rounded<T: Scalar>(as type: T.Type = T.self) -> RoundedAttentionInstance<T> {
    let (n, d) = (tokens, dimension)
    return RoundedAttentionInstance(
      x0: Matrix(rounding: x0, n, d), y: Matrix(rounding: y, n, d),
      m0: Matrix(rounding: m0, d, d), m1: Matrix(rounding: m1, d, d),
      v0: Matrix(rounding: v0, d, d), v1: Matrix(rounding: v1, d, d))
  }
}

/// ``AttentionInstance`` in `T`.
struct RoundedAttentionInstance<T: Scalar> {
  let x0: Matrix<T>
  let y: Matrix<T>
  let m0: Matrix<T>
  let m1: Matrix<T>
  let v0: Matrix<T>
  let v1: Matrix<T>

  /// `M(t)`.
  func score(at t: T) -> Matrix<T> { m0 + t * m1 }
  /// `V(t)`.
  func value(at t: T) -> Matrix<T> { v0 + t * v1 }
  /// `F_t` with `V(t)`, or with `value` in its place (a per-layer or noisy value matrix).
  func drift(at t: T, value: Matrix<T>? = nil, normalisation: AttentionNormalisation = .softmax)
    -> AttentionDrift<T>
  {
    AttentionDrift(score: score(at: t), value: value ?? self.value(at: t), normalisation: normalisation)
  }

  /// `l(X) = (1/(2n)) Σ_i |x_i − y_i|²`.
  func loss(_ x: Matrix<T>) -> T {
    let r = x - y
    return r.frobeniusInnerProduct(r) / T(2 * x.rowCount)
  }
}
