import Numeric
import Symbolic
import Testing

/// Vector-mode forward AD: one `VectorDual` pass against one `Dual` pass per direction, at
/// random points and precisions; structural zeros where an output does not read an input.
@Suite struct VectorDualTests {
  /// Reads every input, through every kind of chain rule: sums, products, quotients, unary
  /// functions, constants on either side.
  static func field<U: Scalar>(_ x: [U]) -> [U] {
    let r2 = x[0] * x[0] + x[1] * x[1]
    return [
      U.exp(-r2 / 2) * x[2] - x[1] / (1 + r2),
      U.sin(x[0] * x[2]) + U.sqrt(1 + x[1] * x[1]) - 3 * x[0],
      U.log(onePlus: r2) / x[2] + U.tanh(x[1]),
    ]
  }

  @Test(arguments: [53, 128, 256, 397]) func oneVectorPassIsTheDualPasses(bits: Int) {
    var generator = SplitMix64(seed: UInt64(bits))
    withPrecision(bits) {
      typealias T = BigFloat
      for _ in 0..<8 {
        let x: [T] = generator.symmetricEntries(3, scale: 2)
        let (value, jacobian) = forwardValueAndJacobian(of: { Self.field($0) }, at: x)
        #expect(value == Self.field(x))
        for j in x.indices {
          let column = directionalDerivative(
            of: { Self.field($0) }, at: x, along: x.indices.map { $0 == j ? 1 : 0 }
          ).derivative
          // The same products and sums of the same slopes: equal to the bit (the Dual pass
          // only adds exact zeros besides).
          #expect(jacobian.column(j) == column, "column \(j) at \(x)")
        }
      }
    }
  }

  @Test func unreadInputsStayStructurallyZero() {
    let x = (0..<4).map { VectorDual.variable(Double($0) + 1, index: $0, of: 4) }
    let y = x[0] * x[1] + 2 * x[0]
    #expect(y.tangents[0] == 4 && y.tangents[1] == 1, "∂y/∂x₀ = x₁ + 2, ∂y/∂x₁ = x₀")
    #expect(y.tangents[2] == nil && y.tangents[3] == nil)
    #expect(y[tangent: 3] == 0)
    // A constant carries no tangents at all, and combining with it keeps the other's.
    #expect(VectorDual<Double>(constant: 5).tangents.isEmpty)
    #expect((x[2] - 5).tangents == [nil, nil, 1, nil])
  }

  @Test func nonFiniteTangentsAreReported() {
    let x = VectorDual.variable(0.0, index: 0, of: 2)
    #expect(!VectorDual.sqrt(x).isFinite, "d√x/dx is infinite at 0")
    #expect(VectorDual.sqrt(x + 1).isFinite)
  }
}
