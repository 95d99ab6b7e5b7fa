import Numeric
import RealModule

/// A scalar that carries first-order derivative information next to a primal `value`, and so
/// can implement every `Scalar` operation from two primitives: the chain rule for a unary and
/// for a binary function, given the function's value and partial derivatives at the primal.
///
/// `Dual` (forward mode) and `Reverse` (reverse mode) conform; they differ only in what they
/// do with a slope — multiply it into a tangent now, or record it on a tape for later.
/// The primal type is any `Scalar`, including another `Dual`, so derivatives nest.
public protocol ChainRuleScalar: Scalar {
  associatedtype Primal: Scalar
  var value: Primal { get }
  /// A value whose derivative is zero.
  init(constant: Primal)
  /// `f(x)` for an f with `f(x.value) = value` and `f′(x.value) = slope`.
  static func chain(_ x: Self, value: Primal, slope: Primal) -> Self
  /// `f(x, y)` for an f with value `value` and partial derivatives `slopes` at the primals.
  static func chain(_ x: Self, _ y: Self, value: Primal, slopes: (Primal, Primal)) -> Self
}

extension ChainRuleScalar {
  @inlinable public init(_ value: Int) { self.init(constant: Primal(value)) }
  @inlinable public init(_ value: Double) { self.init(constant: Primal(value)) }
  public init(_ value: Rational) { self.init(constant: Primal(value)) }
  @inlinable public init(integerLiteral value: Int) { self.init(constant: Primal(value)) }

  @inlinable public init?<I: BinaryInteger>(exactly source: I) {
    guard let v = Primal(exactly: source) else { return nil }
    self.init(constant: v)
  }

  @inlinable public static var pi: Self { Self(constant: Primal.pi) }
  /// Derivatives of enclosures are enclosures.
  public static var isEnclosure: Bool { Primal.isEnclosure }
  @inlinable public static var workingEpsilon: Self { Self(constant: Primal.workingEpsilon) }
  @inlinable public var doubleValue: Double { value.doubleValue }

  /// Applies `f`, a function with a closed-form derivative shared with the symbolic layer.
  @inlinable static func lift(_ f: Expr.Function, _ x: Self) -> Self {
    let y = f(x.value)
    return chain(x, value: y, slope: f.slope(at: x.value, value: y))
  }
}

// MARK: Order, by the primal value (what branching code such as max or ReLU needs)

extension ChainRuleScalar {
  @inlinable public static func == (a: Self, b: Self) -> Bool { a.value == b.value }
  @inlinable public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
  @inlinable public var magnitude: Self { value < 0 ? -self : self }
}

// MARK: Field operations

extension ChainRuleScalar {
  @inlinable public static func + (a: Self, b: Self) -> Self {
    chain(a, b, value: a.value + b.value, slopes: (1, 1))
  }
  @inlinable public static func - (a: Self, b: Self) -> Self {
    chain(a, b, value: a.value - b.value, slopes: (1, -1))
  }
  @inlinable public static func * (a: Self, b: Self) -> Self {
    chain(a, b, value: a.value * b.value, slopes: (b.value, a.value))
  }
  @inlinable public static func / (a: Self, b: Self) -> Self {
    let q = a.value / b.value
    return chain(a, b, value: q, slopes: (1 / b.value, -q / b.value))
  }
  @inlinable public static prefix func - (a: Self) -> Self { chain(a, value: -a.value, slope: -1) }
  // `+=` and `−=` are AdditiveArithmetic's, which call `+` and `−` through the conformance, so
  // a conformer's own sums (`Dual`'s, `Reverse`'s unit slopes) serve them too; written here
  // they would call this extension's `+` statically and bypass those.
  @inlinable public static func *= (a: inout Self, b: Self) { a = a * b }
  @inlinable public static func /= (a: inout Self, b: Self) { a = a / b }
}

// MARK: Elementary functions: value and derivative at the primal

