import Numeric
import Symbolic

/// C4's exponent algebra in symbols (`Expr`), identically in `d` and `β`: with `u = log h`,
/// `n = log N`, `a = log A`, `b = log B`, the bound's two terms are `e^{t₁}`, `e^{t₂}` with
///
///     t₁ = a + p u,      t₂ = b − n − q u,
///
/// `dE/du = p e^{t₁} − q e^{t₂}` (by `Expr.derivative`), and `dE/du = 0` is, after taking logs,
/// `log p + t₁ = log q + t₂`: linear in `u` (`∂²(t₁ − t₂)/∂u² = 0`) with slope `p + q`, so
/// `u* = −(log p − log q + (t₁ − t₂)(0))/(p + q)`. At `u*`, `t₂ = t₁ + log(p/q)`, so
/// `log E(h*) = t₁(u*) + log(1 + p/q)` and the root exponent is `(1/2) ∂t₁(u*)/∂n`.
/// (That `u*` is where Newton's `dE/du` vanishes is checked numerically, in C4-minimiser.)
struct ExponentAlgebra {
  static let (u, n, a, b) = (Expr.variable("u"), Expr.variable("n"), Expr.variable("a"), Expr.variable("b"))
  static let (d, beta) = (Expr.variable("d"), Expr.variable("beta"))

  /// `p` and `q` as expressions in `d` and `β`.
  let biasExponent: Expr
  let varianceExponent: Expr
  /// Whether the exponent reported is that of `E` rather than of `√E` (a control).
  var squared = false

  /// `−(2−β)/(2(d+4−β))`, the claim.
  static var claimed: Expr { Expr(Rational(-1, 2)) * (2 - beta) / (d + 4 - beta) }

  /// The claim's shape: `p = 2 − β`, `q = d + 2`.
  static var claim: ExponentAlgebra { ExponentAlgebra(biasExponent: 2 - beta, varianceExponent: d + 2) }

  /// Decides the statement that this shape's minimum has the claimed root exponent: the
  /// derivative's form, the linearity of the log condition and its slope, and the exponent,
  /// each an identity of canonical expressions. A false exponent gets a witness: its exact
  /// value at `(d, β) = (1, 0)` against the claim's.
  func decide() -> ExactOutcome {
    let (p, q, u, n) = (biasExponent, varianceExponent, Self.u, Self.n)
    let t1 = Self.a + p * u
    let t2 = Self.b - n - q * u
    let slopeOfE = (Expr.exp(t1) + Expr.exp(t2)).derivative(withRespectTo: "u")
    let gap = t1 - t2
    let slope = gap.derivative(withRespectTo: "u")
    // u* = −(log p − log q + (t₁ − t₂)(0))/(p + q); its logs do not depend on n, so
    // ∂t₁(u*)/∂n = p ∂u*/∂n = −p (∂(t₁ − t₂)/∂n)/(p + q).
    let exponent =
      Expr(squared ? 1 : Rational(1, 2)) * p * -gap.derivative(withRespectTo: "n") / slope
    func identity(_ lhs: Expr, _ rhs: Expr, _ what: String) -> ExactOutcome {
      let holds = Self.vanishesWhereDefined((lhs - rhs).expanded())
      return .condition(holds, "\(what): \(lhs) = \(rhs)", witness: "\(what): \(lhs) ≠ \(rhs)")
    }
    let exponentHolds = Self.vanishesWhereDefined((exponent - Self.claimed).expanded())
    let at = { (e: Expr) in e.substitute("d", with: 1).substitute("beta", with: 0) }
    return .all(
      [
        identity(slopeOfE, p * Expr.exp(t1) - q * Expr.exp(t2), "dE/du"),
        identity(gap.derivative(withRespectTo: "u", order: 2), 0, "∂²(t₁ − t₂)/∂u²"),
        identity(slope, p + q, "the slope of t₁ − t₂"),
        .condition(
          exponentHolds, "root exponent \(exponent) = \(Self.claimed)",
          witness: "root exponent \(exponent) is \(at(exponent)) at d = 1, β = 0, the claim \(at(Self.claimed))"),
      ], "exponent algebra")
  }

  /// Whether the canonical `e` is 0 wherever it is defined: 0, or a sum of terms `0·t`, which
  /// canonical form keeps for a `t` that may be undefined (`0·log(2 + d)` from differentiating
  /// `log(2 + d)` in `u`).
  static func vanishesWhereDefined(_ e: Expr) -> Bool {
    switch e.node {
    case .rational(let r): r.isZero
    case .sum(let terms): terms.allSatisfy(vanishesWhereDefined)
    case .product(let factors): factors.contains(where: vanishesWhereDefined)
    default: false
    }
  }
}
