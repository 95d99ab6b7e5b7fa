import Testing
@testable import Numeric

@Suite struct LinearFitTests {
  @Test func exactLineAt256Bits() {
    withPrecision(256) {
      let x = (0..<6).map { BigFloat($0) }
      let fit = LinearFit(x: x, y: x.map { 3 - 2 * $0 })
      #expect((fit.slope + 2).magnitude < BigFloat(1e-70))
      #expect((fit.intercept - 3).magnitude < BigFloat(1e-70))
      #expect(fit.slopeStandardError < BigFloat(1e-70))
      #expect(fit.count == 6)
    }
  }

  @Test func standardErrorAndIntervalOfAWorkedExample() {
    // y = 2.2 + 0.6x with residuals (−0.8, 0.6, 1, −0.6, −0.2): RSS = 2.4, Sxx = 10,
    // SE = √(2.4/3/10) = √0.08, and t₀.₉₇₅,₃ = 3.182446305284263.
    let fit = LinearFit<Double>(x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 5])
    #expect(Swift.abs(fit.slope - 0.6) < 1e-14)
    #expect(Swift.abs(fit.intercept - 2.2) < 1e-14)
    #expect(Swift.abs(fit.residualSumOfSquares - 2.4) < 1e-14)
    #expect(Swift.abs(fit.slopeStandardError - 0.08.squareRoot()) < 1e-14)
    let halfWidth = 3.182446305284263 * 0.08.squareRoot()
    #expect(Swift.abs(fit.slopeInterval.lowerBound - (0.6 - halfWidth)) < 1e-9)
    #expect(Swift.abs(fit.slopeInterval.upperBound - (0.6 + halfWidth)) < 1e-9)
    #expect(fit.slopeLies(in: 0.5...0.7) && !fit.slopeLies(in: 0.7...0.8))
  }

  @Test(arguments: [(1, 12.706204736), (2, 4.302652730), (10, 2.228138852)])
  func studentQuantiles(degreesOfFreedom: Int, published: Double) {
    #expect(Swift.abs(StudentT.quantile975(degreesOfFreedom: degreesOfFreedom) - published) < 1e-8)
  }

  @Test func powerAndLogarithmicLaws() {
    let x: [Double] = [1, 2, 4, 8, 16]
    let power = LinearFit.logLog(x: x, y: x.map { 5 * Double.pow($0, -1.5) })
    #expect(Swift.abs(power.slope + 1.5) < 1e-13)
    #expect(Swift.abs(power.intercept - Double.log(5)) < 1e-13)
    let logarithmic = LinearFit.semiLog(x: x, y: x.map { 2 + 3 * Double.log($0) })
    #expect(Swift.abs(logarithmic.slope - 3) < 1e-13 && Swift.abs(logarithmic.intercept - 2) < 1e-13)
  }
}
