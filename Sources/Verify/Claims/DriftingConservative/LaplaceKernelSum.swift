import Numeric
import Symbolic

/// The Laplace sum `K(z) = Σⱼ k(|z − pⱼ|)`, `k(r) = exp(−r/τ)`, and its sharp companion
/// `K#(z) = Σⱼ k#(|z − pⱼ|)`, `k#(r) = (1 + r/τ) exp(−r/τ)`, over exact centres `pⱼ ∈ ℝ²`.
///
/// The companion is the kernel whose gradient is the Laplace-weighted displacement:
/// `d/dr k#(r) = −(r/τ²) e^{−r/τ}`, so `τ² ∇_z k#(|z − p|) = (p − z) k(|z − p|)` in every
/// dimension (spec C3). Gradients here are taken by reverse-mode differentiation of the sums
/// themselves, never by that identity, so that C3 tests it. Both sums are smooth away from the
/// centres; the claim keeps its evaluation points and circle off them.
struct LaplaceKernelSum: Sendable {
  let centres: [[Rational]]
  let scale: Rational

  private func distances<U: Scalar>(_ z: [U]) -> [U] {
    centres.map { p in
      U.sqrt(zip(p, z).reduce(U.zero) { $0 + ($1.1 - U($1.0)) * ($1.1 - U($1.0)) })
    }
  }

  /// `K(z)`.
  func laplace<U: Scalar>(at z: [U]) -> U {
    let tau = U(scale)
    return distances(z).reduce(U.zero) { $0 + U.exp(-$1 / tau) }
  }

  /// `K#(z)`.
  func companion<U: Scalar>(at z: [U]) -> U {
    let tau = U(scale)
    return distances(z).reduce(U.zero) { $0 + (1 + $1 / tau) * U.exp(-$1 / tau) }
  }

  /// `Σⱼ k(|z − pⱼ|)(pⱼ − z) / Σⱼ k(|z − pⱼ|)`: the Laplace-weighted mean displacement.
  func meanDisplacement<U: Scalar>(at z: [U]) -> [U] {
    let tau = U(scale)
    let weights = distances(z).map { U.exp(-$0 / tau) }
    let total = weights.reduce(U.zero, +)
    return z.indices.map { a in
      zip(weights, centres).reduce(U.zero) { $0 + $1.0 * (U($1.1[a]) - z[a]) } / total
    }
  }

  /// `∇K(z)`, by reverse mode.
  func laplaceGradient<U: Scalar>(at z: [U]) -> [U] {
    Symbolic.gradient(of: { laplace(at: $0) }, at: z).gradient
  }

  /// `∇K#(z)`, by reverse mode.
  func companionGradient<U: Scalar>(at z: [U]) -> [U] {
    Symbolic.gradient(of: { companion(at: $0) }, at: z).gradient
  }

  /// The sharp score `s# = ∇ log K# = ∇K#/K#`.
  func sharpScore<U: Scalar>(at z: [U]) -> [U] {
    let total = companion(at: z)
    return companionGradient(at: z).map { $0 / total }
  }

  /// `r = K#/K ≥ 1`.
  func ratio<U: Scalar>(at z: [U]) -> U { companion(at: z) / laplace(at: z) }
}
