import Numeric
import Symbolic

/// An expression as written, before canonicalisation: `canonical` builds it through the smart
/// constructors, `value` evaluates it node by node with nothing rewritten across nodes, so the
/// two differ exactly where a rewrite changed a value.
indirect enum Tree: ExpressibleByIntegerLiteral {
  case leaf(Expr)
  case sum(Tree, Tree)
  case product(Tree, Tree)
  case power(Tree, Tree)
  case apply(Expr.Function, Tree)

  init(integerLiteral value: Int) { self = .leaf(Expr(Rational(value))) }

  static func + (a: Tree, b: Tree) -> Tree { .sum(a, b) }
  static func - (a: Tree, b: Tree) -> Tree { .sum(a, .product(-1, b)) }
  static func * (a: Tree, b: Tree) -> Tree { .product(a, b) }
  static func * (c: Rational, a: Tree) -> Tree { .product(.leaf(Expr(c)), a) }
  static func / (a: Tree, b: Tree) -> Tree { .product(a, .pow(b, -1)) }
  static func pow(_ a: Tree, _ r: Rational) -> Tree { .power(a, .leaf(Expr(r))) }

  var canonical: Expr {
    switch self {
    case .leaf(let e): e
    case .sum(let a, let b): a.canonical + b.canonical
    case .product(let a, let b): a.canonical * b.canonical
    case .power(let a, let b): .pow(a.canonical, b.canonical)
    case .apply(let f, let a): .apply(f, a.canonical)
    }
  }

  /// The value at (x, y), each node in the evaluator's own semantics: a rational power is
  /// evaluated as the one-node expression `u^r`, so roots of negative numbers follow
  /// `CompiledExpr`'s convention.
  func value(x: BigFloat, y: BigFloat) throws -> BigFloat {
    switch self {
    case .leaf(let e): return try e.evaluate(at: ["x": x, "y": y])
    case .sum(let a, let b): return try a.value(x: x, y: y) + b.value(x: x, y: y)
    case .product(let a, let b): return try a.value(x: x, y: y) * b.value(x: x, y: y)
    case .power(let a, .leaf(let r)) where r.rationalValue != nil:
      return try Expr.pow(.variable("u"), r).evaluate(at: ["u": a.value(x: x, y: y)])
    case .power(let a, let b): return try BigFloat.pow(a.value(x: x, y: y), b.value(x: x, y: y))
    case .apply(let f, let a): return try f(a.value(x: x, y: y))
    }
  }
}
