import Numeric

/// A dual number with several tangents, `value + Σᵢ tangents[i]·εᵢ` with `εᵢεⱼ = 0`: forward
/// mode along many directions at once (vector mode).
///
/// One evaluation of `f` at `VectorDual` inputs gives `f(x)` and its derivatives along every
/// seeded direction. The primal and the chain rule's slopes are computed once per operation,
/// where `n` passes of `Dual` compute them `n` times; each tangent then costs only its own
/// products and sums.
///
/// A tangent may be `nil`: a structural zero, which no operation touches. An input seeded
/// along `eⱼ` has one non-nil tangent, and a result's tangent stays nil as long as it does
/// not depend on that input, so a function whose outputs each read a few inputs (particles
/// that interact only through some terms) does the work of its Jacobian's non-zeros, not of
/// all of it. A nil tangent is exactly zero even where a slope is infinite or NaN (the value
/// shows those).
public struct VectorDual<T: Scalar>: ChainRuleScalar {
  public var value: T
  /// `∂value/∂(direction i)`, nil where it is structurally zero; empty for a constant.
  public var tangents: [T?]

  @inlinable public init(_ value: T, tangents: [T?]) {
    self.value = value
    self.tangents = tangents
  }

  @inlinable public init(constant: T) { self.init(constant, tangents: []) }

  /// Input `index` of `count` at `x`: tangent 1 along its own direction, nil along the others.
  @inlinable public static func variable(_ x: T, index: Int, of count: Int) -> VectorDual {
    VectorDual(x, tangents: (0..<count).map { $0 == index ? T(1) : nil })
  }

  /// Tangent `i`, zero where structurally zero.
  @inlinable public subscript(tangent i: Int) -> T { i < tangents.count ? tangents[i] ?? 0 : 0 }

  @inlinable public static func chain(_ x: VectorDual, value: T, slope: T) -> VectorDual {
    VectorDual(value, tangents: x.tangents.map { $0.map { slope * $0 } })
  }

  @inlinable public static func chain(
    _ x: VectorDual, _ y: VectorDual, value: T, slopes: (T, T)
  ) -> VectorDual {
    combine(x, y, value: value, { slopes.0 * $0 }, { slopes.1 * $0 }) {
      slopes.0 * $0 + slopes.1 * $1
    }
  }

  /// The tangents of a binary operation: `left` or `right` where only one operand's is
  /// non-nil, `both` where both are.
  @inlinable static func combine(
    _ x: VectorDual, _ y: VectorDual, value: T, _ left: (T) -> T, _ right: (T) -> T,
    _ both: (T, T) -> T
  ) -> VectorDual {
    let count = Swift.max(x.tangents.count, y.tangents.count)
    var tangents: [T?] = []
    tangents.reserveCapacity(count)
    for i in 0..<count {
      let a = i < x.tangents.count ? x.tangents[i] : nil
      let b = i < y.tangents.count ? y.tangents[i] : nil
      switch (a, b) {
      case (nil, nil): tangents.append(nil)
      case (let a?, nil): tangents.append(left(a))
      case (nil, let b?): tangents.append(right(b))
      case (let a?, let b?): tangents.append(both(a, b))
      }
    }
    return VectorDual(value, tangents: tangents)
  }

  // As `Dual`'s: sums and differences add tangents, never multiplying them by ±1.
  @inlinable public static func + (a: VectorDual, b: VectorDual) -> VectorDual {
    combine(a, b, value: a.value + b.value, { $0 }, { $0 }) { $0 + $1 }
  }
  @inlinable public static func - (a: VectorDual, b: VectorDual) -> VectorDual {
    combine(a, b, value: a.value - b.value, { $0 }, { -$0 }) { $0 - $1 }
  }
  @inlinable public static prefix func - (a: VectorDual) -> VectorDual {
    VectorDual(-a.value, tangents: a.tangents.map { $0.map { -$0 } })
  }

  @inlinable public var isFinite: Bool {
    value.isFinite && tangents.allSatisfy { $0?.isFinite ?? true }
  }

  public var description: String {
    "\(value) + [" + tangents.map { $0.map(\.description) ?? "0" }.joined(separator: ", ") + "]ε"
  }
}
