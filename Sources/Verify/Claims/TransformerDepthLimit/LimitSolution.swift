import Numeric
import Symbolic

/// The limit `L → ∞` of the residual stack: the forward–backward ODE system
///
///     dX/dt = F_t(X),  X(0) = X0;      dP/dt = −J_t(X(t))ᵀ P,  P(1) = X(1) − Y,
///
/// by Taylor series (``TaylorIntegrator``, with depth-time as an extra state so the field is
/// autonomous): forward to `t = 1`, then `(X, P)` jointly backward from 1 to 0, recording
/// `t = 3/4, 1/2, 1/4, 0`. The steps keep the first neglected terms at `2^−p` of the state at
/// `p` bits, so the solution is accurate to about `p` bits less the growth of rounding over
/// the steps (tens of bits here).
struct LimitSolution: Sendable {
  typealias T = BigFloat
  /// The Taylor order of every step.
  static let order = 80

  /// `X(1)`.
  let x1: Matrix<T>
  /// `X(k/4)` and `P(k/4)`, `k = 0…3`.
  let x: [Matrix<T>]
  let p: [Matrix<T>]
  /// `G(k/4) = (1/n) Σ_ij a_ij P_i x_jᵀ`, `k = 0…3`.
  let gradientDensity: [Matrix<T>]
  /// Taylor steps forward and backward.
  let steps: (forward: Int, backward: Int)

  /// `P(0)`.
  var p0: Matrix<T> { p[0] }

  init(_ instance: AttentionInstance) {
    let (n, d) = (instance.tokens, instance.dimension)
    let plain: RoundedAttentionInstance<T> = instance.rounded()
    let jets: RoundedAttentionInstance<Jet<T>> = instance.rounded()
    let tolerance = T(Rational.pow(2, -Precision.bits))
    func matrix<S>(_ y: ArraySlice<S>) -> Matrix<S> {
      Matrix(rowCount: n, columnCount: d, entries: Array(y))
    }
    let forward = TaylorIntegrator<T>(order: Self.order, tolerance: tolerance) { y in
      [Jet(1)] + jets.drift(at: y[0])(matrix(y[1...])).entries
    }
    let (end, forwardSteps) = forward.solve(from: [0] + plain.x0.entries, at: [1])
    // Backward in s = 1 − t: dX/ds = −F_t(X), dP/ds = J_t(X)ᵀ P.
    let size = n * d
    let backward = TaylorIntegrator<T>(order: Self.order, tolerance: tolerance) { y in
      let drift = jets.drift(at: y[0])
      let x = matrix(y[1...size])
      let p = matrix(y[(size + 1)...])
      return [Jet(-1)] + (-drift(x)).entries + drift.pullback(x, p).entries
    }
    let x1 = matrix(end[0][1...])
    let (states, backwardSteps) = backward.solve(
      from: [1] + x1.entries + (x1 - plain.y).entries,
      at: [Rational(1, 4), Rational(1, 2), Rational(3, 4), 1].map { T($0) })
    // states[j] is at t = 1 − (j+1)/4; order them by k = 0…3.
    let recorded = Array(states.reversed())
    let x = recorded.map { matrix($0[1...size]) }
    let p = recorded.map { matrix($0[(size + 1)...]) }
    self.x1 = x1
    self.x = x
    self.p = p
    gradientDensity = (0..<4).map { k in
      plain.drift(at: T(Rational(k, 4))).valueGradientDensity(x[k], p[k])
    }
    steps = (forwardSteps, backwardSteps)
  }
}
