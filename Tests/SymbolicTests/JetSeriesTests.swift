import Numeric
import Testing

@testable import Symbolic

/// Known Taylor coefficients at 0, computed exactly with `Rational` by formulas independent of
/// the jet recurrences, and compared at 256 bits to 2^−220 (≈ 10^−66) relative.
private let order = 40

private func expectSeries(
  _ f: (Jet<BigFloat>) -> Jet<BigFloat>, _ expected: (Int) -> Rational,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  withPrecision(256) {
    let c = taylorCoefficients(of: f, at: BigFloat(0), order: order)
    for k in 0...order {
      let want = BigFloat(expected(k))
      #expect(
        c[k] == want || agree(c[k], want, bits: 220), "coefficient \(k): \(c[k]) vs \(want)",
        sourceLocation: sourceLocation)
    }
  }
}

private func factorial(_ n: Int) -> Rational { (1...max(n, 1)).reduce(Rational(1)) { $0 * Rational($1) } }

private func binomial(_ n: Int, _ k: Int) -> Rational { factorial(n) / (factorial(k) * factorial(n - k)) }

/// Bernoulli numbers B₀…B_n from Σ_{j≤m} C(m+1, j) Bⱼ = 0.
private func bernoulli(upTo n: Int) -> [Rational] {
  var b: [Rational] = [1]
  for m in 1...n {
    var s = Rational(0)
    for j in 0..<m { s += binomial(m + 1, j) * b[j] }
    b.append(-s / Rational(m + 1))
  }
  return b
}

private let bernoulliNumbers = bernoulli(upTo: order + 2)

/// The coefficient of x^(2n−1) in tanh is 2^{2n}(2^{2n}−1)B_{2n}/(2n)!; tan has its absolute value.
private func tanhCoefficient(_ k: Int) -> Rational {
  guard k % 2 == 1 else { return 0 }
  let n2 = k + 1
  let p = Rational.pow(2, n2)
  return p * (p - 1) * bernoulliNumbers[n2] / factorial(n2)
}

@Test func expSeries() { expectSeries({ .exp($0) }, { 1 / factorial($0) }) }

@Test func geometricSeries() { expectSeries({ 1 / (1 - $0) }, { _ in 1 }) }

@Test func logSeries() {
  let expected: (Int) -> Rational = { k in k == 0 ? 0 : Rational(k % 2 == 1 ? 1 : -1, k) }
  expectSeries({ .log(1 + $0) }, expected)
  expectSeries({ .log(onePlus: $0) }, expected)
}

@Test func tanAndTanhSeries() {
  expectSeries({ .tanh($0) }, tanhCoefficient)
  expectSeries({ .tan($0) }, { tanhCoefficient($0).magnitude })
}

@Test func sinCosAtanSeries() {
  expectSeries({ .sin($0) }, { k in k % 2 == 0 ? 0 : Rational((k / 2) % 2 == 0 ? 1 : -1) / factorial(k) })
  expectSeries({ .cos($0) }, { k in k % 2 == 1 ? 0 : Rational((k / 2) % 2 == 0 ? 1 : -1) / factorial(k) })
  expectSeries({ .atan($0) }, { k in k % 2 == 0 ? 0 : Rational((k / 2) % 2 == 0 ? 1 : -1, k) })
}

@Test func binomialSeries() {
  // (1+x)^(1/2) and (1+x)^(−3): c_k = c_{k−1}·(r − k + 1)/k.
  for (r, f) in [(Rational(1, 2), { (u: Jet<BigFloat>) in Jet.sqrt(1 + u) }), (Rational(-3), { Jet.pow(1 + $0, -3) })] {
    var c: [Rational] = [1]
    for k in 1...order { c.append(c[k - 1] * (r - Rational(k - 1)) / Rational(k)) }
    expectSeries(f, { c[$0] })
  }
}

@Test func erfSeries() {
  withPrecision(256) {
    // erf x = (2/√π) Σ (−1)ⁿ x^{2n+1} / (n! (2n+1)).
    let c = taylorCoefficients(of: { Jet.erf($0) }, at: BigFloat(0), order: order)
    let scale = 2 / BigFloat.sqrt(.pi)
    for k in 0...order {
      let n = k / 2
      let exact = k % 2 == 0 ? 0 : Rational(n % 2 == 0 ? 1 : -1) / (factorial(n) * Rational(k))
      let want = scale * BigFloat(exact)
      #expect(c[k] == want || agree(c[k], want, bits: 220), "erf coefficient \(k)")
    }
  }
}

@Test func highOrderInDoubleDoesNotOverflow() {
  let c = taylorCoefficients(of: { .tanh(.sin($0) * .exp($0 / 3)) }, at: 0.5, order: 60)
  #expect(c.allSatisfy { $0.isFinite })
  #expect(c[60].magnitude < 1)
}

/// φ(z) = z σ′(z) − σ(z) at 0: the Taylor coefficients of σ are known exactly (σ(z) = ½ + ½ tanh(z/2)),
/// and φ_k = (k − 1) σ_k.
@Test func sigmoidIdentityCoefficients() {
  withPrecision(256) {
    let phi = taylorCoefficients(
      of: { z in
        let s = Jet.sigmoid(z)
        return z * s * (1 - s) - s
      }, at: BigFloat(0), order: 7)
    for k in 0...7 {
      let sigmaK = (k == 0 ? Rational(1, 2) : 0) + tanhCoefficient(k) * Rational.pow(Rational(1, 2), k + 1)
      let want = BigFloat(Rational(k - 1) * sigmaK)
      // The even coefficients vanish only after cancellation, so zero is met to 2^−220 absolute
      // (the claims need 10^−60).
      #expect((phi[k] - want).magnitude <= BigFloat.pow(2, -220), "phi coefficient \(k)")
    }
  }
}

