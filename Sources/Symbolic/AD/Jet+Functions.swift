import Numeric
import RealModule

// The elementary functions of a jet u, each one `TaylorRecurrence` (or a few, where the
// recurrence needs a partner series). A function f with f′ = w(u) satisfies y′ = w·u′, which
// on coefficients reads k·yₖ = Σ_{j=1…k} j·uⱼ·w_{k−j} (Griewank–Walther), so yₖ needs w only
// up to k−1: where w depends on y itself (exp, tan, tanh, sin beside cos) y and w are built
// together; where w is 1/q for a known q (log, atan, asin, …) the quotient form q·y′ = u′ is
// used; where w is another known jet (erf) it is computed first. Constant arguments give
// constant jets: every recurrence reads only the coefficients its operands have.

extension Jet {
  /// `y` with `y₀ = value` and `y′ = w·u′`, `w` known beforehand.
  @inlinable static func primitive(_ u: Jet, weight w: Jet, value: T) -> Jet {
    let integers = integers(u.count)
    let y = series(count: u.count) { _, k in
      k == 0
        ? value
        : Recurrence.primitive(u.coefficients, weight: w.coefficients, negated: false, k, integers)
    }
    return JetTape.record(Jet(coefficients: y), u, w) { .primitive($0, weight: $1, negated: false) }
  }

  /// `y` with `y₀ = value` and `q·y′ = u′`.
  @inlinable static func quotientPrimitive(_ u: Jet, _ q: Jet, value: T) -> Jet {
    let integers = integers(u.count)
    let y = series(count: u.count) { y, k in
      k == 0 ? value : Recurrence.quotientPrimitive(u.coefficients, q.coefficients, y, k, integers)
    }
    return JetTape.record(Jet(coefficients: y), u, q) { .quotientPrimitive($0, denominator: $1) }
  }

  /// sin and cos together: s′ = c·u′, c′ = −s·u′ (and the same with + for sinh, cosh).
  @inlinable static func sinCos(_ u: Jet, hyperbolic: Bool) -> (Jet, Jet) {
    let integers = integers(u.count)
    var s = [hyperbolic ? T.sinh(u.value) : T.sin(u.value)]
    var c = [hyperbolic ? T.cosh(u.value) : T.cos(u.value)]
    for k in 1..<u.count {
      s.append(Recurrence.primitive(u.coefficients, weight: c, negated: false, k, integers))
      c.append(Recurrence.primitive(u.coefficients, weight: s, negated: !hyperbolic, k, integers))
    }
    guard let tape = u.recording?.tape else { return (Jet(coefficients: s), Jet(coefficients: c)) }
    let operand = tape.index(of: u)
    let sine = tape.operations.count
    _ = tape.append(.primitive(operand, weight: sine + 1, negated: false), s)
    _ = tape.append(.primitive(operand, weight: sine, negated: !hyperbolic), c)
    return (tape.jet(sine), tape.jet(sine + 1))
  }

  /// tan (`y′ = (1 + y²)u′`) or tanh (`y′ = (1 − y²)u′`), with `w = 1 ± y²` built beside `y`.
  @inlinable static func tangent(_ u: Jet, value: T, hyperbolic: Bool) -> Jet {
    let integers = integers(u.count)
    var y = [value]
    var w = [Recurrence.onePlusSquare(y, negated: hyperbolic, 0)]
    for k in 1..<u.count {
      y.append(Recurrence.primitive(u.coefficients, weight: w, negated: false, k, integers))
      w.append(Recurrence.onePlusSquare(y, negated: hyperbolic, k))
    }
    guard let tape = u.recording?.tape else { return Jet(coefficients: y) }
    let operand = tape.index(of: u)
    let weight = tape.operations.count + 1
    let result = tape.append(.primitive(operand, weight: weight, negated: false), y)
    _ = tape.append(.onePlusSquare(result, negated: hyperbolic), w)
    return tape.jet(result)
  }

