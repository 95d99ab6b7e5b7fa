import Numeric
import Testing

@testable import Symbolic

@Suite struct HessianTests {
  /// `f(x, y, z) = x²y + sin(yz) + eˣz`.
  func mixed<T: Scalar>(_ v: [T]) -> T {
    let (x, y, z) = (v[0], v[1], v[2])
    return x * x * y + T.sin(y * z) + T.exp(x) * z
  }

  /// The Hessian of `mixed`, by hand.
  func mixedHessian(_ v: [BigFloat]) -> Matrix<BigFloat> {
    let (x, y, z) = (v[0], v[1], v[2])
    let (s, c) = (BigFloat.sin(y * z), BigFloat.cos(y * z))
    let e = BigFloat.exp(x)
    return Matrix([
      [2 * y + e * z, 2 * x, e],
      [2 * x, -z * z * s, c - y * z * s],
      [e, c - y * z * s, -y * y * s],
    ])
  }

  @Test func closedFormOfAMixedFunctionAcrossPrecisions() {
    var previous: BigFloat?
    for bits in [64, 128, 256, 512] {
      withPrecision(bits) {
        let point = [Rational(3, 7), Rational(-5, 4), Rational(2, 3)].map { BigFloat($0) }
        let result = gradientAndHessian(of: { mixed($0) }, at: point)
        let error = (result.hessian - mixedHessian(point)).maximumMagnitude
        #expect(error <= BigFloat.pow(2, 8 - bits), "error \(error) at \(bits) bits")
        if let previous { #expect(error < previous || error.isZero) }
        previous = Swift.max(error, BigFloat.pow(2, -bits))
        #expect(result.value == mixed(point))
        // The forward-over-forward route agrees to rounding.
        let nested = hessian(of: { mixed($0) }, at: point)
        #expect((nested - result.hessian).maximumMagnitude <= BigFloat.pow(2, 8 - bits))
        let reverse = gradient(of: { mixed($0) }, at: point).gradient
        for (a, b) in zip(result.gradient, reverse) { #expect(agree(a, b, bits: bits - 4)) }
      }
    }
  }

  @Test func quadraticFormGivesTheSymmetricPartExactly() {
    // f = xᵀAx/2 + bᵀx with a non-symmetric A has Hessian (A + Aᵀ)/2, exact in dyadic arithmetic.
    withPrecision(128) {
      let a: [[BigFloat]] = [[2, 1, -3], [5, 4, 0], [1, -2, 6]]
      let f = { (x: [Reverse<Dual<BigFloat>>]) -> Reverse<Dual<BigFloat>> in
        var sum = Reverse<Dual<BigFloat>>(0)
        for i in 0..<3 {
          for j in 0..<3 { sum += Reverse(constant: Dual(constant: a[i][j])) * x[i] * x[j] / 2 }
          sum += Reverse(Double(i + 1)) * x[i]
        }
        return sum
      }
      let h = gradientAndHessian(of: f, at: [BigFloat(1), BigFloat(-2), BigFloat(Rational(1, 2))])
        .hessian
      for i in 0..<3 {
        for j in 0..<3 { #expect(h[i, j] == (a[i][j] + a[j][i]) / 2) }
      }
    }
  }

  func rosenbrock<T: Scalar>(_ v: [T]) -> T {
    let (x, y) = (v[0], v[1])
    return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
  }

  @Test func rosenbrockIsSymmetricByConstruction() {
    // f = (1 − x)² + 100(y − x²)²: ∇²f = [[2 − 400(y − x²) + 800x², −400x], [−400x, 200]].
    withPrecision(256) {
      let (x, y) = (BigFloat(Rational(-6, 5)), BigFloat(1))
      let result = gradientAndHessian(of: { rosenbrock($0) }, at: [x, y])
      let h = result.hessian
      #expect(h[0, 1] == h[1, 0])
      #expect(agree(h[0, 0], 2 - 400 * (y - x * x) + 800 * x * x, bits: 250))
      #expect(agree(h[0, 1], -400 * x, bits: 250))
      #expect(h[1, 1] == 200)
      #expect(result.gradient[1] == 200 * (y - x * x))
    }
  }

  @Test func nonDifferentiablePointsAreNotFinite() {
    // √(x² + y²) has no Hessian at the origin.
    let result = gradientAndHessian(of: { v in .sqrt(v[0] * v[0] + v[1] * v[1]) }, at: [0.0, 0.0])
    #expect(!result.hessian.isFinite)
  }
}
