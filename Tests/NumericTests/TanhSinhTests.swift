import Testing
@testable import Numeric

/// Tanh–sinh on `[−1, 1]` and the `Quadrature` driver built on it and on Gauss–Legendre: each
/// integral against its closed form, at full working precision.
@Suite struct TanhSinhTests {
  /// `∫₋₁¹ dt/√(1 − t²) = π`: singular at both ends, integrated through `1 ± t` directly.
  @Test func arcsineDensityIsPi() throws {
    for bits in [64, 256] {
      try withPrecision(bits) {
        let estimate = try TanhSinh.integrate { (_: BigFloat, p, m) in 1 / BigFloat.sqrt(p * m) }
        #expect((estimate.value - BigFloat.pi).magnitude < fullPrecisionBound(bits), "\(bits) bits")
        // The estimate is the previous level's error, which the last level squared.
        #expect(estimate.error < BigFloat.pow(2, -bits / 2))
      }
    }
  }

  /// Endpoint singularities on `[0, 1]`: `∫ x^(−1/2) = 2` and `∫ log x = −1`, by tanh–sinh.
  @Test func singularEndpointsGoToTanhSinh() throws {
    for bits in [64, 256] {
      try withPrecision(bits) {
        let root = try Quadrature.integrate({ 1 / BigFloat.sqrt($0) }, from: BigFloat(0), to: 1)
        #expect(root.method == .tanhSinh)
        #expect((root.value - 2).magnitude < fullPrecisionBound(bits), "\(root.value) at \(bits) bits")
        let log = try Quadrature.integrate({ BigFloat.log($0) }, from: BigFloat(0), to: 1)
        #expect((log.value + 1).magnitude < fullPrecisionBound(bits), "\(log.value) at \(bits) bits")
      }
    }
  }

  /// `∫₀¹ √x = 2/3`: finite at the ends, so Gauss–Legendre is tried first; its doubling does
  /// not converge (the derivative is singular at 0) and tanh–sinh takes over.
  @Test func failedDoublingFallsBackToTanhSinh() throws {
    try withPrecision(64) {
      let estimate = try Quadrature.integrate({ BigFloat.sqrt($0) }, from: BigFloat(0), to: 1)
      #expect(estimate.method == .tanhSinh)
      #expect((estimate.value - BigFloat(Rational(2, 3))).magnitude < fullPrecisionBound(64))
    }
  }

  /// Smooth integrands on finite intervals stay with Gauss–Legendre: `∫₀¹ x⁷ = 1/8` and
  /// `∫₋₂³ eˣ = e³ − e⁻²`, also reversed.
  @Test func smoothIntegrandsUseGaussLegendre() throws {
    try withPrecision(256) {
      let power = try Quadrature.integrate({ BigFloat.pow($0, 7) }, from: BigFloat(0), to: 1)
      #expect(power.method == .gaussLegendre)
      #expect((power.value - BigFloat(Rational(1, 8))).magnitude < fullPrecisionBound(256))
      let exact = BigFloat.exp(3) - BigFloat.exp(-2)
      let forward = try Quadrature.integrate({ BigFloat.exp($0) }, from: BigFloat(-2), to: 3)
      let backward = try Quadrature.integrate({ BigFloat.exp($0) }, from: BigFloat(3), to: -2)
      #expect((forward.value - exact).magnitude < 20 * fullPrecisionBound(256))
      #expect((backward.value + exact).magnitude < 20 * fullPrecisionBound(256))
    }
  }

  /// Infinite intervals: `∫ e^(−x²) = √π`, `∫₀^∞ e^(−x) = 1`, `∫_{−∞}^0 dx/(1 + x²) = π/2`.
  @Test func infiniteIntervals() throws {
    for bits in [64, 256] {
      try withPrecision(bits) {
        let gaussian = try Quadrature.integrate({ BigFloat.exp(-$0 * $0) }, from: nil, to: nil)
        #expect((gaussian.value - BigFloat.sqrt(BigFloat.pi)).magnitude < fullPrecisionBound(bits))
        let exponential = try Quadrature.integrate({ BigFloat.exp(-$0) }, from: BigFloat(0), to: nil)
        #expect((exponential.value - 1).magnitude < fullPrecisionBound(bits))
        let cauchy = try Quadrature.integrate({ 1 / (1 + $0 * $0) }, from: nil, to: BigFloat(0))
        #expect((cauchy.value - BigFloat.pi / 2).magnitude < fullPrecisionBound(bits))
      }
    }
    let double = try Quadrature.integrate({ Double.exp(-$0 * $0) }, from: nil, to: nil)
    #expect(Swift.abs(double.value - Double.pi.squareRoot()) < 1e-14)
  }

  /// The error estimate falls with the precision, as the residual does.
  @Test func errorFallsWithPrecision() throws {
    let errors = try [64, 256].map { bits in
      try withPrecision(bits) {
        let estimate = try Quadrature.integrate({ BigFloat.exp(-$0 * $0) }, from: nil, to: nil)
        return ((estimate.value - BigFloat.sqrt(BigFloat.pi)).magnitude, estimate.error)
      }
    }
    #expect(errors[1].0 < errors[0].0 * BigFloat.pow(2, -150))
    // The estimate, the error of the level before the last, falls by at least half as much.
    #expect(errors[1].1 < errors[0].1 * BigFloat.pow(2, -80))
  }

  /// Negative controls: a divergent integral and an integrand undefined inside the interval
  /// are errors, not values.
  @Test func divergentAndUndefinedIntegralsThrow() {
    withPrecision(64) {
      #expect(throws: NumericError.self) {
        try Quadrature.integrate({ 1 / $0 }, from: BigFloat(0), to: 1)
      }
      #expect(throws: NumericError.self) {
        try Quadrature.integrate({ BigFloat.sqrt($0) }, from: BigFloat(-1), to: 1)
      }
      #expect(throws: NumericError.self) {
        try Quadrature.integrate({ _ in BigFloat(1) }, from: nil, to: nil)
      }
    }
  }
}
