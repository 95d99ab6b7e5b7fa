import Numeric

// The smart constructors. Every public way to build an `Expr` ends here, so every value is
// canonical. Each rule rewrites to a form that is smaller or has fewer uncollected parts,
// which is why construction (and so simplification) terminates.

extension Expr {
  /// The exact rational constant `value`.
  public convenience init(_ value: Rational) { self.init(.rational(value)) }

  public static func variable(_ name: String) -> Expr { Expr(.variable(name)) }
  public static func constant(_ c: Constant) -> Expr { Expr(.constant(c)) }
  public static var pi: Expr { constant(.pi) }
  public static var e: Expr { constant(.e) }

  /// `Σ terms`: flattened, rationals folded exactly, like terms `c·t + d·t = (c+d)·t` collected
  /// (so `x − x = 0`), and sorted. Cancelled terms are dropped only if total: `√x − √x` is NaN
  /// for x < 0 and `1/x − 1/x` at 0, so they become `0·√x` and `0/x`, not 0.
  public static func sum(_ terms: [Expr]) -> Expr {
    var constant: Rational? = nil
    var keys: [Expr] = []
    var coefficients: [Rational] = []
    // The term as given while it has not been merged with a like term: reused as is.
    var originals: [Expr?] = []
    var index: [Expr: Int] = [:]
    func add(_ term: Expr) {
      switch term.node {
      case .rational(let r): constant = constant.map { $0 + r } ?? r
      case .sum(let inner): inner.forEach(add)
      default:
        let (c, rest) = term.splitCoefficient
        if let i = index[rest] {
          coefficients[i] += c
          originals[i] = nil
        } else {
          index[rest] = keys.count
          keys.append(rest)
          coefficients.append(c)
          originals.append(term)
        }
      }
    }
    terms.forEach(add)
    var collected = keys.indices.filter { !coefficients[$0].isZero || !keys[$0].isTotal }
    collected.sort { Expr.order(keys[$0], keys[$1]) < 0 }
    var result = collected.map { i in
      coefficients[i].isZero
        ? product([.zero, keys[i]]) : originals[i] ?? keys[i].scaled(by: coefficients[i])
    }
    if let c = constant, !c.isZero { result.insert(Expr(c), at: 0) }
    switch result.count {
    case 0: return .zero
    case 1: return result[0]
    default: return Expr(.sum(result))
    }
  }

  /// `Π factors`: flattened, rationals folded exactly, powers of a common base collected
  /// (`x^a · x^b = x^(a+b)`) as `collection` finds sound, sorted by base; a rational
  /// coefficient times a single sum is distributed, `2(x+1) = 2x + 2`, so that such terms
  /// collect in sums. Exponents of both signs keep the cancelled base as a condition:
  /// `x/x = nonzero(x)`, `x^3/x = x^2·nonzero(x)`, undefined at x = 0 as written. A zero
  /// coefficient annihilates only total factors: `0·√x` stays (NaN for x < 0), `0·y/x` is
  /// `0/x`.
  public static func product(_ factors: [Expr]) -> Expr {
    var coefficient = Expr.rationalOne
    var bases: [Expr] = []
    var exponents: [[Expr]] = []
    var members: [[Expr]] = []
    var index: [Expr: Int] = [:]
    func collect(_ base: Expr, _ exponent: Expr, _ factor: Expr) {
      if let i = index[base] {
        exponents[i].append(exponent)
        members[i].append(factor)
      } else {
        index[base] = bases.count
        bases.append(base)
        exponents.append([exponent])
        members.append([factor])
      }
    }
    func add(_ factor: Expr) {
      switch factor.node {
      case .rational(let r): coefficient *= r
      case .product(let inner): inner.forEach(add)
      case .power(let b, let x): collect(b, x, factor)
      default: collect(factor, .one, factor)
      }
    }
    factors.forEach(add)

    var result: [Expr] = []
    var flattenAgain = false
    for i in bases.indices {
      for p in multiplied(bases[i], exponents[i], members[i]) {
        switch p.node {
        case .rational(let r): coefficient *= r
        case .product: flattenAgain = true; result.append(p)
        default: result.append(p)
        }
      }
    }
    // A collected power of a product base, `(xy)^(1/2)·(xy)^(1/2) = xy`, distributes into a
    // product whose factors must be collected again; their bases are strictly smaller.
    if flattenAgain { return product([Expr(coefficient)] + result) }
    if coefficient.isZero {
      result.removeAll(where: \.isTotal)
      if result.isEmpty { return .zero }
    }
    result.sort { Expr.order($0.base, $1.base, orElse: ($0.exponent, $1.exponent)) < 0 }
    if result.isEmpty { return Expr(coefficient) }
    if result.count == 1 {
      if coefficient == Expr.rationalOne { return result[0] }
      if case .sum(let terms) = result[0].node {
        return sum(terms.map { product([Expr(coefficient), $0]) })
      }
    }
    if coefficient != Expr.rationalOne { result.insert(Expr(coefficient), at: 0) }
    return Expr(.product(result))
  }

