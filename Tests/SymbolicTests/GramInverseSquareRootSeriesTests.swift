import Numeric
import Testing

@testable import Symbolic

/// `(GᵀG + εI)^{−1/2}` of a matrix jet by the Sylvester recurrence, against the Jacobi SVD run on
/// jets (numeric's `regularizedGramInverseSquareRoot`), against the identity `Z M Z = I`, and
/// recorded on a tape against eager.
@Suite struct GramInverseSquareRootSeriesTests {
  typealias J = Jet<BigFloat>
  static let order = 6

  /// A polynomial matrix jet `Σₖ Gₖ tᵏ` with random entries in [−1, 1].
  static func jet(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix<J> {
    var rng = SplitMix64(seed: seed)
    return Matrix(rowCount: rows, columnCount: columns) { _, _ in
      J(coefficients: (0...order).map { _ in rng.nextSymmetric(scale: 1) })
    }
  }

  /// `max over entries and k of |aₖ − bₖ|`, over `max |bₖ|`.
  static func relativeDistance(_ a: Matrix<J>, _ b: Matrix<J>) -> BigFloat {
    var (distance, scale) = (BigFloat(0), BigFloat(0))
    for (x, y) in zip(a.entries, b.entries) {
      for k in 0...order {
        distance = max(distance, (x[k] - y[k]).magnitude)
        scale = max(scale, y[k].magnitude)
      }
    }
    return distance / scale
  }

  @Test(arguments: [(3, 3), (4, 3), (5, 2), (2, 3)], [Rational(1, 4), Rational(1, 1000)])
  func agreesWithTheJacobiSVDOnJets(shape: (Int, Int), epsilon: Rational) throws {
    try withPrecision(256) {
      let g = Self.jet(shape.0, shape.1, seed: UInt64(10 * shape.0 + shape.1))
      let eps = BigFloat(epsilon)
      let series = try J.regularizedGramInverseSquareRoot(of: g, epsilon: .constant(eps))
      let jacobi = try g.regularizedGramInverseSquareRoot(epsilon: .constant(eps))
      let distance = Self.relativeDistance(series, jacobi)
      #expect(distance <= BigFloat.pow(2, -236), "\(shape), ε = \(epsilon): \(distance)")
    }
  }

  /// Equal eigenvalues at the value (orthonormal columns): `Z (GᵀG + εI) Z = I` to every order.
  @Test func repeatedEigenvalues() throws {
    try withPrecision(256) {
      var g = Self.jet(3, 3, seed: 7)
      for i in 0..<3 {
        for j in 0..<3 {
          var c = g[i, j].coefficients
          c[0] = BigFloat(i == j ? 1 : 0)
          g[i, j] = J(coefficients: c)
        }
      }
      let eps = J.constant(BigFloat(Rational(1, 2)))
      let z = try J.regularizedGramInverseSquareRoot(of: g, epsilon: eps)
      let m = g.transposed * g + eps * Matrix.identity(3)
      let distance = Self.relativeDistance(z * m * z, Matrix.identity(3))
      #expect(distance <= BigFloat.pow(2, -240), "\(distance)")
      #expect(Self.relativeDistance(z, z.transposed) <= BigFloat.pow(2, -245))
    }
  }

  /// Recorded on a tape (entries as variables) and extended order by order: bit for bit eager.
  @Test func tapeReproducesEager() throws {
    try withPrecision(128) {
      let g = Self.jet(4, 3, seed: 3)
      let eps = J.constant(BigFloat(Rational(1, 3)))
      let eager = try J.regularizedGramInverseSquareRoot(of: g, epsilon: eps)
      let tape = JetTape<BigFloat>()
      let variables = g.entries.map { tape.variable($0.value) }
      let z = try J.regularizedGramInverseSquareRoot(
        of: Matrix(rowCount: 4, columnCount: 3, entries: variables), epsilon: eps)
      #expect(zip(z.entries, eager.entries).allSatisfy { tape.coefficient(0, of: $0) == $1[0] })
      for k in 1...Self.order {
        for (variable, entry) in zip(variables, g.entries) { tape.append(entry[k], to: variable) }
        tape.computeCoefficients(order: k)
        let same = zip(z.entries, eager.entries).allSatisfy { tape.coefficient(k, of: $0) == $1[k] }
        #expect(same, "order \(k)")
      }
    }
  }

  /// A non-finite value is an error, not a crash.
  @Test func nonFiniteValuesThrow() {
    withPrecision(64) {
      let g = Matrix<J>(rowCount: 2, columnCount: 2, entries: [.constant(BigFloat(Double.nan)), 1, 0, 1])
      #expect(throws: NumericError.self) { try J.regularizedGramInverseSquareRoot(of: g, epsilon: 1) }
    }
  }
}
