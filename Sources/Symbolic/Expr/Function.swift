import Numeric
import RealModule

extension Expr {
  /// The unary functions an expression may apply. `sqrt` is not here: it is the power `x^(1/2)`,
  /// so that `√x · x` collects to `x^(3/2)`.
  public enum Function: String, Sendable, Hashable, CaseIterable {
    case exp, log, sin, cos, tan, tanh, asin, atan, erf, sigmoid, softplus, abs, sign

    /// `f(x)` in any scalar type.
    public func callAsFunction<T: Scalar>(_ x: T) -> T {
      switch self {
      case .exp: T.exp(x)
      case .log: T.log(x)
      case .sin: T.sin(x)
      case .cos: T.cos(x)
      case .tan: T.tan(x)
      case .tanh: T.tanh(x)
      case .asin: T.asin(x)
      case .atan: T.atan(x)
      case .erf: T.erf(x)
      case .sigmoid: T.sigmoid(x)
      case .softplus: T.softplus(x)
      case .abs: x.magnitude
      case .sign: T.signum(x)
      }
    }

    /// `f′(x)` given `x` and `y = f(x)`; reusing `y` saves a function call where f′ is a
    /// function of f (exp, tan, tanh, sigmoid).
    public func slope<T: Scalar>(at x: T, value y: T) -> T {
      switch self {
      case .exp: y
      case .log: 1 / x
      case .sin: T.cos(x)
      case .cos: -T.sin(x)
      case .tan: 1 + y * y
      case .tanh: 1 - y * y
      case .asin: 1 / T.sqrt(1 - x * x)
      case .atan: 1 / (1 + x * x)
      case .erf: 2 / T.sqrt(T.pi) * T.exp(-(x * x))
      case .sigmoid: y * (1 - y)
      case .softplus: T.sigmoid(x)
      case .abs: T.signum(x)
      case .sign: 0
      }
    }

    /// `f′(u)` as an expression (the chain rule's outer factor).
    func derivative(at u: Expr) -> Expr {
      switch self {
      case .exp: .exp(u)
      case .log: 1 / u
      case .sin: .cos(u)
      case .cos: -.sin(u)
      case .tan: 1 + .pow(.tan(u), 2)
      case .tanh: 1 - .pow(.tanh(u), 2)
      case .asin: .pow(1 - .pow(u, 2), Expr(Rational(-1, 2)))
      case .atan: 1 / (1 + .pow(u, 2))
      case .erf: 2 * .pow(.pi, Expr(Rational(-1, 2))) * .exp(-.pow(u, 2))
      case .sigmoid: .sigmoid(u) * (1 - .sigmoid(u))
      case .softplus: .sigmoid(u)
      case .abs: .sign(u)
      case .sign: 0
      }
    }

    /// `f(u)` when it has an exact closed form (`exp 0 = 1`, `log(exp u) = u`, `|−3| = 3`),
    /// else nil. Only identities valid for every real `u` are used.
    func fold(_ u: Expr) -> Expr? {
      if case .apply(.exp, let inner) = u.node, self == .log { return inner }
      if case .apply(let g, _) = u.node, self == .abs, g == .abs || g == .exp || g == .sigmoid {
        return u
      }
      guard let r = u.rationalValue else { return nil }
      switch self {
      case .abs: return Expr(r.magnitude)
      case .sign: return Expr(Rational(r.signum))
      case .sigmoid where r.isZero: return Expr(Rational(1, 2))
      case .exp where r.isZero, .cos where r.isZero: return 1
      case .log where r == 1: return 0
      case .sin, .tan, .tanh, .asin, .atan, .erf: return r.isZero ? 0 : nil
      default: return nil
      }
    }
  }
}
