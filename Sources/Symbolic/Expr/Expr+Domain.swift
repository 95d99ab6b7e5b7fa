import Numeric

// What the canonicaliser may assume about where an expression is defined, in the evaluator's
// semantics (`CompiledExpr`): a rewrite f → g is sound only if g has f's value wherever f is
// defined and is NaN wherever f is, except on a set without interior (a pole, 0/0 in x/x = 1,
// the accepted convention). `√x · √x = x` fails that on all of x < 0. These facts are computed
// once per node, from the children's, when the node is made.
//
// Known limit: a base's zeros are assumed isolated. A base that vanishes on an interval, such
// as |x| − x, still gets `b/b = 1` there although the left side is 0·∞ = NaN.

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
      case .exp, .sigmoid, .softplus: return .positive
      case .abs: return .nonnegative
      default: return .unknown
      }
    }
  }

  /// Whether `node` is defined and finite at every real point except on a set without interior
  /// (so that 0·t = 0 and t − t = 0 hold almost everywhere).
  static func isTotal(_ node: Node) -> Bool {
    switch node {
    case .rational, .constant, .variable: return true
    case .sum(let xs), .product(let xs): return xs.allSatisfy(\.isTotal)
    case .power(let b, let e):
      // 0^e stays a power only for e < 0 or a symbolic e: infinite, or NaN, everywhere.
      guard !b.isZero, b.isTotal, e.isTotal else { return false }
      // Odd roots are real for every b; even roots and `pow` with other exponents need b ≥ 0.
      if let r = e.rationalValue, r.denominator.isOdd { return true }
      return b.sign >= .nonnegative
    case .apply(let f, let u):
      guard u.isTotal else { return false }
      switch f {
      case .log: return u.sign >= .nonnegative
      case .asin: return false
      default: return true
      }
    }
  }

  /// Whether `b^e₁ · b^e₂ ⋯ b^eₖ` may be rewritten `b^s`, s = e₁ + ⋯ + eₖ: same value wherever
  /// the left side is defined, NaN wherever it is NaN. Also decides `(b^e)ⁿ → b^(en)` as
  /// `exponents = [e]`, `s = en`, for an integer n or a base known to be ≥ 0.
  static func powersCombine(_ base: Expr, _ exponents: [Expr], into s: Expr) -> Bool {
    // b⁰ = 1 drops b, and with it where b is undefined (`log x / log x` for x < 0).
    if s.isZero && !base.isTotal { return false }
    // For b > 0 every real power is defined and the exponent rules hold; b = 0 is a point.
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
