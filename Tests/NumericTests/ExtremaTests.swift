import Testing
@testable import Numeric

/// Reductions of measured quantities must keep a NaN wherever it stands: `Swift.max(1, nan)`
/// is 1, which would let a broken residual read as small.
@Suite struct ExtremaTests {
  @Test func pairsKeepNaN() {
    withPrecision(64) {
      let nan = BigFloat.nan()
      let one = BigFloat(1)
      #expect(Swift.max(one, nan) == one)  // the trap these functions exist for
      #expect(BigFloat.maxOrNaN(one, nan).isNaN && BigFloat.maxOrNaN(nan, one).isNaN)
      #expect(BigFloat.minOrNaN(one, nan).isNaN && BigFloat.minOrNaN(nan, one).isNaN)
      #expect(BigFloat.maxOrNaN(one, BigFloat(2)) == 2 && BigFloat.minOrNaN(one, BigFloat(2)) == 1)
      #expect(Double.maxOrNaN(1, .nan).isNaN)
    }
  }

  @Test func sequencesKeepNaNAnywhere() {
    for position in 0..<4 {
      var values: [Double] = [3, -1, 2, 0.5]
      values[position] = .nan
      #expect(values.maxOrNaN()!.isNaN, "NaN at \(position)")
      #expect(values.minOrNaN()!.isNaN, "NaN at \(position)")
      #expect(values.maximumMagnitude.isNaN, "NaN at \(position)")
    }
    #expect([3.0, -4, 2].maxOrNaN() == 3 && [3.0, -4, 2].minOrNaN() == -4)
    #expect([3.0, -4, 2].maximumMagnitude == 4)
    #expect([Double]().maxOrNaN() == nil)
    let matrix = Matrix<Double>([[1, 2], [.nan, 4]])
    #expect(matrix.maximumMagnitude.isNaN)
  }
}
