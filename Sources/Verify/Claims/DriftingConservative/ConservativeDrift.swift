import Numeric
import Symbolic

/// The N-particle conservative drift of spec Section 1 on `ℝ^{Nd}`,
///
///     Fᵢ(x₁, …, x_N) = ∇ log S_P(xᵢ) − ∇_z log S_Q(z)|_{z = xᵢ},
///
/// with Gaussian sums `S_P` over the data and `S_Q` over the particles, `xᵢ`'s own kernel
/// included (the paper's field) or left out (`leaveOneOut`). `S_Q` depends on every particle,
/// so differentiating `Fᵢ` in `xᵢ` also moves `xᵢ`'s own kernel: its gradient vanishes at
/// `z = xᵢ` and its Hessian there is `−I/h²`, which gives C1's self term,
///
///     div F = Σᵢ [Δ log S_P(xᵢ) − Δ_z log S_Q(xᵢ) − d/(h² S_Q(xᵢ))],
///
/// and no self term for the leave-one-out field. ``velocity(_:)`` is the definition (what
/// automatic differentiation sees); ``terms(_:)`` the closed form's ingredients.
struct ConservativeDrift: Sendable {
  /// The data `y₁ … y_M`, exact.
  let data: [[Rational]]
  let bandwidth: Rational
  let dimension: Int
  let leaveOneOut: Bool

  /// The closed form's terms at one particle.
  struct Terms<U: Scalar> {
    /// `Δ log S_P(xᵢ)`.
    var dataLaplacian: U
    /// `Δ_z log S_Q(xᵢ)`, particles frozen.
    var modelLaplacian: U
    /// `S_Q(xᵢ)` (without `xᵢ`'s own kernel for the leave-one-out field).
    var modelSum: U
    /// `d/(h² S_Q(xᵢ))` with `xᵢ`'s own kernel included: C1's self term.
    var selfTerm: U

    /// `Δ log S_P − Δ_z log S_Q − self`, the particle's divergence, with the self term scaled
    /// by `selfWeight` (1: the claim; 0: dropped; the controls' wrong constants).
    func divergence(selfWeight: U = 1) -> U { dataLaplacian - modelLaplacian - selfWeight * selfTerm }
  }

  /// The particles of the flattened configuration `x ∈ ℝ^{Nd}`, each `d` coordinates in order.
  func particles<U>(_ x: [U]) -> [[U]] {
    stride(from: 0, to: x.count, by: dimension).map { Array(x[$0..<$0 + dimension]) }
  }

  private func sums<U: Scalar>(_ x: [U], at i: Int) -> (data: GaussianKernelSum<U>, model: GaussianKernelSum<U>) {
    var centres = particles(x)
    if leaveOneOut { centres.remove(at: i) }
    let h = U(bandwidth)
    return (
      GaussianKernelSum(centres: data.map { $0.map { U($0) } }, bandwidth: h),
      GaussianKernelSum(centres: centres, bandwidth: h)
    )
  }

  /// `F(x)`, flattened like `x`.
  func velocity<U: Scalar>(_ x: [U]) -> [U] {
    let points = particles(x)
    return points.indices.flatMap { i in
      let (p, q) = sums(x, at: i)
      return zip(p.score(at: points[i]), q.score(at: points[i])).map { $0 - $1 }
    }
  }

  /// The closed form's terms at every particle.
  func terms<U: Scalar>(_ x: [U]) -> [Terms<U>] {
    let points = particles(x)
    let h2 = U(bandwidth * bandwidth)
    return points.indices.map { i in
      let (p, q) = sums(x, at: i)
      let model = q.evaluate(at: points[i])
      let ownIncluded = leaveOneOut ? model.sum + 1 : model.sum
      return Terms(
        dataLaplacian: p.laplacianOfLog(at: points[i]),
        modelLaplacian: model.laplacian / model.sum
          - model.gradient.dot(model.gradient) / (model.sum * model.sum),
        modelSum: model.sum, selfTerm: U(dimension) / (h2 * ownIncluded))
    }
  }

  /// `DF(x)` by forward-mode differentiation of ``velocity(_:)``.
  func jacobian<T: Scalar>(at x: [T]) -> Matrix<T> {
    Symbolic.forwardJacobian(of: { velocity($0) }, at: x)
  }

  /// `Σ_a ∂F_{i,a}/∂x_{i,a}` per particle, from ``jacobian(at:)``: the diagonal blocks' traces.
  func particleDivergences<T: Scalar>(at x: [T]) -> [T] {
    let j = jacobian(at: x)
    return (0..<x.count / dimension).map { i in
      (0..<dimension).reduce(T.zero) { $0 + j[i * dimension + $1, i * dimension + $1] }
    }
  }
}
