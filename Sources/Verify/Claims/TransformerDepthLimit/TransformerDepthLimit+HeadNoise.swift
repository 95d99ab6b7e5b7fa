import Numeric

/// C3 [paper's `H^-1/2` term; linear response derived]: head fluctuations have mean square
/// `σ² S(L)/(3H)` to first order in σ, with `L S(L) → S_inf`.
extension HeadNoiseStudy {
  func checks() -> [any Check] {
    let grid = sensitivityDepths.map(String.init).joined(separator: ", ")
    let residuals = { () throws -> (x: [T], y: [T]) in
      let limit = try self.limit()
      return (sensitivityDepths.map { T($0) }, scaledSensitivities.map { ($0 - limit).magnitude })
    }
    let mc = "\(pairs.count) Monte Carlo runs (H, L) ∈ {\(heads.map(String.init).joined(separator: ", "))} × {\(monteCarloDepths.map(String.init).joined(separator: ", "))}"
    return [
      RateCheck(
        id: "C3-sensitivity-limit",
        statement:
          "[derived] L S(L) → S_inf at rate 1/L, S(L) = (1/n) Σ_l Σ_ab ‖∂X^L/∂V_{l,ab}‖_F² by reverse mode, S_inf the constant term of the cubic in 1/L through L S(L): slope of ln |L S(L) − S_inf| against ln L over L = \(grid)",
        xLabel: "L", yLabel: "|L S(L) − S_inf|", exponent: -1, tolerance: Rational(1, 20),
        data: residuals,
        controls: [.init("exponent 0: L S(L) does not converge (added)", exponent: 0)]),
      RateCheck(
        id: "C3-depth-rate",
        statement:
          "[derived] S(L) ∝ 1/L, so the RMS fluctuation σ √(S(L)/(3H)) falls like L^-1/2, inside the paper's L^-1/3 bound: slope of ln S(L) against ln L over L = \(grid)",
        xLabel: "L", yLabel: "S(L)", exponent: -1, tolerance: Rational(1, 20),
        data: { (sensitivityDepths.map { T($0) }, sensitivityDepths.map { sensitivity[$0]! }) },
        controls: [
          // The spec: the L^-1/3 exponent is an upper bound, a check must not fit it.
          .init("the paper's bound as the rate: RMS ∝ L^-1/3, S(L) ∝ L^-2/3 (added)", exponent: Rational(-2, 3))
        ]),
      InequalityCheck(
        id: "C3-monte-carlo",
        statement:
          "[derived] the Monte Carlo mean square of (1/n) Σ_i |x_i^{L,H,σ}(1) − x_i^L(1)|² (σ = \(sigma), binary64) matches the linear response σ² S(L)/(3H) over \(mc): max of |MC/LR − 1| − max(0.2, 4 SE/mean), SE the relative standard error of the MC mean",
        value: { ratioExcess() }, .lessThanOrEqual, bound: { 0 },
        controls: [
          .init("the response ∝ 1/H² (heads averaging coherently)") { ratioExcess(headPower: 2) },
          // The spec gives this check no other control: a noise entry's variance taken as 1.
          .init("the uniform entries' variance taken as 1, not 1/3 (added)") { ratioExcess(variance: 1) },
        ]),
      InequalityCheck(
        id: "C3-head-scaling",
        statement:
          "[paper] at fixed L the Monte Carlo mean square falls by a factor in [3, 5.3] when H is multiplied by 4 (MSE ∝ 1/H, RMS ∝ H^-1/2): the largest excursion of the factors outside the band",
        value: { factorExcursion(overHeads: true, hypothesis: 4) }, .lessThanOrEqual, bound: { 0 },
        controls: [
          .init("fluctuation MSE ∝ 1/H² (a factor 16, band [12, 21.2])") {
            factorExcursion(overHeads: true, hypothesis: 16)
          }
        ]),
      InequalityCheck(
        id: "C3-depth-scaling",
        statement:
          "[derived] at fixed H the Monte Carlo mean square falls by a factor in [3, 5.3] when L is multiplied by 4 (MSE ∝ 1/L): the largest excursion of the factors outside the band",
        value: { factorExcursion(overHeads: false, hypothesis: 4) }, .lessThanOrEqual, bound: { 0 },
        controls: [
          // The spec gives this check no control: the paper's L^-1/3 bound taken as the rate.
          .init("MSE ∝ L^-2/3, the paper's L^-1/3 bound as the rate (factor 4^(2/3), added)") {
            factorExcursion(overHeads: false, hypothesis: T.exp(T.log(T(4)) * T(Rational(2, 3))))
          }
        ]),
    ]
  }

  func record(in measurements: Measurements) {
    for (depth, value) in zip(sensitivityDepths, scaledSensitivities) {
      measurements.record("C3_LS_L\(depth)", value)
    }
    if let limit = try? limit() { measurements.record("C3_S_inf", limit) }
    let double = { (x: Double) in BigFloat(x, precision: 53) }
    for pair in pairs {
      let suffix = "H\(pair.heads)_L\(pair.depth)"
      let estimate = estimates[pair]!
      measurements.record("C3_mc_\(suffix)", double(estimate.mean))
      measurements.record("C3_mc_rel_se_\(suffix)", double(estimate.relativeStandardError))
      measurements.record("C3_lr_\(suffix)", linearResponse(pair))
      measurements.record("C3_ratio_\(suffix)", monteCarlo(pair) / linearResponse(pair))
    }
    for overHeads in [true, false] {
      for (label, factor) in factors(overHeads: overHeads) {
        measurements.record("C3_factor_\(label)", factor)
      }
    }
  }
}
