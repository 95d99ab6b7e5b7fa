import Numeric
import RealModule

/// A truncated Taylor series `Σₖ fₖ tᵏ`, k = 0…K: Taylor-mode differentiation.
///
/// Coefficients are unscaled, `fₖ = f⁽ᵏ⁾(t₀)/k!`, so they stay of the size of the function's
/// radius of convergence at any order, where derivatives would overflow like k!. Every operation
/// uses the Griewank–Walther recurrences, O(K²) per operation.
///
/// A jet with fewer coefficients is treated as padded with zeros, which is exact for the
/// constants (`Jet.constant`, literals) that jets are mixed with; jets made by
/// `variable(at:order:)` with different orders should not be combined.
public struct Jet<T: Scalar>: Scalar {
  public var coefficients: [T]

  @inlinable public init(coefficients: [T]) {
    precondition(!coefficients.isEmpty, "a jet has at least its value")
    self.coefficients = coefficients
  }

  /// The independent variable `t₀ + t`, to order K.
  @inlinable public static func variable(at x0: T, order: Int) -> Jet {
    precondition(order >= 0, "jet order must be non-negative")
    var c = [T](repeating: 0, count: order + 1)
    c[0] = x0
    if order >= 1 { c[1] = 1 }
    return Jet(coefficients: c)
  }

  /// The constant series `c`.
  @inlinable public static func constant(_ c: T) -> Jet { Jet(coefficients: [c]) }

  @inlinable public var value: T { coefficients[0] }
  @inlinable var count: Int { coefficients.count }

  /// `fₖ`, zero beyond the stored order.
  @inlinable public subscript(k: Int) -> T { k < count ? coefficients[k] : 0 }
}

/// `[f(t₀), f′(t₀), f″(t₀)/2!, …]` to `order`, by Taylor mode.
public func taylorCoefficients<T: Scalar>(
  of f: (Jet<T>) -> Jet<T>, at x0: T, order: Int
) -> [T] {
  let y = f(.variable(at: x0, order: order))
  return (0...order).map { y[$0] }
}

// MARK: Scalar conformance: conversions, order by value, field operations

extension Jet {
  @inlinable public init(_ value: Int) { self = .constant(T(value)) }
  @inlinable public init(_ value: Double) { self = .constant(T(value)) }
  @inlinable public init(_ value: Rational) { self = .constant(T(value)) }
  @inlinable public init(integerLiteral value: Int) { self = .constant(T(value)) }
  @inlinable public init?<I: BinaryInteger>(exactly source: I) {
    guard let v = T(exactly: source) else { return nil }
    self = .constant(v)
  }

  @inlinable public static var pi: Jet { .constant(T.pi) }
  @inlinable public var isFinite: Bool { coefficients.allSatisfy(\.isFinite) }
  @inlinable public var doubleValue: Double { value.doubleValue }
  public var description: String { "Jet\(coefficients)" }

  @inlinable public static func == (a: Jet, b: Jet) -> Bool { a.value == b.value }
  @inlinable public static func < (a: Jet, b: Jet) -> Bool { a.value < b.value }
  @inlinable public var magnitude: Jet { value < 0 ? -self : self }

  /// Coefficient-wise combination, padding the shorter jet with zeros.
  @inlinable static func zip(_ a: Jet, _ b: Jet, _ op: (T, T) -> T) -> Jet {
    Jet(coefficients: (0..<Swift.max(a.count, b.count)).map { op(a[$0], b[$0]) })
  }

  @inlinable func map(_ op: (T) -> T) -> Jet { Jet(coefficients: coefficients.map(op)) }

  @inlinable public static func + (a: Jet, b: Jet) -> Jet { zip(a, b, +) }
  @inlinable public static func - (a: Jet, b: Jet) -> Jet { zip(a, b, -) }
  @inlinable public static prefix func - (a: Jet) -> Jet { a.map { -$0 } }

  /// Cauchy product `cₖ = Σⱼ aⱼ bₖ₋ⱼ`.
  @inlinable public static func * (a: Jet, b: Jet) -> Jet {
    if a.count == 1 { return b.map { a.value * $0 } }
    if b.count == 1 { return a.map { $0 * b.value } }
    let n = Swift.max(a.count, b.count)
    return Jet(coefficients: (0..<n).map { k in
      var s = a[0] * b[k]
      for j in 1..<(k + 1) where j < a.count && k - j < b.count { s += a[j] * b[k - j] }
      return s
    })
  }

  /// `c = a/b` from `a = b·c`: `cₖ = (aₖ − Σ_{j≥1} bⱼ cₖ₋ⱼ) / b₀`.
  @inlinable public static func / (a: Jet, b: Jet) -> Jet {
    if b.count == 1 { return a.map { $0 / b.value } }
    var c: [T] = []
    for k in 0..<Swift.max(a.count, b.count) {
      var s = a[k]
      for j in 1..<(k + 1) where j < b.count { s -= b[j] * c[k - j] }
      c.append(s / b.value)
    }
    return Jet(coefficients: c)
  }

  @inlinable public static func += (a: inout Jet, b: Jet) { a = a + b }
  @inlinable public static func -= (a: inout Jet, b: Jet) { a = a - b }
  @inlinable public static func *= (a: inout Jet, b: Jet) { a = a * b }
  @inlinable public static func /= (a: inout Jet, b: Jet) { a = a / b }
}
