import Numeric

// A total order on canonical expressions, used to sort the terms of sums and the factors of
// products. Kinds come first (numbers, constants, variables, powers, functions, integrals,
// products, sums) so that printed polynomials read `1 + x + x^2`; within a kind the order is structural.

extension Expr {
  private var kindRank: Int {
    switch node {
    case .rational: 0
    case .constant: 1
    case .variable: 2
    case .power: 3
    case .apply: 4
    case .integral: 5
    case .product: 6
    case .sum: 7
    }
  }

  /// −1, 0 or 1 as `a` sorts before, with, or after `b`; ties are broken by `orElse`.
  static func order(_ a: Expr, _ b: Expr, orElse tie: (Expr, Expr)? = nil) -> Int {
    let primary = order(a, b)
    if primary != 0 { return primary }
    guard let (c, d) = tie else { return 0 }
    return order(c, d)
  }

  static func order(_ a: Expr, _ b: Expr) -> Int {
    if a == b { return 0 }
    if a.kindRank != b.kindRank { return a.kindRank < b.kindRank ? -1 : 1 }
    switch (a.node, b.node) {
    case (.rational(let x), .rational(let y)): return x < y ? -1 : 1
    case (.constant(let x), .constant(let y)): return x.rawValue < y.rawValue ? -1 : 1
    case (.variable(let x), .variable(let y)): return x < y ? -1 : 1
    case (.power(let b1, let e1), .power(let b2, let e2)): return order(b1, b2, orElse: (e1, e2))
    case (.apply(let f, let u), .apply(let g, let v)):
      return f == g ? order(u, v) : (f.precedes(g) ? -1 : 1)
    case (.integral(let i), .integral(let j)):
      for (x, y) in zip(i.orderKeys, j.orderKeys) {
        let c = order(x, y)
        if c != 0 { return c }
      }
      return i.variable < j.variable ? -1 : 1
    case (.sum(let xs), .sum(let ys)), (.product(let xs), .product(let ys)):
      for (x, y) in zip(xs, ys) {
        let c = order(x, y)
        if c != 0 { return c }
      }
      return xs.count < ys.count ? -1 : 1
    default: preconditionFailure("kinds with equal rank differ")
    }
  }
}

extension Expr.Integral {
  /// The integrand, then each limit as its kind (−1, 0, 1 for −∞, finite, +∞) and its
  /// expression (0 when infinite): −∞ sorts before every finite limit and +∞ after.
  fileprivate var orderKeys: [Expr] {
    [integrand]
      + [lower, upper].flatMap { limit -> [Expr] in
        switch limit {
        case .minusInfinity: [Expr.minusOne, Expr.zero]
        case .finite(let e): [Expr.zero, e]
        case .plusInfinity: [Expr.one, Expr.zero]
        }
      }
  }
}
