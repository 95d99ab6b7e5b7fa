import Foundation
import Numeric
import RealModule
import Symbolic

// `bench taylor`: the k-th derivative of f(x) = tanh(sin(x)·exp(x/3)) at x = 0.7, 256 bits, by
// one Jet of order k (O(k²)) and by k nested Duals (O(2ᵏ)); and one Taylor-integrator step of
// order K (`series(at:)`: the field recorded once, O(K²)) against re-evaluating the field on
// jets of growing length (O(K³), the integrator's former method).

/// A function written once over `Scalar`, so it runs on `Jet` and on any nesting of `Dual`.
protocol ScalarFunction {
  func callAsFunction<T: Scalar>(_ x: T) -> T
}

struct Composite: ScalarFunction {
  func callAsFunction<T: Scalar>(_ x: T) -> T { .tanh(.sin(x) * .exp(x / 3)) }
}

/// f′ by one more level of `Dual`.
struct DualDerivative<F: ScalarFunction>: ScalarFunction {
  let f: F
  func callAsFunction<T: Scalar>(_ x: T) -> T { f(Dual.variable(x)).derivative }
}

/// f⁽ᵏ⁾(x) through k nested duals; the nested type is built at run time.
func nestedDualDerivative<F: ScalarFunction>(_ f: F, order k: Int, at x: BigFloat) -> BigFloat {
  k == 0 ? f(x) : nestedDualDerivative(DualDerivative(f: f), order: k - 1, at: x)
}

func jetDerivative(order k: Int, at x: BigFloat) -> BigFloat {
  let c = taylorCoefficients(of: { Composite()($0) }, at: x, order: k)
  return c[k] * BigFloat((1...max(k, 1)).reduce(BigInt(1)) { $0 * BigInt($1) })
}

/// A damped pendulum with a saturating friction, `(θ, ω)′ = (ω, −sin θ − tanh(ω)/3)`.
func pendulum(_ y: [Jet<BigFloat>]) -> [Jet<BigFloat>] { [y[1], -.sin(y[0]) - .tanh(y[1]) / 3] }

/// The step's coefficients by evaluating the field on jets of length 1, 2, …, K: O(K³).
func reevaluatedSeries(at y: [BigFloat], order: Int) -> [[BigFloat]] {
  var coefficients = [y]
  for k in 0..<order {
    let jets = y.indices.map { i in Jet(coefficients: (0...k).map { coefficients[$0][i] }) }
    coefficients.append(pendulum(jets).map { $0[k] / BigFloat(k + 1) })
  }
  return coefficients
}

func runTaylorIntegratorBench() {
  withPrecision(256) {
    let y = [BigFloat(1), BigFloat(Rational(1, 2))]
    let flow = TaylorIntegrator<BigFloat>(order: 2, tolerance: 1, field: pendulum)
    var stepTimes: [Double] = []
    let orders = [8, 16, 32, 64, 128]
    for order in orders {
      let t = secondsPerCall { _ = flow.series(at: y, order: order) }
      let old = secondsPerCall { _ = reevaluatedSeries(at: y, order: order) }
      let agree = flow.series(at: y, order: order) == reevaluatedSeries(at: y, order: order)
      stepTimes.append(t)
      print(
        "step  K=\(order)\t\(format(t * 1e6, 1, width: 10)) µs\tre-evaluated "
          + "\(format(old * 1e6, 1, width: 10)) µs (\(format(old / t, 1))x)\tsame coefficients: \(agree)")
    }
    let x = orders.map { Double($0) }
    let slope = LinearFit.logLog(x: x, y: stepTimes).slope
    let tail = LinearFit.logLog(x: Array(x.suffix(3)), y: Array(stepTimes.suffix(3))).slope
    print(
      "taylor integrator step log-log slope: \(format(slope, 2)) over K = 8…128, "
        + "\(format(tail, 2)) over K = 32…128 (target <= 2.1)")
  }
}

func runTaylorBench() {
  runTaylorIntegratorBench()
  withPrecision(256) {
    let x = BigFloat(0.7)
    var jetTimes: [Int: Double] = [:]
    for k in [4, 8, 16, 32, 64] {
      let t = secondsPerCall { _ = jetDerivative(order: k, at: x) }
      jetTimes[k] = t
      print("jet   k=\(k)\t\(format(t * 1e6, 1, width: 10)) µs\tf^(k) = \(jetDerivative(order: k, at: x).decimalString(significantDigits: 12))")
    }
    let ks = jetTimes.keys.sorted()
    let slope = LinearFit.logLog(x: ks.map { Double($0) }, y: ks.map { jetTimes[$0]! }).slope
    print("taylor jet log-log slope: \(format(slope, 2)) (target <= 2.1)")

    // Nested duals double in cost with each order; stop once one evaluation takes over 2 s, and
    // at order 11 in any case: a k-fold nested Dual holds 2ᵏ BigFloats inline (2ᵏ · 104 bytes),
    // several per stack frame at each of the k levels, and at order 12 the 8 MB main-thread
    // stack overflowed (a crash, on a machine that took under 2 s for order 11).
    let maximumOrder = 11
    for k in 1...maximumOrder {
      let t = secondsPerCall(minimum: .milliseconds(100)) { _ = nestedDualDerivative(Composite(), order: k, at: x) }
      let jet = jetTimes[k] ?? secondsPerCall { _ = jetDerivative(order: k, at: x) }
      let agreement = (nestedDualDerivative(Composite(), order: k, at: x) - jetDerivative(order: k, at: x)).magnitude
        / jetDerivative(order: k, at: x).magnitude
      print("dual  k=\(k)\t\(format(t * 1e6, 1, width: 10)) µs\tdual/jet \(format(t / jet, 1, width: 8))x\trel. diff \(agreement.decimalString(significantDigits: 2))")
      if t > 2 || k == maximumOrder {
        print("taylor nested dual reached order \(k); dual/jet at that order: \(format(t / jet, 1))x")
        break
      }
    }
  }
}
