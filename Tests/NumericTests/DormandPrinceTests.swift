import Testing
@testable import Numeric

@Suite struct DormandPrinceTests {
  func growth<T: Scalar>(_ t: T, _ y: [T]) -> [T] { y }
  func decay<T: Scalar>(_ t: T, _ y: [T]) -> [T] { [-y[0]] }
  func oscillator<T: Scalar>(_ t: T, _ y: [T]) -> [T] { [y[1], -y[0]] }

  @Test func expAndSinInDouble() throws {
    let solver = DormandPrince<Double>(relativeTolerance: 1e-13, absoluteTolerance: 1e-15)
    let e = try solver.finalState(of: growth, from: 0, [1], to: 1)[0]
    #expect(Swift.abs(e / Double.exp(1) - 1) < 1e-12)
    let times: [Double] = [0.5, 1, 5, 10]
    let states = try solver.states(of: oscillator, from: 0, [0, 1], at: times)
    for (t, y) in zip(times, states) {
      #expect(Swift.abs(y[0] - Double.sin(t)) < 1e-11 && Swift.abs(y[1] - Double.cos(t)) < 1e-11)
    }
  }

  @Test func beyondDoubleAt256Bits() throws {
    try withPrecision(256) {
      let tolerance = BigFloat(1e-22)
      let solver = DormandPrince(relativeTolerance: tolerance, absoluteTolerance: tolerance)
      let y = try solver.finalState(of: oscillator, from: BigFloat(0), [BigFloat(0), BigFloat(1)], to: 1)
      #expect((y[0] - BigFloat.sin(1)).magnitude < 100 * tolerance)
      #expect((y[1] - BigFloat.cos(1)).magnitude < 100 * tolerance)
    }
  }

  @Test func fifthOrderQuadratureIsExact() throws {
    // On y′ = g(t) the pair reduces to a quadrature exact for quartic g: ∫₀³ 5t⁴ dt = 243.
    try withPrecision(256) {
      let solver = DormandPrince(relativeTolerance: BigFloat(1e-10), absoluteTolerance: BigFloat(1e-10))
      let y = try solver.finalState(of: { t, _ in [5 * t * t * t * t] }, from: BigFloat(0), [BigFloat(0)], to: 3)
      #expect((y[0] - 243).magnitude < 243 * fullPrecisionBound(256))
    }
  }

  @Test func eventOfAPolynomialFlowToWorkingPrecision() throws {
    // x′ = v, v′ = −1 from (0, 1): x = t − t²/2 returns to 0 at t = 2. The flow is a
    // polynomial the pair integrates exactly, so the event time is exact to the precision.
    for bits in [128, 256, 512] {
      try withPrecision(bits) {
        let solver = DormandPrince(relativeTolerance: BigFloat(1e-10), absoluteTolerance: BigFloat(1e-10))
        let event = try solver.firstEvent(
          of: { _, y in [y[1], BigFloat(-1)] }, from: BigFloat(0), [BigFloat(0), BigFloat(1)], until: 10
        ) { _, y in y[0] }
        let time = try #require(event?.time)
        #expect((time - 2).magnitude < fullPrecisionBound(bits), "event at \(time)")
        #expect((event!.state[1] + 1).magnitude < fullPrecisionBound(bits))
      }
    }
  }

  @Test func eventTimesWithClosedForms() throws {
    // e^{−t} = 1/2 at t = ln 2; cos t = 0 first at t = π/2.
    let solver = DormandPrince<Double>(relativeTolerance: 1e-13, absoluteTolerance: 1e-15)
    let half = try solver.firstEvent(of: decay, from: 0, [1], until: 5) { _, y in y[0] - 0.5 }
    #expect(Swift.abs(try #require(half?.time) - Double.log(2)) < 1e-12)
    try withPrecision(256) {
      let tolerance = BigFloat(1e-22)
      let solver = DormandPrince(relativeTolerance: tolerance, absoluteTolerance: tolerance)
      let zero = try solver.firstEvent(of: oscillator, from: BigFloat(0), [BigFloat(0), BigFloat(1)], until: 5) { _, y in y[1] }
      #expect((try #require(zero?.time) - BigFloat.pi / 2).magnitude < 100 * tolerance)
    }
    let never = try solver.firstEvent(of: decay, from: 0, [1], until: 5) { _, y in y[0] + 1 }
    #expect(never == nil)
  }

  @Test func nonFiniteFieldThrows() {
    let solver = DormandPrince<Double>(relativeTolerance: 1e-8, absoluteTolerance: 1e-8)
    // y′ = y² from 1 blows up at t = 1.
    #expect(throws: NumericError.self) {
      try solver.finalState(of: { _, y in [y[0] * y[0]] }, from: 0, [1], to: 2)
    }
    #expect(throws: NumericError.nonFinite(algorithm: "Dormand–Prince")) {
      try solver.finalState(of: { _, _ in [.nan] }, from: 0, [1], to: 1)
    }
  }
}
