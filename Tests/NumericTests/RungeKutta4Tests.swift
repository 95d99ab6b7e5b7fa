import Testing
@testable import Numeric

@Suite struct RungeKutta4Tests {
  /// y′ = y.
  func growth<T: Scalar>(_ t: T, _ y: [T]) -> [T] { y }
  /// (s, c)′ = (c, −s): from (0, 1) the solution is (sin t, cos t).
  func oscillator<T: Scalar>(_ t: T, _ y: [T]) -> [T] { [y[1], -y[0]] }

  @Test func measuredOrderIsFour() {
    let steps = [8, 16, 32, 64, 128]
    let errors = steps.map { n in
      Swift.abs(RungeKutta4.integrate(growth, from: 0.0, [1], to: 1, steps: n)[0] - Double.exp(1))
    }
    let fit = LinearFit.logLog(x: steps.map { 1 / Double($0) }, y: errors)
    #expect(Swift.abs(fit.slope - 4) < 0.05, "measured order \(fit.slope)")
  }

  @Test func expAndSinToDoublePrecision() {
    let e = RungeKutta4.integrate(growth, from: 0.0, [1], to: 1, steps: 1000)[0]
    #expect(Swift.abs(e - Double.exp(1)) < 1e-12)
    let y = RungeKutta4.integrate(oscillator, from: 0.0, [0, 1], to: 1, steps: 1000)
    #expect(Swift.abs(y[0] - Double.sin(1)) < 1e-12 && Swift.abs(y[1] - Double.cos(1)) < 1e-12)
  }

  @Test func matchesItsExactDiscreteSolutionAt256Bits() {
    // On y′ = λy one RK4 step multiplies by P(z) = 1 + z + z²/2 + z³/6 + z⁴/24, z = λh, so
    // N steps give P(z)^N exactly; for the oscillator λ = i, and P(ih)^N = a + ib gives
    // (sin, cos) ↦ (b, a). Any wrong stage or weight changes P.
    withPrecision(256) {
      let n = 200
      let h = BigFloat(1) / BigFloat(n)
      let p = 1 + h + h * h / 2 + h * h * h / 6 + h * h * h * h / 24
      let grown = RungeKutta4.integrate(growth, from: BigFloat(0), [BigFloat(1)], to: 1, steps: n)[0]
      #expect((grown - BigFloat.pow(p, n)).magnitude < BigFloat(1e-70))
      let h2 = h * h
      let (re, im) = (1 - h2 / 2 + h2 * h2 / 24, h - h * h2 / 6)
      var (a, b) = (BigFloat(1), BigFloat(0))
      for _ in 0..<n { (a, b) = (a * re - b * im, a * im + b * re) }
      let y = RungeKutta4.integrate(oscillator, from: BigFloat(0), [BigFloat(0), BigFloat(1)], to: 1, steps: n)
      #expect((y[0] - b).magnitude < BigFloat(1e-70) && (y[1] - a).magnitude < BigFloat(1e-70))
      // And the scheme's own error against sin is the predicted O(h⁴): here about 1e-12.
      #expect((y[0] - BigFloat.sin(1)).magnitude < BigFloat(1e-11))
    }
  }

  @Test func integratesCubicsExactly() {
    // RK4 reduces to Simpson's rule on y′ = g(t), exact for cubic g: ∫₀² 4t³ dt = 16.
    withPrecision(256) {
      let y = RungeKutta4.integrate({ t, _ in [4 * t * t * t] }, from: BigFloat(0), [BigFloat(0)], to: 2, steps: 3)
      #expect((y[0] - 16).magnitude < fullPrecisionBound(256))
    }
  }
}
