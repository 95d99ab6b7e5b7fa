import Numeric

/// C1 and C2 [paper]: the forward states, the adjoint and the value-gradient density of the
/// depth-L model converge to the forward–backward ODE at rate `1/L`, with constants
/// `c_X`, `c_P` from Richardson.
extension DepthStudy {
  /// The spec's band on `L e(L)` at the largest depth around the Richardson constant.
  static let constantBand = Rational(3, 1000)

  var window: String { "the last three L of " + depths.map(String.init).joined(separator: ", ") }

  /// `e(L) = O(1/L)`: the slope of `ln e` against `ln L` over the fit window in `−1 ± 0.05`,
  /// with the spec's control, a second-order claim.
  func firstOrderRate(id: String, statement: String, yLabel: String, errors: [T]) -> RateCheck {
    RateCheck(
      id: id, statement: statement, xLabel: "L", yLabel: yLabel, exponent: -1,
      tolerance: Rational(1, 20), data: { fitWindow(errors) },
      controls: [.init("rate L^-2 (a second-order claim)", exponent: -2)])
  }

  func depthLimitChecks() -> [any Check] {
    let forward = forwardErrors
    let adjoint = adjointErrors
    let shifted = shiftedErrors
    let gradient = gradientErrors
    return [
      firstOrderRate(
        id: "C1-rate",
        statement:
          "[paper] e_X(L) = √((1/n) Σ_i |x_i^L − x_i(1)|²) = O(1/L) against the limit ODE (Taylor, 256 bits): least-squares slope of ln e_X against ln L over \(window)",
        yLabel: "e_X(L)", errors: forward),
      InequalityCheck(
        id: "C1-constant",
        statement:
          "[paper; constant derived] L e_X(L) at the largest L is within 0.3 % of c_X = 2 L₂e_X(L₂) − L₁e_X(L₁) (two largest L): |L e_X − c_X| / c_X",
        value: { relativeDeviation(forward, from: forward) }, .lessThanOrEqual,
        bound: { T(Self.constantBand) },
        controls: [
          // The spec's t_{l+1} scheme "converges with a different constant": the same band
          // around the claim's c_X must reject its L e_X.
          .init("the t_{l+1} scheme's L e_X against c_X (a different constant)") {
            relativeDeviation(shifted, from: forward)
          }
        ]),
      firstOrderRate(
        id: "C1-shifted-rate",
        statement:
          "[spec control that must pass] the Euler scheme reading layer l's parameters at t_{l+1} instead of t_l also converges at rate 1/L: slope of ln e_X over \(window)",
        yLabel: "e_X(L), t_{l+1} scheme", errors: shifted),
      firstOrderRate(
        id: "C2-rate-P",
        statement:
          "[paper] e_P(L) = √((1/n) Σ_i |p_i^0 − p_i(0)|²) = O(1/L), P^0 by reverse mode through the discrete model, P(0) by the backward Taylor integration: slope over \(window)",
        yLabel: "e_P(L)", errors: adjoint),
      InequalityCheck(
        id: "C2-constant-P",
        statement:
          "[paper; constant derived] L e_P(L) at the largest L is within 0.3 % of c_P = 2 L₂e_P(L₂) − L₁e_P(L₁): |L e_P − c_P| / c_P",
        value: { relativeDeviation(adjoint, from: adjoint) }, .lessThanOrEqual,
        bound: { T(Self.constantBand) },
        controls: [
          // The spec gives this check no control: at the smallest depth the O(1/L²) part is
          // still visible, so the band must reject it.
          .init("L e_P at the smallest L, \(depths[0]), against c_P (added)") {
            relativeDeviation(adjoint, at: 0, from: adjoint)
          }
        ]),
      firstOrderRate(
        id: "C2-rate-G",
        statement:
          "[paper] max_{k=0..3} ‖L ∂l/∂V_{kL/4} − G(k/4)‖₁ = O(1/L), ‖·‖₁ the largest absolute column sum, G(t) = (1/n) Σ_ij a_ij P_i x_jᵀ along the limit: slope over \(window)",
        yLabel: "max_k ‖L ∂l/∂V − G‖₁", errors: gradient),
    ]
  }

  func firstStepChecks() -> [any Check] {
    let adamW = firstStep(.adamW)
    let sgd = firstStep(.sgd)
    let fixed = firstStep(.adamWFixedEps)
    let layers = "layers l = kL/4, k = 0…3"
    return [
      RateCheck(
        id: "C5-deviation-rate",
        statement:
          "[derived] AdamW's first step with ε/L (bias-corrected, zero moments) dV_l = −lr (g/(|g| + ε/L) + wd V_l) converges to u(t_l) = −lr (G/(|G| + ε) + wd V(t_l)): max over \(layers) and entries of |dV_l − u(t_l)|, slope against ln L over \(window)",
        xLabel: "L", yLabel: "max |dV_l − u(t_l)|", exponent: -1, tolerance: Rational(1, 10),
        data: { fitWindow(adamW.deviation) },
        controls: [
          .init("SGD: dV_l = −lr g, its deviation from u (tends to max|u|)", data: { fitWindow(sgd.deviation) }),
          .init("AdamW with fixed ε: its deviation from u", data: { fitWindow(fixed.deviation) }),
        ]),
      RateCheck(
        id: "C5-update-size",
        statement:
          "[derived] AdamW's first step with ε/L stays O(lr) uniformly in L: max over \(layers) and entries of |dV_l|, slope against ln L over \(window) within ±0.1 of 0",
        xLabel: "L", yLabel: "max |dV_l|", exponent: 0, tolerance: Rational(1, 10),
        data: { fitWindow(adamW.size) },
        controls: [
          // Through this test, not the first: lr|g| = O(1/L) alone would pass the first band.
          .init("SGD: max |dV_l| = lr |g|, vanishing like 1/L", data: { fitWindow(sgd.size) })
        ]),
    ]
  }
}
