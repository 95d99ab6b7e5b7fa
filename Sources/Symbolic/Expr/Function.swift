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
  ///
  /// `lgamma` is `log |Γ|`; `polygamma(n)` is `ψ⁽ⁿ⁾ = dⁿ⁺¹/dxⁿ⁺¹ log |Γ|`, named `digamma`
  /// (n = 0) and `trigamma` (n = 1), so that every derivative of gamma is again an expression.
  /// `normpdf` and `normcdf` are the standard normal density φ and distribution function Φ,
  /// `gelu(x) = x Φ(x)`, `swish(x) = x σ(x)`, `relu(x) = max(x, 0)`.
  public enum Function: Sendable, Hashable, CaseIterable {
    case exp, log, sin, cos, tan, tanh, asin, atan, erf, sigmoid, softplus, abs, sign, nonzero
    case acos, sinh, cosh, asinh, acosh, atanh, erfc, log1p, expm1, gamma, lgamma
    case polygamma(Int)
    case relu, gelu, swish, normpdf, normcdf

    /// Every function with a name of its own (polygamma of order ≥ 2 is `polygamma(n, x)`).
    public static let allCases: [Function] = [
      .exp, .log, .sin, .cos, .tan, .tanh, .asin, .atan, .erf, .sigmoid, .softplus, .abs, .sign,
      .nonzero, .acos, .sinh, .cosh, .asinh, .acosh, .atanh, .erfc, .log1p, .expm1, .gamma,
      .lgamma, .polygamma(0), .polygamma(1), .relu, .gelu, .swish, .normpdf, .normcdf,
    ]

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// The function called `name` in the expression language.
    public init?(name: String) {
      guard let f = Self.byName[name] else { return nil }
      self = f
    }

    /// The name the parser reads and the printer writes (`polygamma` for every order ≥ 2).
    public var name: String {
      switch self {
      case .polygamma(0): "digamma"
      case .polygamma(1): "trigamma"
      case .polygamma: "polygamma"
      default: String(describing: self)
      }
    }

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
      case .acos: T.acos(x)
      case .sinh: T.sinh(x)
      case .cosh: T.cosh(x)
      case .asinh: T.asinh(x)
      case .acosh: T.acosh(x)
      case .atanh: T.atanh(x)
      case .erfc: T.erfc(x)
      case .log1p: T.log(onePlus: x)
      case .expm1: T.expMinusOne(x)
      // The pole at 0 is NaN, not MPFR's ±∞ by the sign of zero: canonical forms keep values,
      // not signs of zero (`0·u` may be +0 or −0), and verify treats NaN and ±∞ alike. `x·NaN`
      // is NaN in every coefficient of a jet or dual.
      case .gamma: x == 0 ? x * (T(0) / T(0)) : T.gamma(x)
      case .lgamma: T.logGamma(x)
      case .polygamma(let n): x == 0 ? x * (T(0) / T(0)) : T.polygamma(n, x)
      case .relu: T.relu(x)
      case .gelu: T.gelu(x)
      case .swish: T.swish(x)
      case .normpdf: T.normalDensity(x)
      case .normcdf: T.normalDistribution(x)
      }
    }

    /// `f′(x)` given `x` and `y = f(x)`; reusing `y` saves a function call where f′ is a
    /// function of f (exp, tan, tanh, sigmoid). At the kink x = 0 of abs, sign and relu the
    /// slope is undefined (`x/|x|`, `0/x` and `relu(x)/x` are 0/0 there): no one-sided or
    /// sub-gradient is picked. `1 − x²` is written `(1 − x)(1 + x)`, exact near |x| = 1.
    public func slope<T: Scalar>(at x: T, value y: T) -> T {
      switch self {
      case .exp: y
      case .log: 1 / x
      case .sin: T.cos(x)
      case .cos: -T.sin(x)
      case .tan: 1 + y * y
      case .tanh: 1 - y * y
      case .asin: 1 / T.sqrt((1 - x) * (1 + x))
      case .atan: 1 / (1 + x * x)
      case .erf: 2 / T.sqrt(T.pi) * T.exp(-(x * x))
      case .sigmoid: y * (1 - y)
      case .softplus: T.sigmoid(x)
      case .abs: x / y
      case .sign: 0 / x
      case .nonzero: 0 * y
      case .acos: -1 / T.sqrt((1 - x) * (1 + x))
      case .sinh: T.cosh(x)
      case .cosh: T.sinh(x)
      case .asinh: 1 / T.sqrt(x * x + 1)
      case .acosh: 1 / T.sqrt((x - 1) * (x + 1))
      case .atanh: 1 / ((1 - x) * (1 + x))
      case .erfc: -2 / T.sqrt(T.pi) * T.exp(-(x * x))
      case .log1p: 1 / (1 + x)
      case .expm1: T.exp(x)
      case .gamma: y * T.polygamma(0, x)
      case .lgamma: T.polygamma(0, x)
      case .polygamma(let n): T.polygamma(n + 1, x)
      case .relu: y / x
      case .gelu: T.normalDistribution(x) + x * T.normalDensity(x)
      // σ′ = σ(x)σ(−x): 1 − σ(x) would cancel for large x.
      case .swish: T.sigmoid(x) * (1 + x * T.sigmoid(-x))
      case .normpdf: -x * y
      case .normcdf: T.normalDensity(x)
      }
    }

    /// `f′(u)` as an expression (the chain rule's outer factor), undefined where f is not
    /// differentiable: the kink u = 0 of abs, sign and relu carries the condition `nonzero(u)`.
    func derivative(at u: Expr) -> Expr {
      let minusHalf = Expr(Rational(-1, 2))
      switch self {
      case .exp: return .exp(u)
      case .log: return 1 / u
      case .sin: return .cos(u)
      case .cos: return -.sin(u)
      case .tan: return 1 + .pow(.tan(u), 2)
      case .tanh: return 1 - .pow(.tanh(u), 2)
      case .asin: return .pow((1 - u) * (1 + u), minusHalf)
      case .atan: return 1 / (1 + .pow(u, 2))
      case .erf: return 2 * .pow(.pi, minusHalf) * .exp(-.pow(u, 2))
      case .sigmoid: return .sigmoid(u) * (1 - .sigmoid(u))
      case .softplus: return .sigmoid(u)
      case .abs: return .sign(u) * .nonzero(u)
      case .sign, .nonzero: return 0 * .nonzero(u)
      case .acos: return -.pow((1 - u) * (1 + u), minusHalf)
      case .sinh: return .apply(.cosh, u)
      case .cosh: return .apply(.sinh, u)
      case .asinh: return .pow(.pow(u, 2) + 1, minusHalf)
      case .acosh: return .pow((u - 1) * (u + 1), minusHalf)
      case .atanh: return 1 / ((1 - u) * (1 + u))
      case .erfc: return -2 * .pow(.pi, minusHalf) * .exp(-.pow(u, 2))
      case .log1p: return 1 / (1 + u)
      case .expm1: return .exp(u)
      case .gamma: return .apply(.gamma, u) * .apply(.polygamma(0), u)
      case .lgamma: return .apply(.polygamma(0), u)
      case .polygamma(let n): return .apply(.polygamma(n + 1), u)
      case .relu: return (1 + .sign(u)) / 2 * .nonzero(u)
      case .gelu: return .apply(.normcdf, u) + u * .apply(.normpdf, u)
      case .swish: return .sigmoid(u) * (1 + u * .sigmoid(-u))
      case .normpdf: return -u * .apply(.normpdf, u)
      case .normcdf: return .apply(.normpdf, u)
      }
    }

    /// `f(u)` when it has an exact closed form (`exp 0 = 1`, `log(exp u) = u`, `|−3| = 3`),
    /// else nil. Only identities valid for every real `u`, NaN included, are used.
    func fold(_ u: Expr) -> Expr? {
      if case .apply(.exp, let inner) = u.node, self == .log { return inner }
      if case .apply(let g, _) = u.node {
        let positive: [Function] = [.abs, .exp, .sigmoid, .nonzero, .cosh, .erfc, .normpdf, .normcdf, .relu]
        if self == .abs, positive.contains(g) { return u }
        if self == .nonzero, g == .nonzero { return u }
        if self == .relu, g == .relu || g == .abs { return u }
      }
      // Finite and positive at every real point: the condition holds everywhere.
      if self == .nonzero, u.isTotal, u.sign == .positive { return 1 }
      guard let r = u.rationalValue else { return nil }
      switch self {
      case .abs: return Expr(r.magnitude)
      case .sign: return Expr(Rational(r.signum))
      case .relu: return Expr(r.signum > 0 ? r : 0)
      case .sigmoid where r.isZero, .normcdf where r.isZero: return Expr(Rational(1, 2))
      case .exp where r.isZero, .cos where r.isZero, .cosh where r.isZero, .erfc where r.isZero: return 1
      case .log where r == 1, .acos where r == 1, .acosh where r == 1: return 0
      case .lgamma where r == 1 || r == 2: return 0
      case .gamma: return Self.factorial(ofPredecessor: r).map(Expr.init)
      case .sin, .tan, .tanh, .asin, .atan, .erf, .sinh, .asinh, .atanh, .log1p, .expm1, .gelu, .swish:
        return r.isZero ? 0 : nil
      case .nonzero: return r.isZero ? nil : 1
      default: return nil
      }
    }

    /// `Γ(n) = (n − 1)!` for an integer 1 ≤ n ≤ 100 (larger ones stay symbolic).
    private static func factorial(ofPredecessor r: Rational) -> Rational? {
      guard r.isInteger, let n = r.numerator.intValue, (1...100).contains(n) else { return nil }
      return (1..<n).reduce(Rational(1)) { $0 * Rational($1) }
    }

    /// Sorts functions by name, polygammas (digamma and trigamma too) together by order.
    func precedes(_ g: Function) -> Bool {
      func key(_ f: Function) -> (String, Int) {
        if case .polygamma(let n) = f { return ("polygamma", n) }
        return (f.name, 0)
      }
      return key(self) < key(g)
    }
  }
}
