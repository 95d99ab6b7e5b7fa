import Numeric
import Testing

@testable import Verify

/// The pieces of the claim on their own: exact conditioning algebra, the erfc route to L1
/// norms against quadrature of |f|, and the ball enclosures with and without a certificate.
@Suite struct MixtureModelTests {
  static let p1 = try! MixtureConditioning.mixture(
    Arguments(defaultsOf: MixtureConditioning())[MixtureConditioning.mixture], dimension: 2,
    name: "mix")

  @Test func exactSymmetricAlgebra() {
    let s = ExactSymmetric(rows: [[1, Rational(3, 10), Rational(-1, 5)], [Rational(3, 10), 1, Rational(1, 10)], [Rational(-1, 5), Rational(1, 10), Rational(1, 2)]])
    #expect(s.isPositiveDefinite)
    let identity = s.rows.map { row in s.inverse.times(row) }
    #expect(identity == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    // 1(1/2 − 1/100) − (3/10)(3/20 + 1/50) − (1/5)(3/100 + 1/5) = 393/1000.
    #expect(s.determinant == Rational(393, 1000))
    #expect(!ExactSymmetric(rows: [[1, 1], [1, 1]]).isPositiveDefinite)
  }

  /// The C2 difference at δ = 1e-2: ‖f‖₁ by erfc pieces equals composite Gauss–Legendre of
  /// |f| on each piece between sign changes (the spec's optional independent path, 1e-35).
  @Test func l1NormMatchesQuadratureOfAbsoluteValue() throws {
    try withPrecision(256) {
      let q = Self.p1.movingMean(of: 0, by: [Rational(1, 100), Rational(1, 100)])
      let y = [Rational(3, 10)]
      let f = (Self.p1.conditional(at: y) as Conditional<BigFloat>).density()
        - (q.conditional(at: y) as Conditional<BigFloat>).density()
      let norm = try L1Norm(f)
      #expect(norm.signChanges.count == 3)
      // Pieces of [−16, 16] split at the sign changes, each in panels of width ≤ 1/2.
      let ends = [BigFloat(-16)] + norm.signChanges + [BigFloat(16)]
      var quadrature = BigFloat.zero
      for i in 0..<(ends.count - 1) {
        let panels = Int(((ends[i + 1] - ends[i]) * 2).doubleValue.rounded(.up))
        let width = (ends[i + 1] - ends[i]) / BigFloat(panels)
        for k in 0..<panels {
          let a = ends[i] + BigFloat(k) * width
          quadrature += try GaussLegendre.integrate({ f.value($0).magnitude }, from: a, to: a + width, points: 40)
        }
      }
      #expect((quadrature - norm.value).magnitude <= BigFloat(Rational(1) / Rational.pow(10, 35)) * norm.value)
    }
  }

  /// A certified enclosure contains the value and is tight; with another function's sign
  /// changes the certificate fails and the ball widens to [S, Σ|c_j|], still an enclosure.
  @Test func enclosuresContainTheNorm() throws {
    try withPrecision(256) {
      let y = [Rational(3, 10)]
      let q = Self.p1.movingMean(of: 0, by: [Rational(1, 10), Rational(1, 10)])
      let value = (Self.p1.conditional(at: y) as Conditional<BigFloat>).density()
        - (q.conditional(at: y) as Conditional<BigFloat>).density()
      let ball = (Self.p1.conditional(at: y) as Conditional<Ball>).density()
        - (q.conditional(at: y) as Conditional<Ball>).density()
      let pair = try NormPair(value: value, ball: ball)
      #expect(pair.enclosure.certified)
      #expect(pair.ball.contains(pair.value))
      // Tight up to the root balls: radius 2^-128 at 256 bits, widened by the terms' slopes
      // there (their widths add in ball arithmetic though f itself vanishes), about 4.5e-39.
      #expect(pair.ball.radius <= BigFloat(Rational.pow(2, -120)))
      // The sign changes of the conditional density itself (none) do not fit the difference.
      let density: Conditional<BigFloat> = Self.p1.conditional(at: y)
      let wrong = L1Enclosure(ball, try L1Norm(density.density()))
      #expect(!wrong.certified)
      #expect(wrong.ball.contains(pair.value))
      #expect(wrong.ball.radius > BigFloat(Rational(1, 1000)))
    }
  }

  /// The erfc pieces keep their digits in the far tail: the mass of N(0, 1) beyond 30.
  @Test func tailIntegralsDoNotCancel() {
    withPrecision(256) {
      let f = GaussianSum<BigFloat>([.init(1, 0, 1)])
      let tail = f.integral(from: 30, to: nil)
      let exact = BigFloat.erfc(30 / BigFloat.sqrt(2)) / 2
      #expect((tail - exact).magnitude <= exact * BigFloat(Rational.pow(2, -250)))
      #expect((f.integral(from: nil, to: nil) - 1).magnitude <= BigFloat(Rational.pow(2, -250)))
    }
  }
}
