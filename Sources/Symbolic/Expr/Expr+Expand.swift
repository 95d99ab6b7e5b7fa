import Numeric

extension Expr {
  /// The expression with products of sums multiplied out and sums raised to positive integer
  /// powers (up to `maximumExponent`) expanded, so polynomial identities such as
  /// `(x+1)² − (x² + 2x + 1)` become 0. Function arguments are expanded too.
  public func expanded(maximumExponent: Int = 64) -> Expr {
    rewritten { e in
      switch e.node {
      case .product(let factors): return Expr.distribute(factors)
      case .power(let b, let x):
        guard case .sum = b.node, let n = x.rationalValue, n.isInteger, n > 0,
          let k = n.numerator.intValue, k <= maximumExponent
        else { return e }
        return Expr.distribute(Array(repeating: b, count: k))
      default: return e
      }
    }
  }

  /// `Π factors` with every sum among them multiplied out term by term.
  private static func distribute(_ factors: [Expr]) -> Expr {
    var partial: [Expr] = [1]
    for factor in factors {
      guard case .sum(let terms) = factor.node else {
        partial = partial.map { $0 * factor }
        continue
      }
      partial = partial.flatMap { p in terms.map { p * $0 } }
      // Collecting after each factor keeps the partial sum small: (x+1)ⁿ has n+1 terms, not 2ⁿ.
      let collected = sum(partial)
      if case .sum(let ts) = collected.node { partial = ts } else { partial = [collected] }
    }
    return sum(partial)
  }
}
