import Testing
@testable import Numeric

@Suite struct QuadratureTests {
  @Test(arguments: [1, 4, 9, 16])
  func legendreIsExactToDegree2nMinus1(points n: Int) throws {
    for bits in [53, 256] {
      try withPrecision(bits) {
        let rule = try GaussLegendre.rule(points: n, as: BigFloat.self)
        for k in 0...(2 * n) {
          // ∫₋₁¹ xᵏ dx = 2/(k+1) for even k, 0 for odd k.
          let exact = k % 2 == 0 ? BigFloat(Rational(2, k + 1)) : BigFloat.zero
          let error = (rule.apply { BigFloat.pow($0, k) } - exact).magnitude
          if k < 2 * n {
            #expect(error < fullPrecisionBound(bits), "n = \(n), degree \(k), \(bits) bits")
          } else {
            // Degree 2n is the first the rule misses; its error is 2^{2n+1}(n!)⁴/((2n+1)((2n)!)²).
            #expect(error > BigFloat(1e-3) * BigFloat.pow(BigFloat(2), -2 * n))
          }
        }
      }
    }
  }

  @Test func legendreOnAnIntervalAt256Bits() throws {
    try withPrecision(256) {
      // ∫₀¹ eˣ dx = e − 1; the 30-point error term is below 1e−117.
      let value = try GaussLegendre.integrate({ BigFloat.exp($0) }, from: BigFloat(0), to: 1, points: 30)
      #expect((value - (BigFloat.exp(1) - 1)).magnitude < fullPrecisionBound(256))
      // ∫₁³ x⁵ dx = (3⁶ − 1)/6 = 364/3, exact with three points.
      let quintic = try GaussLegendre.integrate({ BigFloat.pow($0, 5) }, from: BigFloat(1), to: 3, points: 3)
      #expect((quintic - BigFloat(Rational(364, 3))).magnitude < 364 * fullPrecisionBound(256))
    }
    let double = try GaussLegendre.integrate({ Double.sin($0) }, from: 0.0, to: .pi, points: 20)
    #expect(Swift.abs(double - 2) < 1e-14)
  }

  @Test(arguments: [1, 5, 12, 40])
  func hermiteIsExactToDegree2nMinus1(points n: Int) throws {
    try withPrecision(256) {
      let rule = try GaussHermite.rule(points: n, as: BigFloat.self)
      #expect(rule.nodes.count == n)
      var moment = BigFloat.sqrt(BigFloat.pi)  // ∫ x^{2j} e^{−x²} dx = (2j−1)!!/2ʲ · √π
      for k in 0...(2 * n - 1) {
        let exact = k % 2 == 0 ? moment : BigFloat.zero
        let error = (rule.apply { BigFloat.pow($0, k) } - exact).magnitude
        #expect(error < fullPrecisionBound(256) * Swift.max(moment, BigFloat(1)), "n = \(n), degree \(k)")
        if k % 2 == 0 { moment *= BigFloat(k + 1) / 2 }
      }
    }
  }

  @Test func normalMoments() throws {
    let fourth = try GaussHermite.normalExpectation(of: { (z: Double) in z * z * z * z }, points: 3)
    #expect(Swift.abs(fourth - 3) < 1e-14)
    try withPrecision(256) {
      // E[Z⁸] = 7!! = 105, E[Z⁴] = 3, E[1] = 1.
      for (power, exact) in [(0, 1), (4, 3), (8, 105)] {
        let value = try GaussHermite.normalExpectation(of: { BigFloat.pow($0, power) }, points: 5)
        #expect((value - BigFloat(exact)).magnitude < BigFloat(exact) * fullPrecisionBound(256))
      }
    }
  }

  @Test func erfSquaredExpectationToFiftyDigits() throws {
    // For Z standard normal, E[erf(aZ) erf(bZ)] = (2/π) arcsin(2ab/√((1+2a²)(1+2b²))).
    // The n-point error falls geometrically, more slowly as a grows (measured: about 10^{−n}
    // for a = 1/4, 10^{−n/2} for a = 1/2, only 10^{−n/5} for a = 1), hence the point counts.
    try withPrecision(256) {
      for (a, n) in [(BigFloat(Rational(1, 4)), 60), (BigFloat(Rational(1, 2)), 120)] {
        let exact = 2 / BigFloat.pi * BigFloat.asin(2 * a * a / (1 + 2 * a * a))
        let value = try GaussHermite.normalExpectation(of: { BigFloat.erf(a * $0) * BigFloat.erf(a * $0) }, points: n)
        #expect(((value - exact) / exact).magnitude < BigFloat(1e-50), "a = \(a)")
      }
    }
  }

  @Test func cacheKeysOnPrecision() async throws {
    // Concurrent tasks at different precisions must each get nodes at their own precision.
    try await withThrowingTaskGroup(of: Bool.self) { group in
      for bits in [64, 128, 256, 512, 64, 128, 256, 512] {
        group.addTask {
          try withPrecision(bits) {
            let rule = try GaussLegendre.rule(points: 7, as: BigFloat.self)
            let exact = BigFloat(Rational(2, 13))  // ∫₋₁¹ x¹² dx
            return rule.nodes.allSatisfy { $0.precision == bits }
              && (rule.apply { BigFloat.pow($0, 12) } - exact).magnitude < fullPrecisionBound(bits)
          }
        }
      }
      for try await ok in group { #expect(ok) }
    }
  }
}
