import Numeric

/// A dual number `value + derivative·ε` with `ε² = 0`: forward-mode differentiation.
///
/// Evaluating `f` at `Dual.variable(x)` gives `f(x) + f′(x)ε`. Because `Dual<T>` is itself a
/// `Scalar`, `Dual<Dual<T>>` carries second derivatives, and so on (at cost 2ᵏ for order k;
/// `Jet` is the O(k²) route to high orders).
public struct Dual<T: Scalar>: ChainRuleScalar {
  public var value: T
  public var derivative: T

  @inlinable public init(_ value: T, derivative: T) {
    self.value = value
    self.derivative = derivative
  }

  @inlinable public init(constant: T) { self.init(constant, derivative: 0) }

  /// The independent variable at `x`: derivative 1.
  @inlinable public static func variable(_ x: T) -> Dual { Dual(x, derivative: 1) }

  @inlinable public static func chain(_ x: Dual, value: T, slope: T) -> Dual {
    Dual(value, derivative: slope * x.derivative)
  }

  @inlinable public static func chain(_ x: Dual, _ y: Dual, value: T, slopes: (T, T)) -> Dual {
    Dual(value, derivative: slopes.0 * x.derivative + slopes.1 * y.derivative)
  }

  // Sums and differences add the tangents directly: through `chain` they would multiply them
  // by the constants ±1 first, exact but not free (a `Dual<Jet>` recorded two jet products
  // and a `Dual<Reverse>` two tape nodes per sum).
  @inlinable public static func + (a: Dual, b: Dual) -> Dual {
    Dual(a.value + b.value, derivative: a.derivative + b.derivative)
  }
  @inlinable public static func - (a: Dual, b: Dual) -> Dual {
    Dual(a.value - b.value, derivative: a.derivative - b.derivative)
  }
  @inlinable public static prefix func - (a: Dual) -> Dual { Dual(-a.value, derivative: -a.derivative) }

  @inlinable public var isFinite: Bool { value.isFinite && derivative.isFinite }

  public var description: String { "\(value) + \(derivative)ε" }
}

/// `f′(x)` by forward mode.
@inlinable
public func derivative<T: Scalar>(of f: (Dual<T>) -> Dual<T>, at x: T) -> T {
  f(.variable(x)).derivative
}
