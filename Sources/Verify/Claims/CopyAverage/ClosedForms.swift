import Numeric

/// The closed forms the copy-average claims compare the AD-evaluated losses and points with
/// (spec §1–2; κ = 1 is `erf(z/√2)`). They are formulas in `m`, `k`, `ν`, `b`, never numbers.
enum ClosedForms {
  /// `L*(m) = m/6 − (m²/π) asin(1/(2m))`: the loss of one `erf(z/√2)` student averaging `m`
  /// unit-orthonormal teachers (`L*(1) = 0`, a copy).
  static func averagingLoss<T: Scalar>(_ m: Int) -> T {
    T(m) / 6 - T(m * m) / T.pi * T.asin(1 / T(2 * m))
  }

  /// `L*_plain(m) = (m/π)[asin(2/3) − m asin(2/(3m))]`, the same for plain `erf z`.
  static func plainErfAveragingLoss<T: Scalar>(_ m: Int) -> T {
    T(m) / T.pi * (T.asin(T(Rational(2, 3))) - T(m) * T.asin(T(Rational(2, 3 * m))))
  }

  /// The loss of one block in C2's recipe: `(b² m/π)[asin(κν²/(1+κν²)) − m asin(κν²/(m(1+κν²)))]`
  /// for `m` orthogonal teachers of norm ν and weight b under the κ-scaled erf.
  static func blockLoss<T: Scalar>(_ m: Int, nu: Rational, output b: Rational, kappa: Int) -> T {
    let x = Rational(kappa) * nu * nu / (1 + Rational(kappa) * nu * nu)
    return T(b * b * Rational(m)) / T.pi * (T.asin(T(x)) - T(m) * T.asin(T(x / Rational(m))))
  }

  /// `c* = 1/√(k(2k−1))`, the averaging scale of one `erf(z/√2)` student for `k` teachers.
  static func averagingScale<T: Scalar>(_ k: Int) -> T { 1 / T.sqrt(T(k * (2 * k - 1))) }

  /// `s* = a|w| = (√k/π)[√(k−1) + π − acos(1/√k)]`: the best output-norm product of one ReLU
  /// student in the symmetric direction `Σⱼ vⱼ/√k`.
  static func reluProduct<T: Scalar>(_ k: Int) -> T {
    let rootK = T.sqrt(T(k))
    return rootK / T.pi * (T.sqrt(T(k - 1)) + T.pi - T.acos(1 / rootK))
  }

  /// `L*_ReLU(k) = ½[k/2 + k(k−1)/(2π) − s*²/2]`.
  static func reluLoss<T: Scalar>(_ k: Int) -> T {
    let s: T = reluProduct(k)
    return (T(k) / 2 + T(k * (k - 1)) / (2 * T.pi) - s * s / 2) / 2
  }

  /// The committee-machine plateau of `K` erf students (C7): `Q = 1/(2K−1)`,
  /// `R = 1/√(K(2K−1))`, `ε = (K/π)(π/6 − K asin(1/(2K)))`.
  static func committeePlateau<T: Scalar>(_ k: Int) -> (q: T, r: T, epsilon: T) {
    (1 / T(2 * k - 1), averagingScale(k), T(k) / T.pi * (T.pi / 6 - T(k) * T.asin(1 / T(2 * k))))
  }

  /// The ReLU committee plateau: `R = s*/K^{3/2}`, `Q = s*²/K²`, `ε = L*_ReLU(K)`.
  static func reluCommitteePlateau<T: Scalar>(_ k: Int) -> (q: T, r: T, epsilon: T) {
    let s: T = reluProduct(k)
    return (s * s / T(k * k), s / (T(k) * T.sqrt(T(k))), reluLoss(k))
  }
}