extension ChainRuleScalar {
  @inlinable public static func exp(_ x: Self) -> Self { lift(.exp, x) }
  @inlinable public static func log(_ x: Self) -> Self { lift(.log, x) }
  @inlinable public static func sin(_ x: Self) -> Self { lift(.sin, x) }
  @inlinable public static func cos(_ x: Self) -> Self { lift(.cos, x) }
  @inlinable public static func tan(_ x: Self) -> Self { lift(.tan, x) }
  @inlinable public static func tanh(_ x: Self) -> Self { lift(.tanh, x) }
  @inlinable public static func asin(_ x: Self) -> Self { lift(.asin, x) }
  @inlinable public static func atan(_ x: Self) -> Self { lift(.atan, x) }
  @inlinable public static func erf(_ x: Self) -> Self { lift(.erf, x) }

  @inlinable public static func expMinusOne(_ x: Self) -> Self {
    chain(x, value: .expMinusOne(x.value), slope: .exp(x.value))
  }
  @inlinable public static func log(onePlus x: Self) -> Self {
    chain(x, value: .log(onePlus: x.value), slope: 1 / (1 + x.value))
  }
  @inlinable public static func cosh(_ x: Self) -> Self {
    chain(x, value: .cosh(x.value), slope: .sinh(x.value))
  }
  @inlinable public static func sinh(_ x: Self) -> Self {
    chain(x, value: .sinh(x.value), slope: .cosh(x.value))
  }
  @inlinable public static func acosh(_ x: Self) -> Self {
    chain(x, value: .acosh(x.value), slope: 1 / .sqrt((x.value - 1) * (x.value + 1)))
  }
  @inlinable public static func asinh(_ x: Self) -> Self {
    chain(x, value: .asinh(x.value), slope: 1 / .sqrt(x.value * x.value + 1))
  }
  @inlinable public static func atanh(_ x: Self) -> Self {
    chain(x, value: .atanh(x.value), slope: 1 / ((1 - x.value) * (1 + x.value)))
  }
  @inlinable public static func acos(_ x: Self) -> Self {
    chain(x, value: .acos(x.value), slope: -1 / .sqrt((1 - x.value) * (1 + x.value)))
  }
  @inlinable public static func erfc(_ x: Self) -> Self {
    chain(x, value: .erfc(x.value), slope: -2 / .sqrt(.pi) * .exp(-(x.value * x.value)))
  }
  @inlinable public static func gamma(_ x: Self) -> Self {
    let g = Primal.gamma(x.value)
    return chain(x, value: g, slope: g * .polygamma(0, x.value))
  }
  @inlinable public static func logGamma(_ x: Self) -> Self {
    chain(x, value: .logGamma(x.value), slope: .polygamma(0, x.value))
  }
  @inlinable public static func polygamma(_ n: Int, _ x: Self) -> Self {
    chain(x, value: .polygamma(n, x.value), slope: .polygamma(n + 1, x.value))
  }
  @inlinable public static func sqrt(_ x: Self) -> Self {
    let s = Primal.sqrt(x.value)
    return chain(x, value: s, slope: 1 / (2 * s))
  }
  /// `ⁿ√x`, with derivative `(ⁿ√x)^(1−n)/n` (no division by x, so odd roots of negatives work).
  @inlinable public static func root(_ x: Self, _ n: Int) -> Self {
    let r = Primal.root(x.value, n)
    return chain(x, value: r, slope: Primal.pow(r, 1 - n) / Primal(n))
  }
  @inlinable public static func pow(_ x: Self, _ n: Int) -> Self {
    if n == 0 { return 1 }
    return chain(x, value: .pow(x.value, n), slope: Primal(n) * .pow(x.value, n - 1))
  }
  /// `xʸ = e^{y log x}`, for x > 0.
  @inlinable public static func pow(_ x: Self, _ y: Self) -> Self {
    let p = Primal.pow(x.value, y.value)
    return chain(x, y, value: p, slopes: (y.value * .pow(x.value, y.value - 1), p * .log(x.value)))
  }
  @inlinable public static func atan2(y: Self, x: Self) -> Self {
    let r2 = x.value * x.value + y.value * y.value
    return chain(y, x, value: .atan2(y: y.value, x: x.value), slopes: (x.value / r2, -y.value / r2))
  }
}
