import Numeric
import RealModule

extension Expr {
  /// The unary functions an expression may apply. `sqrt` is not here: it is the power `x^(1/2)`,
  /// so that `√x · x` collects to `x^(3/2)`.
  ///
  /// `nonzero` is the domain condition u ≠ 0: 1 where u is finite and nonzero, undefined (NaN)
  /// elsewhere. Simplification leaves it where it cancels a factor that can vanish (`x/x` is
  /// `nonzero(x)`, `x^3/x` is `x^2*nonzero(x)`), and derivatives put it at kinks
  /// (`d|x|/dx = sign(x)*nonzero(x)`), so the result is undefined exactly where the input is.
  public enum Function: String, Sendable, Hashable, CaseIterable {
    case exp, log, sin, cos, tan, tanh, asin, atan, erf, sigmoid, softplus, abs, sign, nonzero

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
      // `<` and `>` are certain for balls: a ball that may hold 0 gives an undefined ball.
      case .nonzero: x.isFinite && (x < 0 || x > 0) ? 1 : T(0) / T(0)
      }
    }

    /// `f′(x)` given `x` and `y = f(x)`; reusing `y` saves a function call where f′ is a
    /// function of f (exp, tan, tanh, sigmoid). At the kink x = 0 of abs and sign the slope is
    /// undefined (`x/|x|` and `0/x` are 0/0 there): no one-sided or sub-gradient is picked.
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
      case .abs: x / y
      case .sign: 0 / x
      case .nonzero: 0 * y
      }
    }

    /// `f′(u)` as an expression (the chain rule's outer factor), undefined where f is not
    /// differentiable: the kink u = 0 of abs and sign carries the condition `nonzero(u)`.
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
      case .abs: .sign(u) * .nonzero(u)
      case .sign, .nonzero: 0 * .nonzero(u)
      }
    }

    /// `f(u)` when it has an exact closed form (`exp 0 = 1`, `log(exp u) = u`, `|−3| = 3`),
    /// else nil. Only identities valid for every real `u`, NaN included, are used.
    func fold(_ u: Expr) -> Expr? {
      if case .apply(.exp, let inner) = u.node, self == .log { return inner }
      if case .apply(let g, _) = u.node {
        if self == .abs, [.abs, .exp, .sigmoid, .nonzero].contains(g) { return u }
        if self == .nonzero, g == .nonzero { return u }
      }
      // Finite and positive at every real point: the condition holds everywhere.
      if self == .nonzero, u.isTotal, u.sign == .positive { return 1 }
      guard let r = u.rationalValue else { return nil }
      switch self {
      case .abs: return Expr(r.magnitude)
      case .sign: return Expr(Rational(r.signum))
      case .sigmoid where r.isZero: return Expr(Rational(1, 2))
      case .exp where r.isZero, .cos where r.isZero: return 1
      case .log where r == 1: return 0
      case .sin, .tan, .tanh, .asin, .atan, .erf: return r.isZero ? 0 : nil
      case .nonzero: return r.isZero ? nil : 1
      default: return nil
      }
    }
  }
}