  /// `uʳ` for a constant real r and u₀ ≠ 0.
  @inlinable static func power(_ u: Jet, _ r: T, value: T) -> Jet {
    let integers = integers(u.count)
    let y = series(count: u.count) { y, k in
      k == 0 ? value : Recurrence.power(u.coefficients, y, r, k, integers)
    }
    guard let tape = u.recording?.tape else { return Jet(coefficients: y) }
    let exponent = tape.append(.constant, [r])
    return JetTape.record(Jet(coefficients: y), u) { operand, _ in
      .power(operand, exponent: exponent)
    }
  }
}

extension Jet {
  @inlinable public static func exp(_ u: Jet) -> Jet {
    let integers = integers(u.count)
    let y = series(count: u.count) { y, k in
      k == 0
        ? .exp(u.value) : Recurrence.primitive(u.coefficients, weight: y, negated: false, k, integers)
    }
    return JetTape.record(Jet(coefficients: y), u) { .primitive($0, weight: $1, negated: false) }
  }
  /// (eᵘ − 1)′ = eᵘ·u′.
  @inlinable public static func expMinusOne(_ u: Jet) -> Jet {
    primitive(u, weight: exp(u), value: .expMinusOne(u.value))
  }
  @inlinable public static func log(_ u: Jet) -> Jet {
    quotientPrimitive(u, u, value: .log(u.value))
  }
  @inlinable public static func log(onePlus u: Jet) -> Jet {
    quotientPrimitive(u, 1 + u, value: .log(onePlus: u.value))
  }
  @inlinable public static func sin(_ u: Jet) -> Jet { sinCos(u, hyperbolic: false).0 }
  @inlinable public static func cos(_ u: Jet) -> Jet { sinCos(u, hyperbolic: false).1 }
  @inlinable public static func sinh(_ u: Jet) -> Jet { sinCos(u, hyperbolic: true).0 }
  @inlinable public static func cosh(_ u: Jet) -> Jet { sinCos(u, hyperbolic: true).1 }
  @inlinable public static func tan(_ u: Jet) -> Jet {
    tangent(u, value: .tan(u.value), hyperbolic: false)
  }
  @inlinable public static func tanh(_ u: Jet) -> Jet {
    tangent(u, value: .tanh(u.value), hyperbolic: true)
  }
  @inlinable public static func asin(_ u: Jet) -> Jet {
    quotientPrimitive(u, sqrt((1 - u) * (1 + u)), value: .asin(u.value))
  }
  /// `−√(1 − u²)·y′ = u′`, written as `√(1 − u²)·y′ = (−u)′`.
  @inlinable public static func acos(_ u: Jet) -> Jet {
    quotientPrimitive(-u, sqrt((1 - u) * (1 + u)), value: .acos(u.value))
  }
  @inlinable public static func atan(_ u: Jet) -> Jet {
    quotientPrimitive(u, 1 + u * u, value: .atan(u.value))
  }
  @inlinable public static func asinh(_ u: Jet) -> Jet {
    quotientPrimitive(u, sqrt(u * u + 1), value: .asinh(u.value))
  }
  @inlinable public static func acosh(_ u: Jet) -> Jet {
    quotientPrimitive(u, sqrt((u - 1) * (u + 1)), value: .acosh(u.value))
  }
  @inlinable public static func atanh(_ u: Jet) -> Jet {
    quotientPrimitive(u, (1 - u) * (1 + u), value: .atanh(u.value))
  }
  @inlinable public static func erf(_ u: Jet) -> Jet {
    primitive(u, weight: constant(2 / T.sqrt(T.pi)) * exp(-(u * u)), value: .erf(u.value))
  }
  @inlinable public static func erfc(_ u: Jet) -> Jet {
    primitive(u, weight: constant(-2 / T.sqrt(T.pi)) * exp(-(u * u)), value: .erfc(u.value))
  }

