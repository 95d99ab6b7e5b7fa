import Numeric
import Symbolic

/// Statements built only from rationals and variables with `+ − × ÷` and integer powers are
/// decided exactly, in GMP rationals, at the (rational) sample points: no rounding, so no
/// ladder and no near miss can hide, however small (`x = x + 10^(-160)` fails exactly).
extension IdentityTest {
  /// What exact evaluation made of an expression at a point.
  enum ExactValue {
    case value(Rational)
    /// A division by zero.
    case undefined
    /// Grew past ``exactBitBudget``: left to the precision ladder.
    case tooLarge
  }

  /// The largest numerator plus denominator, in bits, exact evaluation builds before it leaves
  /// the point to the ladder (a million bits: `(x^1000 + 1)^1000` is not worth it).
  static let exactBitBudget = 1 << 20

  /// Whether `expr` is a rational function with rational coefficients (no π, no functions, no
  /// fractional powers, no integrals, which are numerical), so that its value at a rational
  /// point is rational.
  static func isRationalFunction(_ expr: Expr) -> Bool {
    switch expr.node {
    case .rational, .variable: true
    case .constant, .apply, .integral: false
    case .sum(let xs), .product(let xs): xs.allSatisfy(isRationalFunction)
    case .power(let base, let exponent):
      (exponent.rationalValue?.isInteger ?? false) && isRationalFunction(base)
    }
  }

  /// The exact value of a rational function (``isRationalFunction(_:)``) at `point`.
  static func exactValue(_ expr: Expr, at point: [String: Rational]) -> ExactValue {
    var memo: [ObjectIdentifier: Rational] = [:]
    enum Stop: Error { case undefined, tooLarge }
    func bits(_ q: Rational) -> Int { q.numerator.bitWidth + q.denominator.bitWidth }
    func value(_ e: Expr) throws(Stop) -> Rational {
      if let known = memo[ObjectIdentifier(e)] { return known }
      let result: Rational
      switch e.node {
      case .rational(let q): result = q
      case .variable(let name): result = point[name]!
      case .sum(let terms):
        var sum = Rational(0)
        for term in terms { sum += try value(term) }
        result = sum
      case .product(let factors):
        var product = Rational(1)
        for factor in factors { product *= try value(factor) }
        result = product
      case .power(let b, let exponent):
        let base = try value(b)
        guard let n = exponent.rationalValue?.numerator.intValue else { throw .tooLarge }
        if base.isZero && n < 0 { throw .undefined }
        // Both factors are at most 2^20, so the estimate of the power's size cannot overflow.
        guard n.magnitude <= exactBitBudget, bits(base) * Int(n.magnitude) <= exactBitBudget
        else { throw .tooLarge }
        result = Rational.pow(base, n)
      case .constant, .apply, .integral:
        preconditionFailure("exactValue needs a rational function")
      }
      guard bits(result) <= exactBitBudget else { throw .tooLarge }
      memo[ObjectIdentifier(e)] = result
      return result
    }
    do throws(Stop) {
      return .value(try value(expr))
    } catch {
      return error == .undefined ? .undefined : .tooLarge
    }
  }

  /// The point judged exactly, or nil when a side grew too large and the ladder must judge it.
  static func exactPoint(
    _ lhs: Expr, _ rhs: Expr, at point: [(name: String, value: Rational)], perturbed: Bool = false
  ) -> Point? {
    let values = Dictionary(uniqueKeysWithValues: point.map { ($0.name, $0.value) })
    let sides = [("left", exactValue(lhs, at: values)), ("right", exactValue(rhs, at: values))]
    var exact: [Rational] = []
    for (side, outcome) in sides {
      switch outcome {
      case .value(let q): exact.append(q)
      case .tooLarge: return nil
      case .undefined:
        return Point(
          coordinates: point, rungs: [], verdict: .fail, residual: nil,
          why: "the \(side)-hand side divides by zero (decided exactly in rational arithmetic)")
      }
    }
    let left = exact[0]
    let right = perturbed ? perturb(exact[1], controlPerturbation) : exact[1]
    let scale = max(Rational(1), left.magnitude, right.magnitude)
    let residual = BigFloat((left - right).magnitude / scale, precision: 64)
    return Point(
      coordinates: point, rungs: [], verdict: left == right ? .pass : .fail, residual: residual,
      why: left == right
        ? "both sides are exactly \(DecimalFormat.short(BigFloat(left, precision: 64))) "
          + "(decided in exact rational arithmetic)"
        : "the sides differ by exactly \(DecimalFormat.short(residual)) relative "
          + "(decided in exact rational arithmetic)")
  }
}
