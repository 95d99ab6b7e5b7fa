import Numeric
import Testing

@testable import Symbolic

/// The Taylor integrator against closed-form solutions at 128 bits.
@Suite struct TaylorIntegratorTests {
  typealias T = BigFloat

  /// `y′ = −y`: the coefficients are `(−1)ᵏ/k!` and `y(3) = e⁻³`.
  @Test func exponentialDecay() {
    withPrecision(128) {
      let flow = TaylorIntegrator<T>(order: 16, tolerance: T(Rational.pow(10, -32))) { y in
        y.map { -$0 }
      }
      let series = flow.series(at: [1])
      #expect(series[4][0] == T(Rational(1, 24)))
      let (states, steps) = flow.solve(from: [1], at: [1, 3])
      #expect(steps > 1)
      #expect(T.abs(states[1][0] - T.exp(-3)) <= T(Rational.pow(10, -30)))
      #expect(T.abs(states[0][0] - T.exp(-1)) <= T(Rational.pow(10, -30)))
    }
  }

  /// With a step fixed in advance the series stops at the first order whose last two terms are
  /// within the tolerance: for `y′ = −y` at h = 1/2 the terms are `(1/2)ᵏ/k!`.
  @Test func seriesStopsAtTheOrderTheStepNeeds() {
    withPrecision(128) {
      let tolerance = T(Rational.pow(10, -30))
      let flow = TaylorIntegrator<T>(order: 60, tolerance: tolerance) { y in y.map { -$0 } }
      let h = T(Rational(1, 2))
      let series = flow.series(at: [1], step: h)
      let order = series.count - 1
      func term(_ k: Int) -> T { T.abs(series[k][0]) * T.pow(h, k) }
      #expect(order < 60)
      #expect(term(order) <= tolerance && term(order - 1) <= tolerance)
      #expect(term(order - 2) > tolerance, "a lower order would have done")
      #expect(T.abs(TaylorIntegrator.evaluate(series, at: h)[0] - T.exp(-h)) <= tolerance)
      #expect(Array(flow.series(at: [1]).prefix(order + 1)) == series, "the fixed order's coefficients")
      // With no tolerance no term is small: the full order.
      let untolerant = TaylorIntegrator<T>(order: 30, tolerance: 0) { y in y.map { -$0 } }
      #expect(untolerant.series(at: [1], step: h).count == 31)
    }
  }

  /// The pendulum-free oscillator `(x, v)′ = (v, −x)` conserves `x² + v²`; and a nonlinear
  /// field, `y′ = y²` (`y = 1/(1 − t)`), up to `t = 0.9` near its pole.
  @Test func oscillatorAndBlowUp() {
    withPrecision(128) {
      let tolerance = T(Rational.pow(10, -32))
      let oscillator = TaylorIntegrator<T>(order: 20, tolerance: tolerance) { [$0[1], -$0[0]] }
      let end = oscillator.solve(from: [1, 0], at: [10]).states[0]
      #expect(T.abs(end[0] - T.cos(10)) <= T(Rational.pow(10, -29)))
      #expect(T.abs(end[1] + T.sin(10)) <= T(Rational.pow(10, -29)))
      let riccati = TaylorIntegrator<T>(order: 20, tolerance: tolerance) { [$0[0] * $0[0]] }
      let y = riccati.solve(from: [1], at: [T(Rational(9, 10))]).states[0][0]
      #expect(T.abs(y / 10 - 1) <= T(Rational.pow(10, -28)))
    }
  }

  /// At 256 bits the exponential and the oscillator come out to 1e-65 — far beyond any
  /// fixed-step method at feasible step counts (RK4 would need about 10^16 steps).
  @Test func twoHundredFiftySixBits() {
    withPrecision(256) {
      let tolerance = T(Rational.pow(10, -72))
      let growth = TaylorIntegrator<T>(order: 40, tolerance: tolerance) { $0 }
      let e = growth.solve(from: [1], at: [1, 2]).states
      #expect(T.abs(e[0][0] / T.exp(1) - 1) <= T(Rational.pow(10, -65)))
      #expect(T.abs(e[1][0] / T.exp(2) - 1) <= T(Rational.pow(10, -65)))
      let oscillator = TaylorIntegrator<T>(order: 40, tolerance: tolerance) { [$0[1], -$0[0]] }
      let end = oscillator.solve(from: [0, 1], at: [5]).states[0]
      #expect(T.abs(end[0] - T.sin(5)) <= T(Rational.pow(10, -65)))
      #expect(T.abs(end[1] - T.cos(5)) <= T(Rational.pow(10, -65)))
    }
  }
}
