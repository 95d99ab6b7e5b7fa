import Testing

@testable import Numeric

/// Eigenvalues by tridiagonal reduction and QL: against Jacobi and against themselves at more
/// bits (random sizes, entries and precisions, as MPFR's tgeneric compares p with p + k bits),
/// on exactly known spectra, and at the edges (empty, 1×1, split matrices, non-finite input,
/// exhausted sweeps, entries near binary64's overflow).
@Suite struct SymmetricTridiagonalTests {
  /// `n ‖A‖_F 2^(4 − p)`: the backward error bound, with room for the constants.
  static func bound(_ a: Matrix<BigFloat>, bits: Int) -> BigFloat {
    BigFloat(a.rowCount) * a.frobeniusNorm * BigFloat.pow(2, 4 - bits)
  }

  static func largestGap(_ x: [BigFloat], _ y: [BigFloat]) -> BigFloat {
    zip(x, y).reduce(BigFloat.zero) { Swift.max($0, ($1.0 - $1.1).magnitude) }
  }

  @Test(arguments: 0..<16)
  func agreesWithJacobiAndWithMoreBits(seed: UInt64) throws {
    var generator = SplitMix64(seed: 1000 + seed)
    let n = 1 + Int(generator.next() % 12)
    let bits = 24 + Int(generator.next() % 600)
    let entries = generator.symmetricEntries(n * n, scale: 1 + Rational(Int(seed)))
    let (values, jacobi, a): ([BigFloat], [BigFloat], Matrix<BigFloat>) = try withPrecision(bits) {
      let a = Matrix<BigFloat>(rounding: entries, n, n)
      return (try a.symmetricEigenvalues(), try a.symmetricEigendecomposition().eigenvalues, a)
    }
    let wider = try withPrecision(bits + 64) {
      try Matrix<BigFloat>(rounding: entries, n, n).symmetricEigenvalues()
    }
    let bound = Self.bound(a, bits: bits)
    #expect(values.count == n && values == values.sorted { $0 < $1 })
    #expect(Self.largestGap(values, jacobi) <= bound, "\(n)×\(n) at \(bits) bits against Jacobi")
    #expect(Self.largestGap(values, wider) <= bound, "\(n)×\(n) at \(bits) against \(bits + 64) bits")
    // The trace is the sum of the eigenvalues.
    let trace = withPrecision(bits + 64) { (0..<n).reduce(BigFloat.zero) { $0 + BigFloat(entries[$1 * n + $1]) } }
    let sum = withPrecision(bits + 64) { values.reduce(BigFloat.zero, +) }
    #expect((sum - trace).magnitude <= BigFloat(n) * bound)
  }

  /// `P D P` with `P` an exact rational reflection has the spectrum `D` exactly, repeated and
  /// zero eigenvalues included; the error falls with the precision.
  @Test func exactSpectrumOfAReflectedDiagonal() throws {
    let d = [Rational(-3), Rational(-1, 2), 0, 0, Rational(1, 7), 2, 2, 5]
    let p = householder([1, -2, 3, 1, 0, -1, 2, 1])
    let diagonal = d.indices.map { i in d.indices.map { j in i == j ? d[i] : Rational(0) } }
    let a = product(product(p, diagonal), p)
    var previous: BigFloat?
    for bits in precisionLadder {
      try withPrecision(bits) {
        let values = try Matrix<BigFloat>(rounding: a.flatMap { $0 }, 8, 8).symmetricEigenvalues()
        let error = Self.largestGap(values, d.map { BigFloat($0) })
        #expect(error < fullPrecisionBound(bits), "\(bits) bits: \(error)")
        if let previous, previous > 0 { #expect(error < previous) }
        previous = error
      }
    }
  }

  @Test func tridiagonalSecondDifference() throws {
    let n = 10
    try withPrecision(256) {
      let a = Matrix<BigFloat>(rowCount: n, columnCount: n) { i, j in
        i == j ? 2 : (abs(i - j) == 1 ? -1 : 0)
      }
      let values = try a.symmetricEigenvalues()
      for k in 1...n {
        let s = BigFloat.sin(BigFloat(k) * BigFloat.pi / BigFloat(2 * (n + 1)))
        #expect((values[k - 1] - 4 * s * s).magnitude < fullPrecisionBound(256))
      }
    }
  }

  @Test func smallAndSplitMatrices() throws {
    #expect(try Matrix<Double>.zeros(0, 0).symmetricEigenvalues() == [])
    #expect(try Matrix<Double>([[-4]]).symmetricEigenvalues() == [-4])
    #expect(try Matrix<Double>.zeros(3, 3).symmetricEigenvalues() == [0, 0, 0])
    #expect(try Matrix<Double>([[3, 0, 0], [0, -1, 0], [0, 0, 2]]).symmetricEigenvalues() == [-1, 2, 3])
    // [[2, 1], [1, 2]]: 1 and 3; the asymmetric input is symmetrised first.
    let two = try Matrix<Double>([[2, 0], [2, 2]]).symmetricEigenvalues()
    #expect(abs(two[0] - 1) < 1e-15 && abs(two[1] - 3) < 1e-15)
    // Two blocks that never couple: each keeps its own eigenvalues.
    let blocks = try Matrix<Double>([[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 5, 0], [0, 0, 0, -5]])
      .symmetricEigenvalues()
    #expect(zip(blocks, [-5.0, 0, 2, 5]).allSatisfy { abs($0 - $1) < 1e-14 })
  }

  /// Entries near binary64's largest value: the scaled reflections and hypotenuses overflow
  /// nowhere, and the spectrum scales with the matrix.
  @Test func nearOverflowInBinary64() throws {
    let unit: Matrix<Double> = randomMatrix(6, 6, seed: 5)
    let symmetric = unit + unit.transposed
    let values = try symmetric.symmetricEigenvalues()
    let scaled = try (1e300 * symmetric).symmetricEigenvalues()
    #expect(scaled.allSatisfy { $0.isFinite })
    #expect(zip(values, scaled).allSatisfy { abs($0 * 1e300 - $1) <= 1e-13 * 1e300 })
  }

  /// QL out of sweeps hands over to Jacobi: the same values as the decomposition's, to the bit.
  @Test func exhaustedQLFallsBackToJacobi() throws {
    let b: Matrix<Double> = randomMatrix(7, 7, seed: 9)
    let a = b + b.transposed
    #expect(try a.symmetricEigenvalues(maximumQLSweeps: 0) == a.symmetricEigendecomposition().eigenvalues)
  }

  @Test func nonFiniteInputAndExhaustedSweepsThrow() {
    let algorithm = "symmetric tridiagonal QL iteration"
    #expect(throws: NumericError.nonFinite(algorithm: algorithm)) {
      try Matrix<Double>([[1, .nan], [.nan, 1]]).symmetricEigenvalues()
    }
    let b: Matrix<Double> = randomMatrix(5, 5, seed: 4)
    #expect(throws: NumericError.notConverged(algorithm: algorithm, iterations: 0)) {
      try SymmetricTridiagonal(reducing: b + b.transposed).eigenvalues(maximumSweepsPerEigenvalue: 0)
    }
  }
}
