import Numeric
import Symbolic

/// The planar fields of C2 and C3 at a point `z ∈ ℝ²`, for exact data `y₁ … y_M` and particles
/// `x₁ … x_N` (held fixed), Gaussian bandwidth `h` and Laplace scale `τ` (spec Section 1):
///
/// - `v = ∇ log S_P − ∇ log S_Q`, the conservative velocity;
/// - `V_w = Σⱼ w(z, yⱼ)(yⱼ − z)/Σⱼ w(z, yⱼ) − Σₖ w(z, xₖ)(xₖ − z)/Σₖ w(z, xₖ)`, the displacement
///   drift with Gaussian (`V_g`) or Laplace (`V_k`) weight;
/// - `v# = τ²(s#_P − s#_Q)` with the sharp scores `s# = ∇ log K#`;
/// - C3's split `V_k = T1 + T2`, `T1 = τ² r_P (s#_P − s#_Q)`, `T2 = τ² (r_P − r_Q) s#_Q`.
///
/// Every field is generic over `Scalar`, so its Jacobian comes from forward mode (`jacobian`).
struct PlanarDrift: Sendable {
  let data: [[Rational]]
  let particles: [[Rational]]
  let bandwidth: Rational
  let scale: Rational

  var dataLaplace: LaplaceKernelSum { LaplaceKernelSum(centres: data, scale: scale) }
  var modelLaplace: LaplaceKernelSum { LaplaceKernelSum(centres: particles, scale: scale) }

  private func gaussian<U: Scalar>(_ centres: [[Rational]]) -> GaussianKernelSum<U> {
    GaussianKernelSum(centres: centres.map { $0.map { U($0) } }, bandwidth: U(bandwidth))
  }

  /// `v(z)`.
  func conservativeVelocity<U: Scalar>(at z: [U]) -> [U] {
    zip(gaussian(data).score(at: z), gaussian(particles).score(at: z)).map { $0 - $1 }
  }

  /// `V_g(z)`: the Gaussian-weighted mean displacement towards the data minus that towards the
  /// particles, each `Σ w (p − z)/Σ w` from the weights themselves.
  func gaussianDisplacement<U: Scalar>(at z: [U]) -> [U] {
    func mean(_ centres: [[Rational]]) -> [U] {
      let h2 = U(bandwidth * bandwidth)
      let weights = centres.map { p in
        U.exp(-zip(p, z).reduce(U.zero) { $0 + ($1.1 - U($1.0)) * ($1.1 - U($1.0)) } / (2 * h2))
      }
      let total = weights.reduce(U.zero, +)
      return z.indices.map { a in
        zip(weights, centres).reduce(U.zero) { $0 + $1.0 * (U($1.1[a]) - z[a]) } / total
      }
    }
    return zip(mean(data), mean(particles)).map { $0 - $1 }
  }

  /// `V_k(z)`, from its definition.
  func laplaceDisplacement<U: Scalar>(at z: [U]) -> [U] {
    zip(dataLaplace.meanDisplacement(at: z), modelLaplace.meanDisplacement(at: z)).map { $0 - $1 }
  }

  /// `v#(z) = τ²(s#_P − s#_Q)`.
  func sharpVelocity<U: Scalar>(at z: [U]) -> [U] {
    let tau2 = U(scale * scale)
    return zip(dataLaplace.sharpScore(at: z), modelLaplace.sharpScore(at: z)).map {
      tau2 * ($0 - $1)
    }
  }

  /// C3's `(T1, T2)` at `z`, each from the companion sums.
  func sharpSplit<U: Scalar>(at z: [U]) -> (t1: [U], t2: [U]) {
    let tau2 = U(scale * scale)
    let (rP, rQ) = (dataLaplace.ratio(at: z), modelLaplace.ratio(at: z))
    let (sP, sQ) = (dataLaplace.sharpScore(at: z), modelLaplace.sharpScore(at: z))
    return (
      zip(sP, sQ).map { tau2 * rP * ($0 - $1) }, sQ.map { tau2 * (rP - rQ) * $0 }
    )
  }

  /// `curl V_k = −τ²[(∇K_P × ∇K#_P)/K_P² − (∇K_Q × ∇K#_Q)/K_Q²]` (spec C2), with `a × b =
  /// a₁b₂ − a₂b₁` and the gradients by reverse mode; `modelWeight` scales the model's term
  /// (1: the claim).
  func closedFormCurl<U: Scalar>(at z: [U], modelWeight: U = 1) -> U {
    func term(_ sum: LaplaceKernelSum) -> U {
      let (g, s, k) = (sum.laplaceGradient(at: z), sum.companionGradient(at: z), sum.laplace(at: z))
      return (g[0] * s[1] - g[1] * s[0]) / (k * k)
    }
    return -U(scale * scale) * (term(dataLaplace) - modelWeight * term(modelLaplace))
  }

  /// The scalar curl `∂V₂/∂z₁ − ∂V₁/∂z₂` of a planar field from its forward-mode Jacobian.
  static func curl<T: Scalar>(_ j: Matrix<T>) -> T { j[1, 0] - j[0, 1] }
}
