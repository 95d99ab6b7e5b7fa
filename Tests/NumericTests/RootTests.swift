import Testing
@testable import Numeric

@Suite struct RootTests {
  /// −log₁₀ of an error: the number of correct digits.
  func digits(_ error: BigFloat) -> Double { -Double.log10(error.doubleValue) }

  /// A root located to the working precision: `f` changes sign across `x ∓ 16 ulp`.
  func isBracketedTightly(_ x: BigFloat, _ f: (BigFloat) -> BigFloat) -> Bool {
    let delta = 16 * BigFloat.workingEpsilon * Swift.max(x.magnitude, BigFloat(1))
    return (f(x - delta) < 0) != (f(x + delta) < 0)
  }

  @Test func scalarNewtonDoublesDigitsPerStep() throws {
    try withPrecision(512) {
      let sqrt2 = BigFloat.sqrt(2)
      let result = try Newton.solve({ $0 * $0 - 2 }, derivative: { 2 * $0 }, from: BigFloat(1))
      #expect((result.root - sqrt2).magnitude <= 2 * BigFloat.workingEpsilon)
      let d = result.iterates.map { digits(($0 - sqrt2).magnitude) }
      // Quadratic convergence: eₖ₊₁ = eₖ²/(2xₖ), so digits at least double (minus log₁₀ 2√2)
      // until the 154 digits of 512 bits are reached.
      var doublings = 0
      for (now, next) in zip(d, d.dropFirst()) where now >= 2 && next < 150 {
        #expect(next >= 2 * now + 0.4, "digits \(now) → \(next)")
        doublings += 1
      }
      #expect(doublings >= 4)
    }
  }

  @Test func systemNewtonConvergesQuadratically() throws {
    // x² + y² = 4, xy = 1 has the root x = (√6 + √2)/2, y = (√6 − √2)/2.
    try withPrecision(256) {
      let (s6, s2) = (BigFloat.sqrt(6), BigFloat.sqrt(2))
      let exact = [(s6 + s2) / 2, (s6 - s2) / 2]
      func system(_ v: [BigFloat]) -> [BigFloat] {
        let (x, y) = (v[0], v[1])
        return [x * x + y * y - 4, x * y - 1]
      }
      func jacobian(_ v: [BigFloat]) -> Matrix<BigFloat> {
        let (x, y) = (v[0], v[1])
        return Matrix([[2 * x, 2 * y], [y, x]])
      }
      let result = try Newton.solve(system, jacobian: jacobian, from: [BigFloat(2), BigFloat(Rational(1, 2))])
      let errors = result.iterates.map { $0.adding(exact, scaledBy: -1).maximumMagnitude }
      #expect(errors.last! <= 4 * BigFloat.workingEpsilon)
      let d = errors.map(digits)
      var doublings = 0
      for (now, next) in zip(d, d.dropFirst()) where now >= 2 && next < 70 {
        #expect(next >= 1.8 * now, "digits \(now) → \(next)")
        doublings += 1
      }
      #expect(doublings >= 3)
      // At the origin the Jacobian of (x² + y² − 4, xy − 1) vanishes.
      #expect(throws: NumericError.singularMatrix) {
        try Newton.solve(system, jacobian: jacobian, from: [BigFloat(0), BigFloat(0)])
      }
    }
  }

  @Test func newtonReportsAZeroDerivative() {
    #expect(throws: NumericError.nonFinite(algorithm: "Newton")) {
      try Newton.solve({ $0 * $0 + 1 }, derivative: { 2 * $0 }, from: 0.0)
    }
  }

  @Test func bracketedNewtonFallsBackToBisection() throws {
    try withPrecision(256) {
      // Plain Newton on atan from x = 2 diverges (|xₖ| grows); the bracket keeps it safe.
      #expect(throws: NumericError.self) {
        try Newton.solve({ BigFloat.atan($0) }, derivative: { 1 / (1 + $0 * $0) }, from: BigFloat(2))
      }
      let zero = try Newton.solve({ BigFloat.atan($0) }, derivative: { 1 / (1 + $0 * $0) },
        bracketing: BigFloat(-1)...BigFloat(3), absoluteTolerance: BigFloat(1e-75))
      #expect(zero.magnitude < BigFloat(1e-75))
      let f = { (x: BigFloat) in BigFloat.cos(x) - x }
      let dottie = try Newton.solve(f, derivative: { -BigFloat.sin($0) - 1 }, bracketing: BigFloat(0)...BigFloat(1))
      #expect(isBracketedTightly(dottie, f))
    }
  }

  @Test func brentFindsRootsToWorkingPrecision() throws {
    for bits in [53, 128, 256] {
      try withPrecision(bits) {
        // Wallis' cubic x³ − 2x − 5, root ≈ 2.0945514815.
        let f = { (x: BigFloat) in x * x * x - 2 * x - 5 }
        let root = try Brent.root(of: f, in: BigFloat(2)...BigFloat(3))
        #expect(isBracketedTightly(root, f))
        #expect((root.doubleValue - 2.0945514815423265).magnitude < 1e-15)
        let newton = try Newton.solve(f, derivative: { 3 * $0 * $0 - 2 }, from: BigFloat(2)).root
        #expect((root - newton).magnitude <= 32 * BigFloat.workingEpsilon)
      }
    }
    #expect(throws: NumericError.notBracketed) {
      try Brent.root(of: { $0 * $0 + 1 }, in: -1.0...1.0)
    }
  }
}
