import Numeric
import Testing

@testable import Symbolic

/// Each function's jet (its Taylor recurrence) against the reference series: at 256 bits
/// every coefficient agrees with mpmath's to 2^−200 relative to max(1, |cₖ|) (the references
/// carry 70 digits, ≈ 2^−232; the recurrences lose a few bits per order).
@Test(arguments: functionSeriesReference.indices)
func jetMatchesReferenceSeries(_ index: Int) throws {
  let (name, at, reference) = functionSeriesReference[index]
  let f = try #require(Expr.Function(name: name), "no function \(name)")
  try withPrecision(256) {
    let x0 = BigFloat(try Rational(parsing: at))
    let c = taylorCoefficients(of: { f($0) }, at: x0, order: reference.count - 1)
    for (k, text) in reference.enumerated() {
      let want = try BigFloat(parsing: text)
      let scale = max(want.magnitude, 1)
      #expect(
        (c[k] - want).magnitude <= scale * BigFloat.pow(2, -200),
        "\(name) at \(at), coefficient \(k): \(c[k]) vs \(want)")
    }
  }
}

/// relu is linear on each side of its kink, so its jets are exact there.
@Test func reluSeriesOnEachSide() {
  withPrecision(128) {
    let right = taylorCoefficients(of: { Expr.Function.relu($0) }, at: BigFloat(Rational(3, 2)), order: 4)
    let left = taylorCoefficients(of: { Expr.Function.relu($0) }, at: BigFloat(-1), order: 4)
    #expect(right == [BigFloat(Rational(3, 2)), 1, 0, 0, 0])
    #expect(left.allSatisfy { $0 == 0 })
  }
}

/// The exact rational series at 0 (sympy): asinh, atanh, sinh and swish = x σ(x), against
/// closed forms, to 2^−220 at 256 bits.
@Test func rationalSeriesAtZero() {
  func factorial(_ n: Int) -> Rational { (1...max(n, 1)).reduce(Rational(1)) { $0 * Rational($1) } }
  let order = 24
  // asinh: Σ (−1)ⁿ (2n)! / (4ⁿ (n!)² (2n+1)) x^{2n+1}; atanh: Σ x^{2n+1}/(2n+1).
  let asinh: (Int) -> Rational = { k in
    guard k % 2 == 1 else { return 0 }
    let n = k / 2
    return Rational(n % 2 == 0 ? 1 : -1) * factorial(2 * n)
      / (Rational.pow(4, n) * factorial(n) * factorial(n) * Rational(k))
  }
  let atanh: (Int) -> Rational = { k in k % 2 == 1 ? Rational(1, k) : 0 }
  let sinh: (Int) -> Rational = { k in k % 2 == 1 ? 1 / factorial(k) : 0 }
  let cases: [(Expr.Function, (Int) -> Rational)] = [(.asinh, asinh), (.atanh, atanh), (.sinh, sinh)]
  withPrecision(256) {
    for (f, exact) in cases {
      let c = taylorCoefficients(of: { f($0) }, at: BigFloat(0), order: order)
      for k in 0...order {
        let want = BigFloat(exact(k))
        #expect(c[k] == want || agree(c[k], want, bits: 220), "\(f.name) coefficient \(k)")
      }
    }
  }
}
