import Numeric
import Testing

@testable import Symbolic

private let x = Expr.variable("x")
private let y = Expr.variable("y")

@Test func likeTermsCancel() {
  #expect(x - x == 0)
  #expect(x + x == 2 * x)
  #expect(3 * x - 2 * x - x == 0)
  #expect(2 * (x + 1) - 2 * x == 2)
}

@Test func powersOfACommonBaseCollect() {
  #expect(x / x == .nonzero(x))  // 1 where x ≠ 0, undefined at 0 as written
  #expect(x * x * x == Expr.pow(x, 3))
  #expect(Expr.sqrt(x) * Expr.sqrt(x) == Expr.pow(Expr.sqrt(x), 2))
  #expect(Expr.sqrt(x) * x == Expr.pow(x, Expr(Rational(3, 2))))
  #expect(Expr.pow(Expr.pow(x, 2), 3) == Expr.pow(x, 6))
  #expect(Expr.pow(x * y, 2) == Expr.pow(x, 2) * Expr.pow(y, 2))
}

@Test func unsoundRewritesAreNotApplied() {
  // (x²)^(1/2) = |x|, not x.
  #expect(Expr.sqrt(Expr.pow(x, 2)) != x)
  #expect(Expr.sqrt(x * y) != Expr.sqrt(x) * Expr.sqrt(y))
  // exp(log x) = x only for x > 0; log(exp x) = x for every real x.
  #expect(Expr.exp(Expr.log(x)) != x)
  #expect(Expr.log(Expr.exp(x)) == x)
}

@Test func constantsFoldExactly() {
  #expect(Expr(Rational(1, 3)) + Expr(Rational(1, 6)) == Expr(Rational(1, 2)))
  #expect(Expr.pow(Expr(Rational(2, 3)), -2) == Expr(Rational(9, 4)))
  #expect(Expr.sqrt(2) * Expr.sqrt(2) == 2)
  #expect(Expr.sin(0) == 0 && Expr.cos(0) == 1 && Expr.sigmoid(0) == Expr(Rational(1, 2)))
}

@Test func orderOfOperandsDoesNotMatter() {
  let a = Expr.sin(x) * y + Expr.pow(x, 2) - 7
  let b = -7 + Expr.pow(x, 2) + y * Expr.sin(x)
  #expect(a == b)
  #expect(a.hashValue == b.hashValue)
}
