import Numeric
import Symbolic

/// The discrete model at one depth with its adjoint by reverse mode: one taped forward pass
/// with `X0` and every layer's value matrix `V_l = V(l/L)` as independent variables and one
/// backward sweep of the loss give `P^0 = n ∂l/∂X^0` (the adjoint recursion
/// `P^l = P^{l+1} + (1/L) J_{l/L}(X^l)ᵀ P^{l+1}` of the spec) and every `∂l/∂V_l`. Public for
/// ``sensitivity(_:depth:)``, which `bench claims` times.
public struct DiscreteAdjoint: Sendable {
  typealias T = BigFloat
  let depth: Int
  /// `X^L`.
  let output: Matrix<T>
  /// `P^0`.
  let adjoint: Matrix<T>
  /// `l(X^L)`.
  let loss: T
  /// `∂l/∂V_l`, `l = 0…L−1`.
  let valueGradients: [Matrix<T>]

  init(_ instance: AttentionInstance, depth: Int) {
    let (n, d) = (instance.tokens, instance.dimension)
    let plain: RoundedAttentionInstance<T> = instance.rounded()
    let taped: RoundedAttentionInstance<Reverse<T>> = instance.rounded()
    let values = (0..<depth).flatMap { plain.value(at: T(Rational($0, depth))).entries }
    let (loss, gradient) = Symbolic.gradient(of: { inputs in
      let x0 = Matrix(rowCount: n, columnCount: d, entries: Array(inputs[..<(n * d)]))
      let layers = Self.layerValues(inputs[(n * d)...], dimension: d)
      return taped.loss(ResidualStack(instance: taped, depth: depth).output(from: x0) { layers[$0] })
    }, at: plain.x0.entries + values)
    self.depth = depth
    output = ResidualStack(instance: plain, depth: depth).output
    adjoint = Matrix(rowCount: n, columnCount: d, entries: gradient[..<(n * d)].map { $0 * T(n) })
    self.loss = loss
    valueGradients = Self.layerValues(gradient[(n * d)...], dimension: d)
  }

  /// `S(L) = (1/n) Σ_l Σ_ab ‖∂X^L/∂V_{l,ab}‖_F²`: the squared Frobenius norm of the Jacobian of
  /// `X^L` with respect to every layer's value matrix, by reverse mode (one backward sweep per
  /// entry of `X^L`, `n·d` sweeps of one tape).
  public static func sensitivity(_ instance: AttentionInstance, depth: Int) -> BigFloat {
    let plain: RoundedAttentionInstance<T> = instance.rounded()
    let taped: RoundedAttentionInstance<Reverse<T>> = instance.rounded()
    let values = (0..<depth).flatMap { plain.value(at: T(Rational($0, depth))).entries }
    let jacobian = Symbolic.jacobian(of: { inputs in
      let layers = layerValues(inputs[...], dimension: instance.dimension)
      return ResidualStack(instance: taped, depth: depth).output(from: taped.x0) { layers[$0] }.entries
    }, at: values).jacobian
    return jacobian.frobeniusInnerProduct(jacobian) / T(instance.tokens)
  }

  /// Consecutive `d × d` row-major matrices.
  private static func layerValues<S: Scalar>(_ entries: ArraySlice<S>, dimension d: Int) -> [Matrix<S>] {
    stride(from: entries.startIndex, to: entries.endIndex, by: d * d).map {
      Matrix(rowCount: d, columnCount: d, entries: Array(entries[$0..<($0 + d * d)]))
    }
  }
}
