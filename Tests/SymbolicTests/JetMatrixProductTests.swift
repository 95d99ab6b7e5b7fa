import Numeric
import Testing

@testable import Symbolic

/// `Matrix.multiplied(by:)` on jets: one tape operation for the whole product. Its coefficients
/// take the coefficient type's route: for `BigFloat` each is the exact Cauchy sum rounded once,
/// for `Double` (no route) the bits of `*` (a product and a sum per term); on a tape and
/// eagerly, with constant and zero entries mixed in.
@Suite struct JetMatrixProductTests {
  /// A 2 × 3 and a 3 × 2 matrix of the state `y` (12 entries): `A = y₀…y₅` with `A₀₁` the
  /// constant `2 + shift`, `B = y₆…y₁₁` with `B₂₁` a constant zero (a structural zero of a
  /// Jacobian).
  static func factors<T: Scalar>(_ y: [Jet<T>], shift: T = 0) -> (Matrix<Jet<T>>, Matrix<Jet<T>>) {
    let a = Matrix(rowCount: 2, columnCount: 3) { i, l in
      i == 0 && l == 1 ? Jet<T>.constant(T(2) + shift) : y[3 * i + l]
    }
    let b = Matrix(rowCount: 3, columnCount: 2) { l, c in
      l == 2 && c == 1 ? Jet<T>.constant(T(0)) : y[6 + 2 * l + c]
    }
    return (a, b)
  }

  /// `y′ = (AB entries, sin y₄, y₅y₀, −y₆, tanh y₇, y₈y₉, cos y₁₀, y₁₁y₁, y₂ − y₃)`, the
  /// product by `product`.
  static func flow<T: Scalar>(
    shift: T = 0, _ product: @escaping (Matrix<Jet<T>>, Matrix<Jet<T>>) -> Matrix<Jet<T>>
  ) -> TaylorIntegrator<T> {
    TaylorIntegrator(order: 16, tolerance: T(0)) { y in
      let (a, b) = factors(y, shift: shift)
      return product(a, b).entries
        + [Jet.sin(y[4]), y[5] * y[0], -y[6], Jet.tanh(y[7]), y[8] * y[9], Jet.cos(y[10]), y[11] * y[1], y[2] - y[3]]
    }
  }

  /// Coefficient `k + 1` of output `(i, c)` is `Pₖ/(k + 1)` rounded, with `Pₖ` the exact
  /// `Σₗ Σⱼ Aᵢₗ,ⱼ Bₗc,ₖ₋ⱼ` of the factors' returned series rounded once: recomputed here in
  /// rationals.
  @Test func recordedProductRoundsEachCoefficientOnce() {
    var random = SplitMix64(seed: 41)
    for bits in [53, 131, 256, 397] {
      withPrecision(bits) {
        let start = (0..<12).map { _ in random.nextSymmetric(scale: Rational(1), as: BigFloat.self) }
        let series = Self.flow { $0.multiplied(by: $1) }.series(at: start)
        #expect(series.count == 17)
        let exact = { (s: [BigFloat], j: Int) in j < s.count ? Rational(exactly: s[j])! : Rational(0) }
        func a(_ i: Int, _ l: Int) -> [BigFloat] { i == 0 && l == 1 ? [2] : series.map { $0[3 * i + l] } }
        func b(_ l: Int, _ c: Int) -> [BigFloat] { l == 2 && c == 1 ? [0] : series.map { $0[6 + 2 * l + c] } }
        var mismatches = 0
        for k in 0..<16 {
          for (i, c) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
            let p = (0..<3).reduce(Rational(0)) { sum, l in
              (0...k).reduce(sum) { $0 + exact(a(i, l), $1) * exact(b(l, c), k - $1) }
            }
            if series[k + 1][2 * i + c] != BigFloat(p) / BigFloat(k + 1) { mismatches += 1 }
          }
        }
        #expect(mismatches == 0, "at \(bits) bits")
        // The comparison can fail: the constant entry moved in its last bits.
        let moved = Self.flow(shift: BigFloat.pow(2, -bits + 4)) { $0.multiplied(by: $1) }
        #expect(moved.series(at: start) != series, "at \(bits) bits")
      }
    }
  }

  @Test func recordedDoubleProductHasTheBitsOfTheOperator() {
    var random = SplitMix64(seed: 43)
    let start = (0..<12).map { _ in random.nextSymmetric(scale: Rational(1), as: Double.self) }
    let one = Self.flow { $0.multiplied(by: $1) }.series(at: start)
    #expect(one == Self.flow { $0 * $1 }.series(at: start))
    #expect(Self.flow(shift: 0x1p-48) { $0.multiplied(by: $1) }.series(at: start) != one)
  }

  /// Off a tape the route is `*` itself, for jets of any length.
  @Test func eagerProductIsTheOperator() {
    withPrecision(128) {
      var random = SplitMix64(seed: 5)
      let jet = { Jet<BigFloat>(coefficients: (0..<6).map { _ in random.nextSymmetric(scale: Rational(1)) }) }
      let a = Matrix(rowCount: 2, columnCount: 3) { _, _ in jet() }
      let b = Matrix(rowCount: 3, columnCount: 2) { _, _ in jet() }
      let (product, expected) = (a.multiplied(by: b), a * b)
      #expect(product.entries.map(\.coefficients) == expected.entries.map(\.coefficients))
    }
  }
}
