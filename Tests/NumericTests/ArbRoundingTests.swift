import CArb
import CMPFR
import Testing
@testable import Numeric

/// The functions rounded from Arb's enclosures must return MPFR's correctly rounded result bit
/// for bit: random arguments (both signs, exponents from −60 to 12, outside the domains too) at
/// random precisions, as Arb's own tests draw them, and the special and boundary arguments
/// where the route hands over to MPFR.
@Suite struct ArbRoundingTests {
  static let functions: [(String, @Sendable (BigFloat) -> BigFloat, @Sendable (BigFloat) -> BigFloat)] = [
    ("exp", { .exp($0) }, { .apply(mpfr_exp, $0) }), ("expm1", { .expMinusOne($0) }, { .apply(mpfr_expm1, $0) }),
    ("cosh", { .cosh($0) }, { .apply(mpfr_cosh, $0) }), ("sinh", { .sinh($0) }, { .apply(mpfr_sinh, $0) }), ("tanh", { .tanh($0) }, { .apply(mpfr_tanh, $0) }),
    ("cos", { .cos($0) }, { .apply(mpfr_cos, $0) }), ("sin", { .sin($0) }, { .apply(mpfr_sin, $0) }), ("tan", { .tan($0) }, { .apply(mpfr_tan, $0) }),
    ("log", { .log($0) }, { .apply(mpfr_log, $0) }), ("log1p", { .log(onePlus: $0) }, { .apply(mpfr_log1p, $0) }),
    ("acosh", { .acosh($0) }, { .apply(mpfr_acosh, $0) }), ("asinh", { .asinh($0) }, { .apply(mpfr_asinh, $0) }), ("atanh", { .atanh($0) }, { .apply(mpfr_atanh, $0) }),
    ("acos", { .acos($0) }, { .apply(mpfr_acos, $0) }), ("asin", { .asin($0) }, { .apply(mpfr_asin, $0) }), ("atan", { .atan($0) }, { .apply(mpfr_atan, $0) }),
    ("erf", { .erf($0) }, { .apply(mpfr_erf, $0) }), ("erfc", { .erfc($0) }, { .apply(mpfr_erfc, $0) }),
  ]

  /// The same bits, sign (of zero too) and precision, or NaN on both routes.
  static func identical(_ a: BigFloat, _ b: BigFloat) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return a == b && a.isNegative == b.isNegative && a.precision == b.precision
  }

  func check(_ x: BigFloat) {
    for (name, f, mpfr) in Self.functions {
      let arb = f(x), reference = mpfr(x)
      #expect(Self.identical(arb, reference), "\(name)(\(x)) at \(x.precision) bits: \(arb) vs MPFR's \(reference)")
    }
  }

  @Test(arguments: 0..<8)
  func randomArgumentsAtRandomPrecisionsMatchMPFR(seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed) &+ 0xA4B)
    for _ in 0..<40 {
      let bits = 2 + Int(generator.next() % 1200)
      let exponent = Int(generator.next() % 73) - 60
      let magnitude = (generator.nextUniform() + Rational(1, 2)) * Rational.pow(2, exponent)
      check(BigFloat(generator.next() % 2 == 0 ? magnitude : -magnitude, precision: bits))
    }
  }

  /// Exact results, domain ends, overflow and underflow, and the special values.
  @Test(arguments: [24, 53, 256, 600])
  func specialAndBoundaryArgumentsMatchMPFR(bits: Int) {
    let tiny = Rational.pow(2, -bits - 3)
    let arguments: [Rational] = [
      1, -1, 1 + tiny, -1 - tiny, 1 - tiny, Rational.pow(2, 40), -Rational.pow(2, 40),
      Rational.pow(2, -1000), 30, -30, 100_000, Rational(355, 113),
    ]
    for x in arguments { check(BigFloat(x, precision: bits)) }
    let specials = [BigFloat(precision: bits), -BigFloat(precision: bits), .infinity(precision: bits),
                    -BigFloat.infinity(precision: bits), .nan(precision: bits)]
    for x in specials { check(x) }
  }

  /// The fast route must decide ordinary arguments, or it would only add Arb's cost to MPFR's.
  @Test func theEnclosureDecidesOrdinaryArguments() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<50 {
      let x = BigFloat(generator.nextUniform() * Rational(9, 10) + Rational(1, 20), precision: 256)
      for (name, arbOp) in [("exp", arb_exp), ("asin", arb_asin), ("erfc", arb_hypgeom_erfc)] as [(String, ArbUnary)] {
        #expect(BigFloat.roundedEnclosure(arbOp, x) != nil, "\(name)(\(x)) fell back to MPFR")
      }
    }
  }
}
