import Numeric
import Symbolic

/// C4's squared-residual bound `E(h) = A h^p + B/(N h^q)`: smoothing bias `h^p`, `p = 2 − β`,
/// against the variance `1/(N h^q)`, `q = d + 2`, the size of C1's self term (the controls
/// change `p` or `q`). In `u = log h` both terms are exponentials, `E` is strictly convex and
/// its unique minimiser solves `p A e^{pu} = q (B/N) e^{−qu}`, linear after taking logs:
///
///     h* = (qB/(pAN))^{1/(p+q)},      E(h*) = A (p+q)/q · (qB/(pAN))^{p/(p+q)},
///
/// so `√E(h*) ∝ N^{−p/(2(p+q))}`, which is `−(2−β)/(2(d+4−β))` for the claim's shape.
struct BoundShape: Sendable {
  let bias: Rational
  let variance: Rational
  let biasExponent: Rational
  let varianceExponent: Rational

  /// `E` at `u = log h` for `N = n`.
  func value<U: Scalar>(logBandwidth u: U, n: Int) -> U {
    U(bias) * U.exp(U(biasExponent) * u) + U(variance) / U(n) * U.exp(-U(varianceExponent) * u)
  }

  /// `(h*, E(h*))` by Newton on `dE/du = 0` in `u = log h` (derivatives by forward mode),
  /// bracketed in `[−64, 64]`, which holds every minimiser of the parameter box.
  func minimum(n: Int) throws -> (h: BigFloat, value: BigFloat) {
    typealias T = BigFloat
    let slope = { (u: T) in derivative(of: { value(logBandwidth: $0, n: n) }, at: u) }
    let curvature = { (u: T) in
      derivative(of: { u in derivative(of: { value(logBandwidth: $0, n: n) }, at: u) }, at: u)
    }
    let u = try Newton.solve(
      slope, derivative: curvature, bracketing: T(-64)...T(64),
      absoluteTolerance: 16 * T.workingEpsilon)
    return (T.exp(u), value(logBandwidth: u, n: n))
  }

  /// The closed form `(h*, E(h*))`.
  func closedForm(n: Int) -> (h: BigFloat, value: BigFloat) {
    typealias T = BigFloat
    let (p, q) = (biasExponent, varianceExponent)
    let base = T(q * variance / (p * bias * Rational(n)))
    return (
      T.pow(base, T(1 / (p + q))), T(bias * (p + q) / q) * T.pow(base, T(p / (p + q)))
    )
  }

  /// The fitted exponent `log(E*(N₂)/E*(N₁))^{1/2} / log(N₂/N₁)` of Newton's minima; with
  /// `squared`, of `E*` itself (a control: the squared rate reported as the root rate).
  func rootExponent(_ n1: Int, _ n2: Int, squared: Bool = false) throws -> BigFloat {
    let (e1, e2) = (try minimum(n: n1).value, try minimum(n: n2).value)
    let ratio = BigFloat.log(e2 / e1) / BigFloat.log(BigFloat(n2) / BigFloat(n1))
    return squared ? ratio : ratio / 2
  }
}