/// Every function of a constant jet is the constant of the function's value (issue 12: atan2 and
/// the quotient-based functions used to differentiate a one-coefficient jet into an empty one).
@Test func everyFunctionOfAConstantIsAConstant() {
  typealias J = Jet<BigFloat>
  func expectConstant(
    _ name: String, _ f: (J) -> J, _ g: (BigFloat) -> BigFloat, at x: Rational = Rational(1, 3)
  ) {
    withPrecision(256) {
      let y = f(.constant(BigFloat(x)))
      #expect(y.coefficients.count == 1, "\(name) of a constant has \(y.coefficients.count) coefficients")
      #expect(agree(y.value, g(BigFloat(x)), bits: 250), "\(name): \(y.value) vs \(g(BigFloat(x)))")
    }
  }
  expectConstant("exp", { J.exp($0) }, { BigFloat.exp($0) })
  expectConstant("expMinusOne", { J.expMinusOne($0) }, { BigFloat.expMinusOne($0) })
  expectConstant("log", { J.log($0) }, { BigFloat.log($0) })
  expectConstant("log(onePlus:)", { J.log(onePlus: $0) }, { BigFloat.log(onePlus: $0) })
  expectConstant("sin", { J.sin($0) }, { BigFloat.sin($0) })
  expectConstant("cos", { J.cos($0) }, { BigFloat.cos($0) })
  expectConstant("tan", { J.tan($0) }, { BigFloat.tan($0) })
  expectConstant("sinh", { J.sinh($0) }, { BigFloat.sinh($0) })
  expectConstant("cosh", { J.cosh($0) }, { BigFloat.cosh($0) })
  expectConstant("tanh", { J.tanh($0) }, { BigFloat.tanh($0) })
  expectConstant("asin", { J.asin($0) }, { BigFloat.asin($0) })
  expectConstant("acos", { J.acos($0) }, { BigFloat.acos($0) })
  expectConstant("atan", { J.atan($0) }, { BigFloat.atan($0) })
  expectConstant("asinh", { J.asinh($0) }, { BigFloat.asinh($0) })
  expectConstant("acosh", { J.acosh($0) }, { BigFloat.acosh($0) }, at: Rational(4, 3))
  expectConstant("atanh", { J.atanh($0) }, { BigFloat.atanh($0) })
  expectConstant("erf", { J.erf($0) }, { BigFloat.erf($0) })
  expectConstant("erfc", { J.erfc($0) }, { BigFloat.erfc($0) })
  expectConstant("sqrt", { J.sqrt($0) }, { BigFloat.sqrt($0) })
  expectConstant("root 3", { J.root($0, 3) }, { BigFloat.root($0, 3) }, at: Rational(-1, 3))
  expectConstant("pow 5", { J.pow($0, 5) }, { BigFloat.pow($0, 5) })
  expectConstant("pow −2", { J.pow($0, -2) }, { BigFloat.pow($0, -2) })
  let c = Rational(2, 5)
  expectConstant("pow c", { J.pow($0, J(c)) }, { BigFloat.pow($0, BigFloat(c)) })
  expectConstant("pow by c", { J.pow(J(c), $0) }, { BigFloat.pow(BigFloat(c), $0) })
  expectConstant("atan2 y", { J.atan2(y: $0, x: J(-c)) }, { BigFloat.atan2(y: $0, x: BigFloat(-c)) })
  expectConstant("atan2 x", { J.atan2(y: J(-c), x: $0) }, { BigFloat.atan2(y: BigFloat(-c), x: $0) })
  expectConstant("magnitude", { $0.magnitude }, { $0.magnitude }, at: Rational(-1, 3))
  expectConstant("sigmoid", { J.sigmoid($0) }, { BigFloat.sigmoid($0) })
  expectConstant("softplus", { J.softplus($0) }, { BigFloat.softplus($0) })
}

/// atan2 with one constant argument against closed forms, on both sides of the branch cut's axis:
/// `atan2(u, c) = atan(u/c)`, `atan2(u, −c) = π − atan(u/c)`, `atan2(c, u) = π/2 − atan(u/c)`.
@Test func atan2WithAConstantArgument() {
  withPrecision(256) {
    let c = Jet<BigFloat>.constant(BigFloat(Rational(2, 3)))
    let u = Jet.variable(at: BigFloat(Rational(1, 2)), order: 12)
    let halfPi = Jet<BigFloat>.constant(BigFloat.pi / 2)
    let cases: [(Jet<BigFloat>, Jet<BigFloat>)] = [
      (Jet.atan2(y: u, x: c), Jet.atan(u / c)),
      (Jet.atan2(y: u, x: -c), .pi - Jet.atan(u / c)),
      (Jet.atan2(y: c, x: u), halfPi - Jet.atan(u / c)),
      (Jet.atan2(y: -u, x: -c), Jet.atan(u / c) - .pi),
    ]
    for (i, (a, b)) in cases.enumerated() {
      for k in 0...12 {
        #expect((a[k] - b[k]).magnitude <= BigFloat.pow(2, -245), "case \(i), coefficient \(k)")
      }
    }
  }
}
