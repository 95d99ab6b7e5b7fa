import Testing
@testable import Numeric

/// MPFR's own testing habit: a result at p bits must equal the same computation at p + 64 bits
/// rounded to p. This exercises the wrapper's plumbing (precision of results, operand order,
/// rounding) for inline (≤ 512 bits) and heap (> 512 bits) values alike.
@Suite struct BigFloatRoundingTests {
  static let precisions = [24, 53, 256, 512, 513, 1000]

  /// Arguments in (0.1, 3) from SplitMix64; each test rounds them to its precision once and
  /// widens that value exactly, so both routes see the same input.
  static func arguments(_ count: Int, seed: UInt64) -> [Rational] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in generator.nextUniform() * Rational(29, 10) + Rational(1, 10) }
  }

  static let unary: [(String, @Sendable (BigFloat) -> BigFloat)] = [
    ("sqrt", { BigFloat.sqrt($0) }), ("cbrt", { BigFloat.cbrt($0) }), ("exp", { BigFloat.exp($0) }),
    ("expm1", { BigFloat.expMinusOne($0) }), ("log", { BigFloat.log($0) }), ("log1p", { BigFloat.log(onePlus: $0) }),
    ("log2", { BigFloat.log2($0) }), ("sin", { BigFloat.sin($0) }), ("cos", { BigFloat.cos($0) }), ("tan", { BigFloat.tan($0) }),
    ("asin", { BigFloat.asin($0 / 4) }), ("acos", { BigFloat.acos($0 / 4) }), ("atan", { BigFloat.atan($0) }),
    ("sinh", { BigFloat.sinh($0) }), ("cosh", { BigFloat.cosh($0) }), ("tanh", { BigFloat.tanh($0) }),
    ("asinh", { BigFloat.asinh($0) }), ("acosh", { BigFloat.acosh($0 * 64) }), ("atanh", { BigFloat.atanh($0 / 4) }),
    ("erf", { BigFloat.erf($0) }), ("erfc", { BigFloat.erfc($0) }), ("gamma", { BigFloat.gamma($0) }),
    ("logGamma", { BigFloat.logGamma($0) }), ("pow(x, 7)", { BigFloat.pow($0, 7) }),
    ("pow(x, -3)", { BigFloat.pow($0, -3) }), ("root(x, 5)", { BigFloat.root($0, 5) }),
    ("root(x, -2)", { BigFloat.root($0, -2) }), ("root(x, -3)", { BigFloat.root($0, -3) }), ("reciprocal", { $0.reciprocal! }),
  ]

  static let binary: [(String, @Sendable (BigFloat, BigFloat) -> BigFloat)] = [
    ("+", { $0 + $1 }), ("-", { $0 - $1 }), ("*", { $0 * $1 }), ("/", { $0 / $1 }),
    ("pow", { BigFloat.pow($0, $1) }), ("atan2", { BigFloat.atan2(y: $0, x: -$1) }), ("hypot", { BigFloat.hypot($0, $1) }),
  ]

  @Test(arguments: precisions)
  func unaryFunctionsAreCorrectlyRounded(bits: Int) {
    // Literals inside the closures (`$0 / 4`) take the working precision: keep it at `bits`.
    withPrecision(bits) { checkUnary(bits: bits) }
  }

  func checkUnary(bits: Int) {
    for x in Self.arguments(8, seed: UInt64(bits)) {
      for (name, f) in Self.unary {
        let input = BigFloat(x, precision: bits)
        let narrow = f(input)
        let wide = f(input.rounded(toPrecision: bits + 64)).rounded(toPrecision: bits)
        #expect(narrow.precision == bits, "\(name) result precision")
        #expect(narrow == wide, "\(name)(\(x)) at \(bits) bits: \(narrow) vs \(wide)")
      }
    }
  }

  @Test(arguments: precisions)
  func binaryOperationsAreCorrectlyRounded(bits: Int) {
    let xs = Self.arguments(6, seed: UInt64(bits) &+ 1)
    let ys = Self.arguments(6, seed: UInt64(bits) &+ 2)
    for (x, y) in zip(xs, ys) {
      for (name, f) in Self.binary {
        let (a, b) = (BigFloat(x, precision: bits), BigFloat(y, precision: bits))
        let narrow = f(a, b)
        let wide = f(a.rounded(toPrecision: bits + 64), b.rounded(toPrecision: bits + 64))
        #expect(narrow == wide.rounded(toPrecision: bits), "\(x) \(name) \(y) at \(bits) bits")
      }
    }
  }

  @Test(arguments: precisions)
  func inPlaceFormsMatchOperators(bits: Int) {
    withPrecision(bits) {
      let (a, b, c) = (BigFloat(Rational(1, 3)), BigFloat(Rational(-5, 7)), BigFloat(Rational(11, 13)))
      var x = a
      x += b
      #expect(x == a + b)
      x -= c
      #expect(x == a + b - c)
      x *= b
      #expect(x == (a + b - c) * b)
      x /= c
      #expect(x == (a + b - c) * b / c)
      var product = BigFloat.zero
      product.setProduct(a, b)
      #expect(product == a * b)
      // Fused: one rounding of the exact a·b + c, which the (p + 64)-bit route reproduces.
      var fused = c
      fused.addProduct(a, b)
      let exact = (BigFloat(a, precision: 3 * bits) * b + c).rounded(toPrecision: bits)
      #expect(fused == exact)
      var fusedDifference = c
      fusedDifference.subtractProduct(a, b)
      #expect(fusedDifference == (c - BigFloat(a, precision: 3 * bits) * b).rounded(toPrecision: bits))
      // Rounded twice: the same bits and precision as the operators, also when an operand
      // is wider than the accumulator.
      for (u, v) in [(a, b), (BigFloat(a, precision: 2 * bits), b), (a, BigFloat(b, precision: bits + 1))] {
        var twice = c
        twice.addRoundedProduct(u, v)
        let operators = c + u * v
        #expect(twice == operators && twice.precision == operators.precision)
      }
    }
  }

  /// (1 + 2^(1−p))² − 1 is 2^(2−p) + 2^(2−2p): exact once, but the product alone rounds
  /// to 1 + 2^(2−p), so two roundings lose the last term. The two forms must differ here.
  @Test(arguments: precisions)
  func roundingTwiceDiffersFromFusedWhereTheProductIsInexact(bits: Int) {
    withPrecision(bits) {
      let a = 1 + BigFloat.pow(2, 1 - bits)
      var twice = BigFloat(-1)
      twice.addRoundedProduct(a, a)
      var fused = BigFloat(-1)
      fused.addProduct(a, a)
      #expect(twice == BigFloat.pow(2, 2 - bits))
      #expect(fused == BigFloat.pow(2, 2 - bits) + BigFloat.pow(2, 2 - 2 * bits))
    }
  }

  @Test func directedRoundingBracketsTheQuotient() {
    let one = BigFloat(1, precision: 100)
    let three = BigFloat(3, precision: 100)
    let down = BigFloat.quotient(one, three, precision: 60, rounding: .down)
    let up = BigFloat.quotient(one, three, precision: 60, rounding: .up)
    let nearest = BigFloat.quotient(one, three, precision: 60, rounding: .toNearestOrEven)
    #expect(down < up)
    #expect(down <= nearest && nearest <= up)
    let third = BigFloat(Rational(1, 3), precision: 200)
    #expect(down < third && third < up)
    #expect(BigFloat.sum(one, three, precision: 2, rounding: .towardZero) == BigFloat(4))
  }
}
