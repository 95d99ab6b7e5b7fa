import Numeric
import RealModule

// Taylor coefficients of the elementary functions of a jet u. Each f with f′ = w(u) satisfies
// y′ = w·u′, which on coefficients reads
//     k·yₖ = Σ_{j=1…k} j·uⱼ·w_{k−j},                                   (Griewank–Walther)
// so yₖ needs w only up to k−1. Where w is a known function of u it is one jet computation
// (`integrate`); where it depends on y itself (exp, tan, tanh) it is built as y is (`solve`).

extension Jet {
  /// `u′ = Σ k uₖ t^{k−1}`, one order shorter.
  @inlinable var differentiated: Jet {
    Jet(coefficients: (1..<count).map { T($0) * coefficients[$0] })
  }

  /// The jet y of u's order with y₀ = value and y′ = `derivative()`.
  @inlinable static func integrate(_ u: Jet, value: T, _ derivative: () -> Jet) -> Jet {
    guard u.count > 1 else { return .constant(value) }
    let d = derivative()
    return Jet(coefficients: [value] + (1..<u.count).map { d[$0 - 1] / T($0) })
  }

  /// The jet y with y₀ = value and y′ = w·u′, where `w(y, k)` gives wₖ from y₀…yₖ.
  @inlinable static func solve(_ u: Jet, value: T, _ w: ([T], Int) -> T) -> Jet {
    var y = [value]
    var ws: [T] = []
    for k in 1..<Swift.max(u.count, 1) {
      ws.append(w(y, k - 1))
      var s = T(0)
      for j in 1...k { s += T(j) * u[j] * ws[k - j] }
      y.append(s / T(k))
    }
    return Jet(coefficients: y)
  }

  /// `[y²]ₖ = Σⱼ yⱼ yₖ₋ⱼ`.
  @inlinable static func squareCoefficient(_ y: [T], _ k: Int) -> T {
    var s = T(0)
    for j in 0...k { s += y[j] * y[k - j] }
    return s
  }

  /// sin and cos together: s′ = c·u′, c′ = −s·u′ (and the same with + for sinh, cosh).
  @inlinable static func sinCos(_ u: Jet, hyperbolic: Bool) -> (Jet, Jet) {
    var s = [hyperbolic ? T.sinh(u.value) : T.sin(u.value)]
    var c = [hyperbolic ? T.cosh(u.value) : T.cos(u.value)]
    for k in 1..<u.count {
      var ds = T(0)
      var dc = T(0)
      for j in 1...k {
        let ju = T(j) * u[j]
        ds += ju * c[k - j]
        dc += ju * s[k - j]
      }
      s.append(ds / T(k))
      c.append((hyperbolic ? dc : -dc) / T(k))
    }
    return (Jet(coefficients: s), Jet(coefficients: c))
  }

  /// `u^r` for a constant real r and u₀ ≠ 0, from `u·y′ = r·y·u′`:
  /// `yₖ = Σ_{j<k} (r(k−j) − j) u_{k−j} yⱼ / (k u₀)`.
  @inlinable static func power(_ u: Jet, _ r: T, value: T) -> Jet {
    var y = [value]
    for k in 1..<u.count {
      var s = T(0)
      for j in 0..<k { s += (r * T(k - j) - T(j)) * u[k - j] * y[j] }
      y.append(s / (T(k) * u.value))
    }
    return Jet(coefficients: y)
  }
}

extension Jet {
  @inlinable public static func exp(_ u: Jet) -> Jet { solve(u, value: .exp(u.value)) { y, k in y[k] } }
  @inlinable public static func expMinusOne(_ u: Jet) -> Jet {
    // (eᵘ − 1)′ = (y + 1)·u′.
    solve(u, value: .expMinusOne(u.value)) { y, k in k == 0 ? y[0] + 1 : y[k] }
  }
  @inlinable public static func log(_ u: Jet) -> Jet { integrate(u, value: .log(u.value)) { u.differentiated / u } }
  @inlinable public static func log(onePlus u: Jet) -> Jet {
    integrate(u, value: .log(onePlus: u.value)) { u.differentiated / (1 + u) }
  }
  @inlinable public static func sin(_ u: Jet) -> Jet { sinCos(u, hyperbolic: false).0 }
  @inlinable public static func cos(_ u: Jet) -> Jet { sinCos(u, hyperbolic: false).1 }
  @inlinable public static func sinh(_ u: Jet) -> Jet { sinCos(u, hyperbolic: true).0 }
  @inlinable public static func cosh(_ u: Jet) -> Jet { sinCos(u, hyperbolic: true).1 }
  @inlinable public static func tan(_ u: Jet) -> Jet {
    solve(u, value: .tan(u.value)) { y, k in (k == 0 ? 1 : 0) + squareCoefficient(y, k) }
  }
  @inlinable public static func tanh(_ u: Jet) -> Jet {
    solve(u, value: .tanh(u.value)) { y, k in (k == 0 ? 1 : 0) - squareCoefficient(y, k) }
  }
  @inlinable public static func asin(_ u: Jet) -> Jet {
    integrate(u, value: .asin(u.value)) { u.differentiated / sqrt(1 - u * u) }
  }
  @inlinable public static func acos(_ u: Jet) -> Jet {
    integrate(u, value: .acos(u.value)) { -u.differentiated / sqrt(1 - u * u) }
  }
  @inlinable public static func atan(_ u: Jet) -> Jet {
    integrate(u, value: .atan(u.value)) { u.differentiated / (1 + u * u) }
  }
  @inlinable public static func asinh(_ u: Jet) -> Jet {
    integrate(u, value: .asinh(u.value)) { u.differentiated / sqrt(u * u + 1) }
  }
  @inlinable public static func acosh(_ u: Jet) -> Jet {
    integrate(u, value: .acosh(u.value)) { u.differentiated / sqrt(u * u - 1) }
  }
  @inlinable public static func atanh(_ u: Jet) -> Jet {
    integrate(u, value: .atanh(u.value)) { u.differentiated / (1 - u * u) }
  }
  @inlinable public static func erf(_ u: Jet) -> Jet {
    integrate(u, value: .erf(u.value)) { 2 / sqrt(pi) * exp(-(u * u)) * u.differentiated }
  }
  @inlinable public static func erfc(_ u: Jet) -> Jet {
    integrate(u, value: .erfc(u.value)) { -2 / sqrt(pi) * exp(-(u * u)) * u.differentiated }
  }
  @inlinable public static func atan2(y: Jet, x: Jet) -> Jet {
    let u = x.count >= y.count ? x : y
    return integrate(u, value: .atan2(y: y.value, x: x.value)) {
      (x * y.differentiated - y * x.differentiated) / (x * x + y * y)
    }
  }

  /// `√u = y` from `y² = u`: `yₖ = (uₖ − Σ_{0<j<k} yⱼ yₖ₋ⱼ) / 2y₀`.
  @inlinable public static func sqrt(_ u: Jet) -> Jet {
    var y = [T.sqrt(u.value)]
    for k in 1..<u.count {
      var s = u[k]
      for j in 1..<k { s -= y[j] * y[k - j] }
      y.append(s / (2 * y[0]))
    }
    return Jet(coefficients: y)
  }

  /// `ⁿ√u` (real for odd n and negative u₀; u₀ ≠ 0 beyond order 0).
  @inlinable public static func root(_ u: Jet, _ n: Int) -> Jet { power(u, 1 / T(n), value: .root(u.value, n)) }

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
    if v.count == 1 { return power(u, v.value, value: .pow(u.value, v.value)) }
    return exp(v * log(u))
  }
}
