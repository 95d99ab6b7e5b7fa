import Numeric

/// A joint density `p(x, y) = Σ_k π_k N((x, y); μ_k, S_k)` with exact parameters, and the
/// operations C1–C3 apply to it: conditioning at `y`, the joint slice `p(·, y)`, a moved mean,
/// and the mixture `(1 − ε)p + εr` with a bump.
struct GaussianMixture: Sendable, Hashable {
  var components: [MixtureComponent]

  var dy: Int { components[0].dy }

  /// Every component conditioned at `y` (exact means and variances).
  func conditioned(at y: [Rational], schur: Bool = true) -> [ConditionedComponent] {
    components.map { $0.conditioned(at: y, schur: schur) }
  }

  /// `C(p)(·|y)` in `T`: `pY(y)`, the weights `w_k(y)` and the conditional density as a sum of
  /// Gaussians in x.
  func conditional<T: Scalar>(at y: [Rational], schur: Bool = true) -> Conditional<T> {
    Conditional(conditioned(at: y, schur: schur))
  }

  /// `x ↦ p(x, y)` evaluated directly from the joint covariances (C1's independent route).
  func directSlice<T: Scalar>(at y: [Rational]) -> (T) -> T {
    let slices = components.map { $0.directSlice(at: y) }
    let normalisers: [T] = slices.map { $0.normaliser() }
    return { x in zip(slices, normalisers).reduce(T.zero) { $0 + $1.0.value(x, normaliser: $1.1) } }
  }

  /// The mixture with component `k`'s mean moved by `shift`.
  func movingMean(of k: Int, by shift: [Rational]) -> GaussianMixture {
    var moved = self
    moved.components[k] = components[k].shifted(by: shift)
    return moved
  }

  /// `(1 − ε) self + ε r`, the bump `r` a single component of weight 1.
  func mixed(with bump: MixtureComponent, weight epsilon: Rational) -> GaussianMixture {
    let scaled = components.map {
      MixtureComponent(weight: (1 - epsilon) * $0.weight, mean: $0.mean, covariance: $0.covariance)
    }
    let r = MixtureComponent(weight: epsilon, mean: bump.mean, covariance: bump.covariance)
    return GaussianMixture(components: scaled + [r])
  }
}

/// A mixture conditioned at one `y`, in `T`.
struct Conditional<T: Scalar> {
  /// `π_k N(y; my_k, Syy_k)` per component: the joint slice is `Σ_k joint_k N(x; m_k, v_k)`.
  let joint: [T]
  let components: [ConditionedComponent]
  /// `pY(y) = Σ_k π_k N(y; my_k, Syy_k)`.
  let marginal: T

  init(_ components: [ConditionedComponent]) {
    self.components = components
    joint = components.map { $0.marginalDensity() }
    marginal = joint.reduce(T.zero, +)
  }

  /// `w_k(y) = π_k N(y; my_k, Syy_k) / pY(y)`.
  var weights: [T] { joint.map { $0 / marginal } }

  /// The conditional density `Σ_k w_k N(x; m_k, v_k)`, scaled by `factor`.
  func density(scaledBy factor: T = T(1)) -> GaussianSum<T> {
    GaussianSum(zip(weights, components).map { .init(factor * $0, $1.mean, $1.variance) })
  }

  /// The joint slice `p(·, y) = pY(y) C(p)(·|y)`, scaled by `factor`.
  func slice(scaledBy factor: T = T(1)) -> GaussianSum<T> {
    GaussianSum(zip(joint, components).map { .init(factor * $0, $1.mean, $1.variance) })
  }

  /// The conditional mean `Σ w_k m_k`.
  var mean: T { zip(weights, components).reduce(T.zero) { $0 + $1.0 * T($1.1.mean) } }

  /// The conditional variance `Σ w_k (v_k + m_k²) − mean²`.
  var variance: T {
    let second = zip(weights, components).reduce(T.zero) {
      $0 + $1.0 * (T($1.1.variance) + T($1.1.mean) * T($1.1.mean))
    }
    return second - mean * mean
  }
}