  /// The angle of `(x, y)` is its angle at the value plus the angle between `(x, y)` and
  /// `(x₀, y₀)`, `atan w` with `w = (x₀y − y₀x)/(x₀x + y₀y)`, `w₀ = 0` and a denominator
  /// `x₀² + y₀² > 0` at the value: one quotient recurrence, whichever argument varies.
  @inlinable public static func atan2(y: Jet, x: Jet) -> Jet {
    let (x0, y0) = (constant(x.value), constant(y.value))
    let w = (x0 * y - y0 * x) / (x0 * x + y0 * y)
    return quotientPrimitive(w, 1 + w * w, value: .atan2(y: y.value, x: x.value))
  }

  /// `ψ⁽ⁿ⁾(u)′ = ψ⁽ⁿ⁺¹⁾(u)·u′`: the weight is the next polygamma of u to one order less (a
  /// primitive reads w only to K − 1), so order K nests K primitives, O(K³); the chain of
  /// derivatives has no finite closure. Not recorded on a `JetTape`.
  public static func polygamma(_ n: Int, _ u: Jet) -> Jet {
    precondition(u.recording == nil, "polygamma, logGamma and gamma are not recorded on a JetTape")
    let value = T.polygamma(n, u.value)
    guard u.count > 1 else { return constant(value) }
    return primitive(u, weight: polygamma(n + 1, shortened(u)), value: value)
  }

  /// `log |Γ(u)|′ = ψ(u)·u′`.
  public static func logGamma(_ u: Jet) -> Jet {
    precondition(u.recording == nil, "polygamma, logGamma and gamma are not recorded on a JetTape")
    let value = T.logGamma(u.value)
    guard u.count > 1 else { return constant(value) }
    return primitive(u, weight: polygamma(0, shortened(u)), value: value)
  }

  /// `Γ(u)′ = Γ(u)·ψ(u)·u′`: `y` and its weight `w = y·ψ(u)` built together, as for tan.
  public static func gamma(_ u: Jet) -> Jet {
    precondition(u.recording == nil, "polygamma, logGamma and gamma are not recorded on a JetTape")
    var y = [T.gamma(u.value)]
    guard u.count > 1 else { return constant(y[0]) }
    let psi = polygamma(0, shortened(u)).coefficients
    let integers = integers(u.count)
    var w = [y[0] * psi[0]]
    for k in 1..<u.count {
      y.append(Recurrence.primitive(u.coefficients, weight: w, negated: false, k, integers))
      if k < psi.count { w.append(Recurrence.product(y, psi, k)) }
    }
    return Jet(coefficients: y)
  }

  /// `u` without its last coefficient: what a weight of a primitive needs.
  @inlinable static func shortened(_ u: Jet) -> Jet { Jet(coefficients: Array(u.coefficients.dropLast())) }

  /// `√u = y` from `y² = u`: `yₖ = (uₖ − Σ_{0<j<k} yⱼ yₖ₋ⱼ) / 2y₀`.
  @inlinable public static func sqrt(_ u: Jet) -> Jet {
    let y = series(count: u.count) { y, k in
      k == 0 ? .sqrt(u.value) : Recurrence.squareRoot(u.coefficients, y, k)
    }
    return JetTape.record(Jet(coefficients: y), u) { operand, _ in .squareRoot(operand) }
  }

  /// `ⁿ√u` (real for odd n and negative u₀; u₀ ≠ 0 beyond order 0).
  @inlinable public static func root(_ u: Jet, _ n: Int) -> Jet {
    power(u, 1 / T(n), value: .root(u.value, n))
  }

  /// `uⁿ` by repeated squaring, so it is exact in structure at u₀ = 0 where `u^r` is not.
  @inlinable public static func pow(_ u: Jet, _ n: Int) -> Jet {
    if n < 0 { return 1 / pow(u, -n) }
    var result: Jet = 1
    var base = u
    var k = n
    while k > 0 {
      if k & 1 == 1 { result *= base }
      k >>= 1
      if k > 0 { base *= base }
    }
    return result
  }

  /// `uᵛ = e^{v log u}`, for u₀ > 0.
  @inlinable public static func pow(_ u: Jet, _ v: Jet) -> Jet {
    if v.isConstant { return power(u, v.value, value: .pow(u.value, v.value)) }
    return exp(v * log(u))
  }
}
