import Numeric

extension Expr {
  /// A limit of integration: an expression, or an infinite end.
  public enum Limit: Sendable, Hashable {
    case minusInfinity
    case finite(Expr)
    case plusInfinity

    /// The expression of a finite limit.
    public var expression: Expr? {
      if case .finite(let e) = self { return e }
      return nil
    }
  }

  /// `∫ integrand d(variable)` from `lower` to `upper`: a node that binds `variable`, so the
  /// integral depends on the integrand's other variables and the limits', not on `variable`
  /// (`integrate(x*y, x, 0, x)` is a function of the outer x through its upper limit only).
  ///
  /// Evaluated numerically (`CompiledExpr`, `Quadrature`) at the working precision. Limits in
  /// either order are allowed: `∫ₐᵇ = −∫ᵇₐ`.
  public struct Integral: Sendable, Hashable {
    public let integrand: Expr
    public let variable: String
    public let lower: Limit
    public let upper: Limit

    /// The limits as (lower, upper, sign) with `∫_lower^upper = sign · ∫_from^to`, `from` nil
    /// for −∞ and `to` nil for +∞ (an infinite end on the wrong side is swapped over).
    var oriented: (from: Expr?, to: Expr?, sign: Rational) {
      switch (lower, upper) {
      case (.plusInfinity, _), (_, .minusInfinity): (upper.expression, lower.expression, -1)
      default: (lower.expression, upper.expression, 1)
      }
    }

    /// Whether `lower < upper` is certain: an infinite end on its own side, or rational limits
    /// in order.
    var isAscending: Bool {
      switch (lower, upper) {
      case (.minusInfinity, .finite), (.minusInfinity, .plusInfinity), (.finite, .plusInfinity): true
      case (.finite(let a), .finite(let b)):
        a.rationalValue.flatMap { a in b.rationalValue.map { a < $0 } } ?? false
      default: false
      }
    }

    /// The variables the integral depends on: the integrand's except the bound one, and the
    /// limits'.
    var freeVariables: Set<String> {
      Set(integrand.freeVariables).subtracting([variable])
        .union([lower, upper].compactMap(\.expression).flatMap(\.freeVariables))
    }
  }

  /// `∫ integrand d(variable)` from `lower` to `upper`. An integrand free of `variable` and
  /// defined everywhere folds, between finite limits, to `integrand · (upper − lower)`.
  /// Equal infinite limits (`∫_∞^∞`) are not an integral: the parser refuses them.
  public static func integral(
    _ integrand: Expr, _ variable: String, from lower: Limit, to upper: Limit
  ) -> Expr {
    precondition(
      !(lower == upper && lower.expression == nil), "an integral between equal infinite limits")
    if case .finite(let a) = lower, case .finite(let b) = upper, integrand.isTotal,
      !integrand.freeVariables.contains(variable)
    {
      return integrand * (b - a)
    }
    return Expr(.integral(Integral(integrand: integrand, variable: variable, lower: lower, upper: upper)))
  }
}
