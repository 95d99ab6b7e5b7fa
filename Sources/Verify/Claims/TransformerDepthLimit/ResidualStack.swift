import Numeric

/// The depth-L attention-only residual network `X^{l+1} = X^l + F_{τ_l}(X^l)/L`, `l = 0…L−1`:
/// the explicit Euler scheme of the limit ODE `dX/dt = F_t(X)`, first-order accurate in `1/L`.
struct ResidualStack<T: Scalar> {
  /// Where layer l reads the parameter paths.
  enum LayerTime: Sendable {
    /// `τ_l = l/L`, the model of the claim.
    case start
    /// `τ_l = (l+1)/L`, C1's control: another first-order scheme with another constant.
    case end
  }

  let instance: RoundedAttentionInstance<T>
  let depth: Int
  var layerTime: LayerTime = .start
  var normalisation: AttentionNormalisation = .softmax

  /// `τ_l`.
  func time(_ layer: Int) -> T {
    T(Rational(layerTime == .start ? layer : layer + 1, depth))
  }

  /// `X^L` from `x`, layer l using `values(l)` as its value matrix (nil: `V(τ_l)`).
  func output(from x: Matrix<T>, values: ((Int) -> Matrix<T>)? = nil) -> Matrix<T> {
    let step = T(1) / T(depth)
    var x = x
    for layer in 0..<depth {
      let drift = instance.drift(
        at: time(layer), value: values?(layer), normalisation: normalisation)
      x = x + drift(x) * step
    }
    return x
  }

  /// `X^L` from the instance's `X0`.
  var output: Matrix<T> { output(from: instance.x0) }
}
