import Numeric

/// The scalar-chain network, a biasless MLP of width 1:
///
///     f(a; s) = a_L σ(a_{L−1} σ(⋯ σ(a_1 s) ⋯)),   L(a) = (1/(2n)) Σ_p (f(a; s_p) − y_p)²,
///
/// with gradient flow `ȧ = −∇L(a)`. It is the reduced flow on the permutation-symmetric
/// invariant set of wide networks (up to metric factors) and the model of the escape law.
public struct ScalarChain<T: Scalar>: Sendable {
  public var activation: Activation
  public var inputs: [T]
  public var targets: [T]

  public init(activation: Activation, inputs: [T], targets: [T]) {
    precondition(inputs.count == targets.count && !inputs.isEmpty)
    self.activation = activation
    self.inputs = inputs
    self.targets = targets
  }

  /// `∇L(a)` by back-propagation along the chain (generic, so it runs in `Double`, in MPFR and
  /// on Taylor jets alike).
  public func gradient(_ a: [T]) -> [T] {
    let depth = a.count
    var result = Array(repeating: T.zero, count: depth)
    var z = Array(repeating: T.zero, count: depth)
    var h = Array(repeating: T.zero, count: depth)  // h[k] = input of layer k+1
    for (s, y) in zip(inputs, targets) {
      h[0] = s
      for k in 0..<depth {
        z[k] = a[k] * h[k]
        if k + 1 < depth { h[k + 1] = activation.value(z[k]) }
      }
      var delta = z[depth - 1] - y
      for k in stride(from: depth - 1, through: 0, by: -1) {
        result[k] += delta * h[k]
        if k > 0 { delta = activation.derivative(z[k - 1]) * a[k] * delta }
      }
    }
    let n = T(inputs.count)
    return result.map { $0 / n }
  }

  /// The velocity `ȧ = −∇L(a)`.
  public func velocity(_ a: [T]) -> [T] { gradient(a).map { -$0 } }

  /// The escape flow in the variable `v = ln a_b` of the first bottleneck layer b (1-based):
  /// the state is `(a_1, …, a_L, t)` and
  /// `da_m/dv = a_b ȧ_m / ȧ_b`, `dt/dv = a_b / ȧ_b` (so `da_b/dv = a_b`).
  /// Integrating from `v = ln ε` to `ln θ` gives the escape time `τ_θ(ε) = t(ln θ)` with no
  /// event location, provided `ȧ_b > 0` throughout (checked by the caller through finiteness).
  public func escapeField(bottleneck b: Int, state: [T]) -> [T] {
    let a = Array(state.dropLast())
    let adot = velocity(a)
    let scale = a[b - 1] / adot[b - 1]
    return adot.map { $0 * scale } + [scale]
  }
}
