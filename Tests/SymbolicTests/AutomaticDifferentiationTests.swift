import Numeric
import Testing

@testable import Symbolic

/// A generic two-layer tanh network's squared loss, written once over `Scalar`, the way claims
/// write formulas. Weights: W₁ (2×2) then w₂ (2), input (1/2, −1/3), target 1/5.
private func loss<T: Scalar>(_ w: [T]) -> T {
  let input = [T(Rational(1, 2)), T(Rational(-1, 3))]
  let hidden = (0..<2).map { i in T.tanh(w[2 * i] * input[0] + w[2 * i + 1] * input[1]) }
  let out = w[4] * hidden[0] + w[5] * hidden[1]
  let r = out - T(Rational(1, 5))
  return r * r
}

@Test func reverseGradientOfAGenericLossMatchesForwardMode() {
  withPrecision(256) {
    let w = [0.3, -0.7, 1.1, 0.2, -0.4, 0.9].map { BigFloat($0) }
    let (value, grad) = gradient(of: loss, at: w)
    #expect(value == loss(w))
    for i in w.indices {
      let tangent = w.indices.map { Dual(w[$0], derivative: $0 == i ? 1 : 0) }
      #expect(agree(grad[i], loss(tangent).derivative, bits: 240), "∂L/∂w\(i)")
    }
  }
}

@Test func closedFormGradientAndDerivative() {
  withPrecision(256) {
    let (a, b) = (BigFloat(Rational(3, 7)), BigFloat(Rational(-5, 3)))
    let g = gradient(of: { v in v[0] * v[1] + .sin(v[0]) }, at: [a, b]).gradient
    #expect(g[0] == b + .cos(a))
    #expect(g[1] == a)
    #expect(derivative(of: { .exp($0 * $0) }, at: a) == 2 * a * .exp(a * a))
  }
}

@Test func nestedDualGivesHigherDerivatives() {
  withPrecision(256) {
    // d³/dx³ x⁵ = 60x²: three nested duals.
    let x = BigFloat(Rational(3, 2))
    let v = Dual(Dual(Dual.variable(x), derivative: 1), derivative: Dual(Dual(1, derivative: 0), derivative: 0))
    let y = Dual.pow(v, 5)
    #expect(y.derivative.derivative.derivative == 60 * x * x)
    #expect(derivative(of: { derivative(of: { .sin($0) }, at: $0) }, at: x) == -.sin(x))
  }
}

@Test func nonFiniteComponentsAreReported() {
  withPrecision(128) {
    let zero = BigFloat(0)
    #expect(!Dual.sqrt(Dual.variable(zero)).isFinite)  // value 0, derivative ∞
    #expect(Dual.sqrt(Dual.variable(zero)).value.isFinite)
    #expect(!Jet.sqrt(Jet.variable(at: zero, order: 3)).isFinite)
    #expect(!Jet.log(Jet.variable(at: -1.0, order: 2)).isFinite)
    #expect(!gradient(of: { .log($0[0]) }, at: [-1.0]).value.isFinite)
    #expect(!Reverse<Double>.log(Reverse(constant: 0)).isFinite)
  }
}

@Test func activationsAreStableAndCorrect() {
  withPrecision(256) {
    // The naive formulas give NaN or ∞ here (e^800 overflows).
    #expect(Double.sigmoid(800) == 1 && Double.sigmoid(-700) > 0)
    #expect(Double.softplus(800) == 800 && Double.softplus(-700) > 0)
    let x = BigFloat(Rational(-7, 5))
    #expect(agree(BigFloat.sigmoid(x), 1 / (1 + .exp(-x)), bits: 250))
    #expect(agree(BigFloat.softplus(x), .log(1 + .exp(x)), bits: 250))
    #expect(agree(derivative(of: { .softplus($0) }, at: x), .sigmoid(x), bits: 250))
    // Both branches are the same analytic function, so the derivative is right at the switch.
    #expect(derivative(of: { .softplus($0) }, at: BigFloat(0)) == BigFloat(Rational(1, 2)))
  }
}

/// Jet arithmetic as an ODE flow's Hamiltonian needs it: jets combined with jets.
@Test func jetsCombineWithJets() {
  withPrecision(256) {
    let t = BigFloat(Rational(1, 3))
    let u = Jet.variable(at: t, order: 6)
    let v = Jet.exp(u) * Jet.sin(u)
    // sqrt(v²) = v for v > 0, tanh via exp, erf + erfc = 1, atan2(sin, cos) = identity.
    let checks: [(Jet<BigFloat>, Jet<BigFloat>)] = [
      (Jet.sqrt(v * v), v),
      (Jet.tanh(u), (Jet.exp(2 * u) - 1) / (Jet.exp(2 * u) + 1)),
      (Jet.erf(v) + Jet.erfc(v), 1),
      (Jet.atan2(y: Jet.sin(u), x: Jet.cos(u)), u),
      (Jet.pow(v, Jet.constant(BigFloat(Rational(3, 2)))), Jet.sqrt(v) * v),
      (Jet.pow(v, u), Jet.exp(u * Jet.log(v))),
      (Jet.asin(Jet.sin(u)), u),
      (Jet.root(v, 3) * Jet.root(v, 3) * Jet.root(v, 3), v),
      (Jet.expMinusOne(u) - Jet.exp(u), -1),
      (Jet.cosh(u) * Jet.cosh(u) - Jet.sinh(u) * Jet.sinh(u), 1),
      (Jet.acos(Jet.cos(u)), u),
      (Jet.atanh(Jet.tanh(u)), u),
      (Jet.asinh(Jet.sinh(u)), u),
      (Jet.acosh(Jet.cosh(u)), u),
    ]
    for (i, (a, b)) in checks.enumerated() {
      for k in 0...6 {
        #expect((a[k] - b[k]).magnitude <= BigFloat.pow(2, -240), "identity \(i), coefficient \(k)")
      }
    }
    // Integer powers through 0, where the real-power recurrence would divide by u₀ = 0.
    #expect(Jet.pow(Jet.variable(at: BigFloat(0), order: 4), 3).coefficients == [0, 0, 0, 1, 0])
  }
}
