import Testing
@testable import Numeric

/// `BigFloatBuffer`'s in-place operations must give the bits of `BigFloat`'s operators on
/// values of the buffer's precision: random operands at random precisions, with the aliased
/// forms (`xᵢ += xᵢ`, `xᵢ += xᵢ · s`) that a sweep meets when a node is both operands.
@Suite struct BigFloatBufferTests {
  @Test func inPlaceOperationsHaveTheOperatorsBits() {
    var random = SplitMix64(seed: 19)
    for bits in [2, 24, 53, 64, 113, 256, 333, 512] {
      withPrecision(bits) {
        let values = (0..<6).map { _ in random.nextSymmetric(scale: Rational(5), as: BigFloat.self) }
        let slopes = (0..<3).map { _ in random.nextSymmetric(scale: Rational(5), as: BigFloat.self) }
        let buffer = BigFloatBuffer(values, precision: bits)
        let slope = BigFloatBuffer(slopes, precision: bits)
        var expected = values
        let steps: [(Int, Int, Int?)] = [(0, 1, nil), (2, 2, nil), (3, 4, 0), (5, 5, 1), (1, 0, 2)]
        for (i, j, k) in steps {
          if let k {
            buffer.addRoundedProduct(i, j, slope, k)
            expected[i] = expected[i] + expected[j] * slopes[k]
          } else {
            buffer.add(i, j)
            expected[i] = expected[i] + expected[j]
          }
        }
        buffer.subtract(4, 3)
        expected[4] = expected[4] - expected[3]
        let read = (0..<6).map { buffer[$0] }
        #expect(read == expected, "at \(bits) bits")
        #expect(read.allSatisfy { $0.precision == bits })
        buffer.setZero()
        #expect((0..<6).allSatisfy { buffer[$0].isZero && !buffer[$0].isNegative })
      }
    }
  }

  /// A wider value is rounded to the buffer's precision when stored, as MPFR's `mpfr_set` does.
  @Test func storingRoundsToTheBuffersPrecision() {
    let third = withPrecision(256) { BigFloat(1) / 3 }
    let buffer = BigFloatBuffer(count: 1, precision: 53)
    buffer[0] = third
    #expect(buffer[0] == BigFloat(third, precision: 53) && buffer[0] != third)
  }
}