  /// `base^exponent`. Folds `x⁰ = 1`, `x¹ = x`, `1ˣ = 1` (as MPFR's `pow` does, even for NaN),
  /// exact rational powers, `(xy)ⁿ = xⁿyⁿ` for an integer n, and `(b^e)ⁿ = b^(en)` where
  /// `negativeBaseAllows` finds it sound: only for an integer n or b ≥ 0, and not always then
  /// (`(x^(1/2))² = x` would define (√x)² for x < 0; `(x²)^(1/2)` is |x|, not x).
  public static func pow(_ base: Expr, _ exponent: Expr) -> Expr {
    if base.isOne { return .one }
    guard let n = exponent.rationalValue else { return Expr(.power(base, exponent)) }
    if n.isZero { return .one }
    if n == Expr.rationalOne { return base }
    switch base.node {
    case .rational(let b):
      if b.isZero && n.signum > 0 { return .zero }
      if let folded = exactPower(b, n) { return Expr(folded) }
    case .apply(.nonzero, _): return base  // 1ⁿ = 1, NaNⁿ = NaN
    case .power(let b, let e) where n.isInteger || b.sign >= .nonnegative:
      let combined = product([e, exponent])
      if negativeBaseAllows(b, [e], into: combined) { return pow(b, combined) }
    case .product(let factors) where n.isInteger:
      return product(factors.map { pow($0, exponent) })
    default: break
    }
    return Expr(.power(base, exponent))
  }

  public static func pow(_ base: Expr, _ n: Int) -> Expr { pow(base, Expr(Rational(n))) }

  public static func sqrt(_ x: Expr) -> Expr { pow(x, Expr(Rational(1, 2))) }

  /// `f(x)`, folded where `Function.fold` knows an exact value.
  public static func apply(_ f: Function, _ x: Expr) -> Expr { f.fold(x) ?? Expr(.apply(f, x)) }

  public static func exp(_ x: Expr) -> Expr { apply(.exp, x) }
  public static func log(_ x: Expr) -> Expr { apply(.log, x) }
  public static func sin(_ x: Expr) -> Expr { apply(.sin, x) }
  public static func cos(_ x: Expr) -> Expr { apply(.cos, x) }
  public static func tan(_ x: Expr) -> Expr { apply(.tan, x) }
  public static func tanh(_ x: Expr) -> Expr { apply(.tanh, x) }
  public static func asin(_ x: Expr) -> Expr { apply(.asin, x) }
  public static func atan(_ x: Expr) -> Expr { apply(.atan, x) }
  public static func erf(_ x: Expr) -> Expr { apply(.erf, x) }
  public static func sigmoid(_ x: Expr) -> Expr { apply(.sigmoid, x) }
  public static func softplus(_ x: Expr) -> Expr { apply(.softplus, x) }
  public static func abs(_ x: Expr) -> Expr { apply(.abs, x) }
  public static func sign(_ x: Expr) -> Expr { apply(.sign, x) }
  public static func nonzero(_ x: Expr) -> Expr { apply(.nonzero, x) }

  public static func + (a: Expr, b: Expr) -> Expr { sum([a, b]) }
  public static func - (a: Expr, b: Expr) -> Expr { sum([a, -b]) }
  public static func * (a: Expr, b: Expr) -> Expr { product([a, b]) }
  public static func / (a: Expr, b: Expr) -> Expr { product([a, pow(b, -1)]) }
  public static prefix func - (a: Expr) -> Expr { product([.minusOne, a]) }

  // MARK: Helpers for the canonical form

  /// The product of `members`, the factors `base^eᵢ` with `exponents` eᵢ: `base^(Σ eᵢ)` where
  /// sound (times `nonzero(base)` if the exponents have both signs), else each distinct factor
  /// raised to its multiplicity (`√x·√x = (√x)²`, not x).
  private static func multiplied(_ base: Expr, _ exponents: [Expr], _ members: [Expr]) -> [Expr] {
    if members.count == 1 { return members }
    let s = sum(exponents)
    switch collection(of: base, exponents, into: s) {
    case .exact: return [pow(base, s)]
    case .guarded: return [pow(base, s), nonzero(base)]
    case nil: break
    }
    var distinct: [Expr] = []
    var multiplicity: [Expr: Int] = [:]
    for f in members {
      if multiplicity[f] == nil { distinct.append(f) }
      multiplicity[f, default: 0] += 1
    }
    return distinct.map { pow($0, multiplicity[$0]!) }
  }

  /// `b^n` exactly, when it is a rational small enough to be worth folding (integer n, base
  /// numerator and denominator below 2⁶³, |n| ≤ 256, so at most ~16k bits).
  private static func exactPower(_ b: Rational, _ n: Rational) -> Rational? {
    guard n.isInteger, let k = n.numerator.intValue, k.magnitude <= 256,
      b.numerator.intValue != nil, b.denominator.intValue != nil, !(b.isZero && k < 0)
    else { return nil }
    return Rational.pow(b, k)
  }

  /// `(c, t)` with `self = c·t`, c the rational coefficient of a product (1 otherwise).
  var splitCoefficient: (Rational, Expr) {
    guard case .product(let factors) = node, let c = factors[0].rationalValue else {
      return (Expr.rationalOne, self)
    }
    return (c, factors.count == 2 ? factors[1] : Expr(.product(Array(factors.dropFirst()))))
  }

  /// `c·self` for a canonical non-rational, non-sum `self` without a coefficient.
  func scaled(by c: Rational) -> Expr {
    if c == Expr.rationalOne { return self }
    if case .product(let factors) = node { return Expr(.product([Expr(c)] + factors)) }
    return Expr(.product([Expr(c), self]))
  }

  /// `b` for `b^e`, else the expression itself.
  var base: Expr {
    if case .power(let b, _) = node { return b }
    return self
  }

  /// `e` for `b^e`, else 1.
  var exponent: Expr {
    if case .power(_, let e) = node { return e }
    return .one
  }
}

extension Expr: ExpressibleByIntegerLiteral {
  public convenience init(integerLiteral value: Int) { self.init(Rational(value)) }
}
