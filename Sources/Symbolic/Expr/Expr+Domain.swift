import Numeric

// What the canonicaliser may assume about where an expression is defined, in the evaluator's
// semantics (`CompiledExpr`): a rewrite f → g is sound only if g has f's value wherever f is
// finite and is undefined (NaN or ±∞) wherever f is, at every point, isolated points included.
// So `√x · √x = x` is refused (it would define x < 0), `x/x` is `nonzero(x)` rather than 1
// (undefined at 0), and `1/x − 1/x` is `0/x`. These facts are computed once per node, from the
// children's, when the node is made.

extension Expr {
  /// What is known of a value's sign wherever it is defined.
  enum Sign: Comparable {
    case unknown, nonnegative, positive
  }

  static func sign(of node: Node) -> Sign {
    switch node {
    case .rational(let r): return r.signum > 0 ? .positive : r.isZero ? .nonnegative : .unknown
    case .constant: return .positive
    case .variable: return .unknown
    case .sum(let terms):
      guard terms.allSatisfy({ $0.sign >= .nonnegative }) else { return .unknown }
      return terms.contains { $0.sign == .positive } ? .positive : .nonnegative
    case .product(let factors): return factors.map(\.sign).min()!
    case .power(let b, let e):
      if b.sign == .positive { return .positive }
      // (ᑫ√b)ᵖ is ≥ 0 for even p, and for even q it is defined only for b ≥ 0.
      if let r = e.rationalValue, !r.numerator.isOdd || !r.denominator.isOdd { return .nonnegative }
      return b.sign
    case .apply(let f, _):
      switch f {
      case .exp, .sigmoid, .softplus, .nonzero, .cosh, .erfc, .normpdf, .normcdf: return .positive
      case .abs, .relu, .acosh: return .nonnegative
      default: return .unknown
      }
    // Over an interval known to ascend, the integrand's sign (where the integral converges).
    case .integral(let i): return i.isAscending ? i.integrand.sign : .unknown
    }
  }

  /// Whether `node` is defined and finite at every real point: no pole (`1/x` at 0, `tan`), no
  /// point or interval where it is NaN (`log x` at x ≤ 0). Only then do `0·t = 0` and
  /// `t − t = 0` hold everywhere.
  static func isTotal(_ node: Node) -> Bool {
    switch node {
    case .rational, .constant, .variable: return true
    case .sum(let xs), .product(let xs): return xs.allSatisfy(\.isTotal)
    case .power(let b, let e):
      guard b.isTotal, e.isTotal else { return false }
      // A base that is never 0 (finite and > 0 everywhere) takes every real power.
      if b.sign == .positive { return true }
      // Otherwise 0^e is finite only for e > 0, and a root of a negative b is real only for
      // an odd denominator (the evaluator's (ᑫ√b)ᵖ).
      guard let r = e.rationalValue, r.signum > 0 else { return false }
      return r.denominator.isOdd || b.sign >= .nonnegative
    case .apply(let f, let u):
      guard u.isTotal else { return false }
      switch f {
      case .log: return u.sign == .positive
      // 1 + u > 0 and no pole of Γ when u > 0 at every point.
      case .log1p, .gamma, .lgamma, .polygamma: return u.sign == .positive
      case .tan, .asin, .acos, .acosh, .atanh, .nonzero: return false
      default: return true
      }
    // Convergence is not decided symbolically: an integral may be undefined anywhere.
    case .integral: return false
    }
  }

  /// How `b^e₁ · b^e₂ ⋯ b^eₖ` (k ≥ 2) may be collected into `b^s`, s = e₁ + ⋯ + eₖ.
  enum Collection {
    /// `b^s` has the product's value everywhere.
    case exact
    /// `b^s · nonzero(b)`: the exponents have mixed signs, so at b = 0 or ±∞ the product is
    /// 0·∞, undefined, and the condition keeps it so.
    case guarded
  }

  /// How the factors `base^exponents[i]` may be collected, or nil to keep them apart.
  static func collection(of base: Expr, _ exponents: [Expr], into s: Expr) -> Collection? {
    guard negativeBaseAllows(base, exponents, into: s) else { return nil }
    // Finite and nonzero everywhere: the exponent rules hold at every point.
    if base.isTotal && base.sign == .positive { return .exact }
    // Where b is 0, ±∞ or NaN, powers of one sign give 0, ∞ or NaN alike on both sides.
    let rationals = exponents.compactMap(\.rationalValue)
    if exponents.allSatisfy({ $0.sign == .positive }) { return .exact }
    guard rationals.count == exponents.count else { return nil }
    if rationals.allSatisfy({ $0.signum < 0 }) { return .exact }
    return .guarded
  }

  /// Whether `b^e₁ ⋯ b^eₖ` and `b^s` agree wherever b < 0; also decides `(b^e)ⁿ → b^(en)` as
  /// `exponents = [e]`, `s = en`, for an integer n or a base known to be ≥ 0 (at b = 0 or ±∞
  /// that rewrite holds for every sign of e and n).
  static func negativeBaseAllows(_ base: Expr, _ exponents: [Expr], into s: Expr) -> Bool {
    if base.sign >= .nonnegative { return true }
    // For b < 0 the evaluator takes b^(p/q), in lowest terms, as (ᑫ√b)ᵖ: real for odd q, NaN
    // for even q. Odd-denominator exponents add as the real roots multiply (p mod 2 carries the
    // sign), so they combine; an even denominator must stay even, or NaN would become a value.
    let rationals = exponents.compactMap(\.rationalValue)
    if rationals.count == exponents.count, let r = s.rationalValue {
      return rationals.allSatisfy { $0.denominator.isOdd } || !r.denominator.isOdd
    }
    // Any other exponent goes to `pow`, real for b < 0 only where it is an integer, so b^s may
    // be real only where every b^eᵢ is: each eᵢ is an integer or ±s plus an integer.
    return exponents.allSatisfy { e in
      e.rationalValue?.isInteger == true
        || [s - e, s + e].contains { $0.rationalValue?.isInteger == true }
    }
  }
}

extension BigInt {
  fileprivate var isOdd: Bool { !(self % 2).isZero }
}
