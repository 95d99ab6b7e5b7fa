import Numeric

/// One component `π N((x, y); μ, S)` of a joint density on `(x, y)`, x scalar and
/// `y ∈ ℝ^dy`, with exact entries: `μ = (mx, my)`, `S = [[Sxx, Sxy], [Syx, Syy]]`.
struct MixtureComponent: Sendable, Hashable {
  /// `π`, after the mixture's weights are normalised to sum 1.
  var weight: Rational
  /// `(mx, my₁, …)`.
  var mean: [Rational]
  /// The joint covariance, order `(x, y₁, …)`; positive definite.
  var covariance: ExactSymmetric

  var dy: Int { mean.count - 1 }
  var yMean: [Rational] { Array(mean.dropFirst()) }
  var sxx: Rational { covariance.rows[0][0] }
  /// The row `Sxy`.
  var sxy: [Rational] { Array(covariance.rows[0].dropFirst()) }
  var syy: ExactSymmetric { ExactSymmetric(rows: covariance.rows.dropFirst().map { Array($0.dropFirst()) }) }

  /// The component with its mean moved by `shift` (in the order `(x, y₁, …)`).
  func shifted(by shift: [Rational]) -> MixtureComponent {
    MixtureComponent(weight: weight, mean: zip(mean, shift).map { $0 + $1 }, covariance: covariance)
  }

  /// The component conditioned at `y`, exactly:
  /// `m(y) = mx + Sxy Syy⁻¹ (y − my)`, `v = Sxx − Sxy Syy⁻¹ Syx`; with `schur` false the
  /// negative control's variance `Sxx` (the Schur complement forgotten).
  func conditioned(at y: [Rational], schur: Bool = true) -> ConditionedComponent {
    let inverse = syy.inverse
    let offset = zip(y, yMean).map { $0 - $1 }
    let gain = inverse.times(sxy)
    return ConditionedComponent(
      weight: weight,
      mean: mean[0] + zip(gain, offset).reduce(Rational(0)) { $0 + $1.0 * $1.1 },
      variance: schur ? sxx - zip(gain, sxy).reduce(Rational(0)) { $0 + $1.0 * $1.1 } : sxx,
      quadratic: inverse.form(offset, offset), determinant: syy.determinant, dy: dy)
  }

  /// `x ↦ π N((x, y); μ, S)` at a fixed `y`, evaluated from the full joint covariance (no
  /// conditioning): the independent route of C1. With `z = (x − mx, y − my)` and `P = S⁻¹`,
  /// the exponent is `−(P₁₁ dx² + 2 (P_{1,y} · dy) dx + dyᵀ P_yy dy)/2`, its three exact
  /// coefficients formed once.
  func directSlice(at y: [Rational]) -> DirectSlice {
    let precision = covariance.inverse
    let offset = zip(y, yMean).map { $0 - $1 }
    let inner = ExactSymmetric(rows: precision.rows.dropFirst().map { Array($0.dropFirst()) })
    return DirectSlice(
      xMean: mean[0], quadratic: precision.rows[0][0],
      linear: zip(precision.rows[0].dropFirst(), offset).reduce(Rational(0)) { $0 + $1.0 * $1.1 },
      constant: inner.form(offset, offset), weight: weight, determinant: covariance.determinant,
      dimension: mean.count)
  }
}

/// One component's joint density at a fixed `y` as a function of x:
/// `π exp(−(a dx² + 2b dx + c)/2) / √((2π)^d det S)`, `dx = x − mx`.
struct DirectSlice: Sendable, Hashable {
  var xMean: Rational
  var quadratic: Rational
  var linear: Rational
  var constant: Rational
  var weight: Rational
  var determinant: Rational
  var dimension: Int

  /// The density at `x`, in `T`, with `normaliser = π / √((2π)^d det S)` in `T` from ``normaliser()``.
  func value<T: Scalar>(_ x: T, normaliser: T) -> T {
    let dx = x - T(xMean)
    return normaliser * T.exp(-(T(quadratic) * dx * dx + 2 * T(linear) * dx + T(constant)) / 2)
  }

  func normaliser<T: Scalar>() -> T {
    T(weight) / T.sqrt(T.pow(2 * T.pi, dimension) * T(determinant))
  }
}

/// A component conditioned at a fixed `y`: `π N(y; my, Syy) N(x; m, v)` as a function of x.
struct ConditionedComponent: Sendable, Hashable {
  var weight: Rational
  /// `m_k(y)`, exact.
  var mean: Rational
  /// `v_k`, exact.
  var variance: Rational
  /// `(y − my)ᵀ Syy⁻¹ (y − my)`.
  var quadratic: Rational
  /// `det Syy`.
  var determinant: Rational
  var dy: Int

  /// `π N(y; my, Syy) = π exp(−q/2) / √((2π)^dy det Syy)`.
  func marginalDensity<T: Scalar>() -> T {
    T(weight) * T.exp(-T(quadratic) / 2) / T.sqrt(T.pow(2 * T.pi, dy) * T(determinant))
  }
}
