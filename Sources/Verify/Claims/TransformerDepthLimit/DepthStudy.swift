import Numeric

/// Everything C1, C2 and C5 compare at 256 bits: the limit ODE and, at every depth of `depths`,
/// the discrete model with its reverse-mode adjoint and the `t_{l+1}` scheme of C1's control.
///
/// Errors in the L2 norm over the token measure, `e_X(L) = √((1/n) Σ_i |x_i^L − x_i(1)|²)`
/// and `e_P(L)` (`P^0` against `P(0)`); constants by two-point Richardson on `L e(L)` from the
/// two largest depths, `c = 2 L₂e(L₂) − L₁e(L₁)` with `L₂ = 2L₁`.
struct DepthStudy: Sendable {
  typealias T = BigFloat
  let instance: AttentionInstance
  let depths: [Int]
  let limit: LimitSolution
  let runs: [DiscreteAdjoint]
  /// `X^L` of the scheme that reads layer l's parameters at `t_{l+1}`.
  let shiftedOutputs: [Matrix<T>]
  let lr: Rational
  let wd: Rational
  let eps: Rational

  /// The depths a rate is fitted over.
  static let fitCount = 3

  init(_ instance: AttentionInstance, depths: [Int], lr: Rational, wd: Rational, eps: Rational) {
    self.instance = instance
    self.depths = depths
    limit = LimitSolution(instance)
    runs = depths.map { DiscreteAdjoint(instance, depth: $0) }
    let rounded: RoundedAttentionInstance<T> = instance.rounded()
    shiftedOutputs = depths.map { ResidualStack(instance: rounded, depth: $0, layerTime: .end).output }
    self.lr = lr
    self.wd = wd
    self.eps = eps
  }

  /// `√((1/n) Σ_i |a_i − b_i|²)`.
  func tokenDistance(_ a: Matrix<T>, _ b: Matrix<T>) -> T {
    let r = a - b
    return T.sqrt(r.frobeniusInnerProduct(r) / T(instance.tokens))
  }

  var forwardErrors: [T] { runs.map { tokenDistance($0.output, limit.x1) } }
  var adjointErrors: [T] { runs.map { tokenDistance($0.adjoint, limit.p0) } }
  var shiftedErrors: [T] { shiftedOutputs.map { tokenDistance($0, limit.x1) } }

  /// `L e(L)` per depth.
  func scaled(_ errors: [T]) -> [T] { zip(depths, errors).map { T($0) * $1 } }

  /// `c = 2 L₂e(L₂) − L₁e(L₁)` from the two largest depths.
  func richardson(_ errors: [T]) -> T {
    let s = scaled(errors).suffix(2)
    return 2 * s.last! - s.first!
  }

  /// `|L e(L) − c| / c` at the depth `index` (default: the largest), with `c` from `reference`.
  func relativeDeviation(_ errors: [T], at index: Int? = nil, from reference: [T]) -> T {
    let c = richardson(reference)
    return (scaled(errors)[index ?? depths.count - 1] - c).magnitude / c
  }

  /// `max_k ‖L ∂l/∂V_{kL/4} − G(k/4)‖₁` (the largest absolute column sum) per depth.
  var gradientErrors: [T] {
    runs.map { run in
      (0..<4).map { k in
        (run.valueGradients[k * run.depth / 4] * T(run.depth) - limit.gradientDensity[k]).oneNorm
      }.maxOrNaN()!
    }
  }

  /// `max_k max_ab |dV_{kL/4} − u(k/4)|` (deviation) and `max_k max_ab |dV_{kL/4}|` (size) of
  /// `rule`'s first step per depth, with `u(t) = −lr (G(t)/(|G(t)| + ε) + wd V(t))`.
  func firstStep(_ rule: FirstStepRule) -> (deviation: [T], size: [T]) {
    let rounded: RoundedAttentionInstance<T> = instance.rounded()
    let (lr, wd, eps) = (T(lr), T(wd), T(eps))
    let target = (0..<4).map { k in
      FirstStepRule.adaptive(
        limit.gradientDensity[k], rounded.value(at: T(Rational(k, 4))), lr: lr, wd: wd, eps: eps)
    }
    let steps = runs.map { run in
      (0..<4).map { k in
        let layer = k * run.depth / 4
        return rule.update(
          gradient: run.valueGradients[layer], value: rounded.value(at: T(Rational(layer, run.depth))),
          depth: run.depth, lr: lr, wd: wd, eps: eps)
      }
    }
    return (
      steps.map { zip($0, target).map { ($0 - $1).maximumMagnitude }.maxOrNaN()! },
      steps.map { $0.map(\.maximumMagnitude).maxOrNaN()! }
    )
  }

  /// `(L, y(L))` over the ``fitCount`` largest depths.
  func fitWindow(_ y: [T]) -> (x: [T], y: [T]) {
    (depths.suffix(Self.fitCount).map { T($0) }, Array(y.suffix(Self.fitCount)))
  }

  /// The least-squares slope of `ln y` against `ln L` over the fit window.
  func slope(_ y: [T]) -> T {
    let (x, y) = fitWindow(y)
    return LinearFit(x: x.map { T.log($0) }, y: y.map { T.log($0) }).slope
  }
}
