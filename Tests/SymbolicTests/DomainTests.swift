import Numeric
import Testing

@testable import Symbolic

private let x = Expr.variable("x")

/// Equal to 2^−200 (relative above 1, absolute below).
private func close(_ a: BigFloat, _ b: BigFloat) -> Bool {
  let scale = BigFloat.maximum(1, BigFloat.maximum(a.magnitude, b.magnitude))
  return (a - b).magnitude <= scale * BigFloat.pow(2, -200)
}

/// Close, or both NaN, or the same infinity.
private func same(_ a: BigFloat, _ b: BigFloat) -> Bool {
  if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
  if !a.isFinite || !b.isFinite { return a == b }
  return close(a, b)
}

/// Close, or both undefined (NaN or ±∞, which `verify` treats alike): at a pole, `2/x − 1/x`
/// is ∞ − ∞ = NaN as written and `1/x` = ∞ in canonical form.
private func sameOrBothUndefined(_ a: BigFloat, _ b: BigFloat) -> Bool {
  a.isFinite && b.isFinite ? close(a, b) : !a.isFinite && !b.isFinite
}

/// Evaluates 500 random expressions with cancellations (`a/a`, `a − a`, `0·a`, `aᵖ·a^q`) as
/// written, node by node (`Tree.value`), and in canonical form, at 3 points each with
/// coordinates from `draw`, expecting `agree`; returns how many written values were finite.
private func compareWithWritten(
  seed: UInt64, draw: (inout SeededGenerator) -> Rational, agree: (BigFloat, BigFloat) -> Bool
) throws -> (defined: Int, undefined: Int) {
  try withPrecision(256) {
    var rng = SeededGenerator(state: seed)
    var (defined, undefined) = (0, 0)
    for _ in 0..<500 {
      let tree = randomTree(depth: 4, &rng, partial: true)
      let f = tree.canonical
      for _ in 0..<3 {
        let (x0, y0) = (draw(&rng), draw(&rng))
        let written = try tree.value(x: BigFloat(x0), y: BigFloat(y0))
        let canonical = try f.evaluate(at: ["x": BigFloat(x0), "y": BigFloat(y0)])
        #expect(agree(written, canonical), "\(f) at x = \(x0), y = \(y0): \(written) as written")
        if written.isFinite { defined += 1 } else { undefined += 1 }
      }
    }
    return (defined, undefined)
  }
}

/// Canonicalisation changes no value: the canonical form of a random expression evaluates as
/// the expression written does, NaN exactly where that is NaN, at random 52-bit fractions in
/// [−2, 2].
@Test func canonicalFormKeepsEveryValueAndWhereItIsUndefined() throws {
  let (defined, undefined) = try compareWithWritten(
    seed: 20_250_301, draw: { $0.fraction() }, agree: same)
  #expect(defined >= 1000 && undefined >= 200, "\(defined) defined, \(undefined) NaN")
}

/// Nor any singularity: on a grid with 0, ±1/2, ±1, ±2, where `x/x`, `x − y`, `log x` and
/// `1/x` meet their singular points, the canonical form is undefined exactly where the
/// expression as written is.
@Test func canonicalFormKeepsEverySingularity() throws {
  let grid: [Rational] = [-2, -1, Rational(-1, 2), 0, Rational(1, 2), 1, 2]
  let (defined, undefined) = try compareWithWritten(
    seed: 20_261_201, draw: { grid[$0.int(0...6)] }, agree: sameOrBothUndefined)
  #expect(defined >= 800 && undefined >= 200, "\(defined) defined, \(undefined) undefined")
}

@Test func squareOfSquareRootIsUndefinedForNegatives() throws {
  let f = try Expr.parse("sqrt(x)^2")
  #expect(f != x)
  try withPrecision(256) {
    let negative = try f.evaluate(at: ["x": BigFloat(-1)])
    let two = try f.evaluate(at: ["x": BigFloat(2)])
    #expect(negative.isNaN)
    #expect((two - 2).magnitude <= BigFloat.pow(2, -240))
  }
}

/// Each of these would define the left side where it is NaN (x < 0) if rewritten.
@Test(arguments: [
  "sqrt(x)*sqrt(x)", "x^(1/2)*x^(-1/2)", "(x^(3/2))^2", "x^(1/2)*x^(1/6)", "sqrt(x) - sqrt(x)",
  "0*sqrt(x)", "log(x)/log(x)", "(x^y)^2*x^(-2*y)",
])
func rewritesThatWouldEnlargeTheDomainAreNotApplied(text: String) throws {
  let f = try Expr.parse(text)
  let value = try f.evaluate(at: ["x": BigFloat(-1), "y": BigFloat(Rational(1, 2))])
  #expect(value.isNaN, "\(f)")
}

/// The evaluator takes x^(p/q), q odd, as the real root raised to p, so odd roots of negative
/// numbers are real and combine; (x^(2/3))^(3/2) = |x| does not.
@Test func oddRootsFollowTheRealRootConvention() throws {
  let cube = Expr.pow(Expr.pow(x, Expr(Rational(1, 3))), 3)
  #expect(cube == x)
  #expect(Expr.pow(x, Expr(Rational(1, 3))) * Expr.pow(x, Expr(Rational(2, 3))) == x)
  let back = Expr.pow(Expr.pow(x, Expr(Rational(2, 3))), Expr(Rational(3, 2)))
  #expect(back != x)
  try withPrecision(256) {
    let at = ["x": BigFloat(-8)]
    let root = try Expr.pow(x, Expr(Rational(1, 3))).evaluate(at: at)
    let (identity, magnitude) = (try cube.evaluate(at: at), try back.evaluate(at: at))
    #expect((root + 2).magnitude <= BigFloat.pow(2, -240))
    #expect(identity == -8)
    #expect((magnitude - 8).magnitude <= BigFloat.pow(2, -240))
  }
}

/// Where the base is known to be ≥ 0, or the domain cannot grow, powers still combine.
@Test func soundPowerRulesStillApply() {
  let y = Expr.variable("y")
  let positive = 1 + Expr.pow(x, 2)
  #expect(Expr.pow(Expr.sqrt(positive), 2) == positive)
  #expect(Expr.pow(Expr.sqrt(Expr.exp(x)), 2) == Expr.exp(x))
  #expect(Expr.sqrt(Expr.abs(x)) * Expr.sqrt(Expr.abs(x)) == Expr.abs(x))
  #expect(Expr.pow(Expr.pow(x, Expr(Rational(1, 4))), 2) == Expr.sqrt(x))
  #expect(Expr.sqrt(x) * x == Expr.pow(x, Expr(Rational(3, 2))))
  #expect(1 / Expr.pow(x, y) == Expr.pow(x, -y))
  #expect(Expr.pow(positive, y) * positive == Expr.pow(positive, y + 1))
  #expect(Expr.pow(x, y) * x != Expr.pow(x, y + 1))  // 0^(-1)·0 is undefined, 0^0 = 1
  #expect(Expr.sqrt(x) - Expr.sqrt(x) != 0 && Expr.exp(y + x) / Expr.exp(x + y) == 1)
}
