import Numeric
import Testing

@testable import Symbolic

/// `Matrix.multiplied(by:)` on jets: one tape operation for the whole product, which must give
/// every Taylor coefficient with the bits of `*` (a product and a sum per term), on a tape and
/// eagerly, with constant and zero entries mixed in.
@Suite struct JetMatrixProductTests {
  typealias J = Jet<BigFloat>

  /// A 3 × 4 and a 4 × 3 matrix of the state `y` (12 entries): tanh entries, products of
  /// neighbours, a constant, a constant zero (a structural zero of a Jacobian) and `shift` on
  /// one constant entry.
  static func factors(_ y: [J], shift: BigFloat = 0) -> (Matrix<J>, Matrix<J>) {
    let a = Matrix(rowCount: 3, columnCount: 4) { i, l -> J in
      switch (i, l) {
      case (0, 1): J.constant(BigFloat(2))
      case (2, 3): J.constant(BigFloat(0))
      default: J.tanh(y[4 * i + l])
      }
    }
    let b = Matrix(rowCount: 4, columnCount: 3) { l, c -> J in
      l == 1 && c == 1
        ? J.constant(BigFloat(Rational(1, 3)) + shift) : y[3 * l + c] * y[(3 * l + c + 1) % 12]
    }
    return (a, b)
  }

  /// The field `y′ = (AB entries, y₀y₁, −y₂, sin y₃)` with the product by `product`.
  static func flow(
    shift: BigFloat = 0, _ product: @escaping (Matrix<J>, Matrix<J>) -> Matrix<J>
  ) -> TaylorIntegrator<BigFloat> {
    TaylorIntegrator(order: 16, tolerance: BigFloat(0)) { y in
      let (a, b) = factors(y, shift: shift)
      return product(a, b).entries + [y[0] * y[1], -y[2], J.sin(y[3])]
    }
  }

  @Test func recordedProductHasTheBitsOfTheOperator() {
    var random = SplitMix64(seed: 41)
    for bits in [53, 131, 256, 397] {
      withPrecision(bits) {
        let start = (0..<12).map { _ in random.nextSymmetric(scale: Rational(1), as: BigFloat.self) }
        let one = Self.flow { $0.multiplied(by: $1) }.series(at: start)
        let operator_ = Self.flow { $0 * $1 }.series(at: start)
        #expect(one.count == 17)
        #expect(one == operator_, "at \(bits) bits")
        // The comparison can fail: the constant entry moved in its last bits.
        let moved = Self.flow(shift: BigFloat.pow(2, -bits + 4)) { $0.multiplied(by: $1) }
        #expect(moved.series(at: start) != operator_, "at \(bits) bits")
      }
    }
  }

  /// Off a tape the route is `*` itself, for jets of any length and for plain numbers.
  @Test func eagerProductIsTheOperator() {
    withPrecision(128) {
      var random = SplitMix64(seed: 5)
      let jet = { J(coefficients: (0..<6).map { _ in random.nextSymmetric(scale: Rational(1)) }) }
      let a = Matrix(rowCount: 2, columnCount: 3) { _, _ in jet() }
      let b = Matrix(rowCount: 3, columnCount: 2) { _, _ in jet() }
      let (product, expected) = (a.multiplied(by: b), a * b)
      #expect(product.entries.map(\.coefficients) == expected.entries.map(\.coefficients))
      let x = Matrix(rowCount: 2, columnCount: 2) { i, j in BigFloat(i + 2 * j + 1) / 7 }
      #expect(x.multiplied(by: x) == x * x)
    }
  }
}
