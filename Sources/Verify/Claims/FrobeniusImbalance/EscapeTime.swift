import Numeric

/// The escape time of the scalar chain from the small-initialisation saddle (C7, C8).
///
/// Bottleneck layers `B` start at `a_l(0) = ε`, the others at 1; `τ_θ(ε)` is the first time
/// the first bottleneck weight `a_b` (b = min B) reaches θ. The flow is integrated in
/// `v = ln a_b` (``ScalarChain/escapeField(bottleneck:state:)``) from `ln ε` to `ln θ`, so τ is
/// the final value of `t` with no event location; `a_b` grows monotonically during escape.
public struct EscapeProblem: Sendable {
  public var activation: Activation
  public var depth: Int
  /// The bottleneck layers, 1-based.
  public var bottleneck: [Int]
  public var inputs: [Rational]
  public var targets: [Rational]
  public var threshold: Rational

  public init(
    activation: Activation, depth: Int, bottleneck: [Int], inputs: [Rational],
    targets: [Rational], threshold: Rational
  ) {
    self.activation = activation
    self.depth = depth
    self.bottleneck = bottleneck
    self.inputs = inputs
    self.targets = targets
    self.threshold = threshold
  }

  /// r = |B|.
  public var order: Int { bottleneck.count }

  /// `τ_θ(ε)` by Dormand–Prince in `T` with relative tolerance `tolerance`.
  public func escapeTime<T: Scalar>(epsilon: Rational, tolerance: T) throws -> T {
    let chain = ScalarChain(
      activation: activation, inputs: inputs.map { T($0) }, targets: targets.map { T($0) })
    let b = bottleneck.min()!
    let start = (1...depth).map { bottleneck.contains($0) ? T(epsilon) : T(1) } + [T.zero]
    let integrator = DormandPrince<T>(
      relativeTolerance: tolerance, absoluteTolerance: tolerance * T(epsilon))
    let final = try integrator.finalState(
      of: { _, state in chain.escapeField(bottleneck: b, state: state) },
      from: T.log(T(epsilon)), start, to: T.log(T(threshold)))
    return final[depth]
  }

  /// The leading-order rate `K = α^{L−b} Γ_b`, `Γ_b = (1/n) Σ_p y_p g_b(s_p)` with
  /// `g_b = σ^{∘(b−1)}` (non-bottleneck layers above b start at 1 and do not change K).
  public func rate<T: Scalar>(as type: T.Type) -> T {
    let b = bottleneck.min()!
    var gamma = T.zero
    for (s, y) in zip(inputs, targets) {
      var feature = T(s)
      for _ in 1..<b { feature = activation.value(feature) }
      gamma += T(y) * feature
    }
    gamma /= T(inputs.count)
    var alpha = T(1)
    for _ in 0..<(depth - b) { alpha *= activation.derivative(T.zero) }
    return alpha * gamma
  }

  /// The leading-order escape time for r ≥ 3, `(ε^{2−r} − θ^{2−r}) / ((r−2)K)`; with
  /// `denominatorOrder` replacing r − 2 in the denominator (a wrong variant for controls).
  public func predictedTime<T: Scalar>(epsilon: Rational, denominatorOrder: Int? = nil) -> T {
    let r = order
    precondition(r >= 3, "the power law is for r ≥ 3")
    let power = { (x: T) -> T in
      var result = T(1)
      for _ in 0..<(r - 2) { result *= x }
      return T(1) / result
    }
    return (power(T(epsilon)) - power(T(threshold)))
      / (T(denominatorOrder ?? (r - 2)) * rate(as: T.self))
  }
}
