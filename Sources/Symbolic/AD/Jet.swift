import Numeric
import RealModule

/// A truncated Taylor series `Σₖ fₖ tᵏ`, k = 0…K: Taylor-mode differentiation.
///
/// Coefficients are unscaled, `fₖ = f⁽ᵏ⁾(t₀)/k!`, so they stay of the size of the function's
/// radius of convergence at any order, where derivatives would overflow like k!. Every operation
/// is one `TaylorRecurrence` run for k = 0…K, O(K²) per operation.
///
/// A jet with fewer coefficients is treated as padded with zeros, which is exact for the
/// constants (`Jet.constant`, literals) that jets are mixed with; jets made by
/// `variable(at:order:)` with different orders should not be combined.
///
/// A jet computed from the variables of a `JetTape` also records its operation there, so that
/// the tape can later compute its higher coefficients one order at a time (`TaylorIntegrator`).
public struct Jet<T: Scalar>: Scalar {
  public var coefficients: [T]
  /// Where this jet is recorded, if it was computed from a tape's variables.
  @usableFromInline var recording: JetTape<T>.Recording?

  @inlinable public init(coefficients: [T]) {
    self.init(coefficients: coefficients, recording: nil)
  }

  @inlinable init(coefficients: [T], recording: JetTape<T>.Recording?) {
    precondition(!coefficients.isEmpty, "a jet has at least its value")
    self.coefficients = coefficients
    self.recording = recording
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
  /// A constant: one coefficient and no recorded dependence on a tape's variables.
  @inlinable var isConstant: Bool { count == 1 && recording == nil }

  /// `fₖ`, zero beyond the stored order.
  @inlinable public subscript(k: Int) -> T { k < count ? coefficients[k] : 0 }

  /// The series of `count` coefficients whose k-th is `next(coefficients 0…k−1, k)`.
  @inlinable static func series(count: Int, _ next: (_ previous: [T], _ k: Int) -> T) -> [T] {
    var c: [T] = []
    c.reserveCapacity(count)
    for k in 0..<count {
      let coefficient = next(c, k)
      c.append(coefficient)
    }
    return c
  }

  /// `[T(0), T(1), …, T(count − 1)]` (at least up to 1), the integers the recurrences scale by.
  @inlinable static func integers(_ count: Int) -> [T] { (0..<Swift.max(count, 2)).map { T($0) } }
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
  /// Series of enclosures are enclosures.
  public static var isEnclosure: Bool { T.isEnclosure }
  @inlinable public static var workingEpsilon: Jet { .constant(T.workingEpsilon) }
  @inlinable public var isFinite: Bool { coefficients.allSatisfy(\.isFinite) }
  @inlinable public var doubleValue: Double { value.doubleValue }
  public var description: String { "Jet\(coefficients)" }

  @inlinable public static func == (a: Jet, b: Jet) -> Bool { a.value == b.value }
  @inlinable public static func < (a: Jet, b: Jet) -> Bool { a.value < b.value }
  @inlinable public var magnitude: Jet { value < 0 ? -self : self }

  @usableFromInline typealias Recurrence = TaylorRecurrence<T>

  @inlinable public static func + (a: Jet, b: Jet) -> Jet {
    let c = series(count: Swift.max(a.count, b.count)) {
      Recurrence.sum(a.coefficients, b.coefficients, $1)
    }
    return JetTape.record(Jet(coefficients: c), a, b) { .sum($0, $1) }
  }

  @inlinable public static func - (a: Jet, b: Jet) -> Jet {
    let c = series(count: Swift.max(a.count, b.count)) {
      Recurrence.difference(a.coefficients, b.coefficients, $1)
    }
    return JetTape.record(Jet(coefficients: c), a, b) { .difference($0, $1) }
  }

  @inlinable public static prefix func - (a: Jet) -> Jet {
    JetTape.record(Jet(coefficients: a.coefficients.map { -$0 }), a) { u, _ in .negation(u) }
  }

  /// The Cauchy product `cₖ = Σⱼ aⱼ bₖ₋ⱼ`.
  @inlinable public static func * (a: Jet, b: Jet) -> Jet {
    let c = series(count: Swift.max(a.count, b.count)) {
      Recurrence.product(a.coefficients, b.coefficients, $1)
    }
    return JetTape.record(Jet(coefficients: c), a, b) { .product($0, $1) }
  }

  /// `c = a/b` from `a = b·c`: `cₖ = (aₖ − Σ_{j≥1} bⱼ cₖ₋ⱼ) / b₀`.
  @inlinable public static func / (a: Jet, b: Jet) -> Jet {
    let c = series(count: Swift.max(a.count, b.count)) {
      Recurrence.quotient(a.coefficients, b.coefficients, $0, $1)
    }
    return JetTape.record(Jet(coefficients: c), a, b) { .quotient($0, $1) }
  }

  @inlinable public static func += (a: inout Jet, b: Jet) { a = a + b }
  @inlinable public static func -= (a: inout Jet, b: Jet) { a = a - b }
  @inlinable public static func *= (a: inout Jet, b: Jet) { a = a * b }
  @inlinable public static func /= (a: inout Jet, b: Jet) { a = a / b }
}
