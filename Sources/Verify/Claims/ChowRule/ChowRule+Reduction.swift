import Numeric

/// C2: the DR-CPE reduction, for `R` (input-space ideals) and `R_J` (joint ideals, summed over
/// the cells `(x, y, m)`) on A, B and C.
extension ChowRule {
  static func reductionChecks(_ analyses: [DeferralAnalysis]) -> [any Check] {
    let reductions = analyses.flatMap { analysis in
      analysis.reductions.map { (name: "\(analysis.name) \($0.name)", reduction: $0) }
    }
    let a = analyses[0]
    let shift = "NC2b prior ignored: the minimiser claimed as ln r + ln 2"
    return [
      ExactCheck(
        id: "C2-first-order",
        statement: "at `σ(s(x)) = W⁺/(W⁺ + W⁻)` (`q_h/(q_h + q_e)` for `R`, the closed-form "
          + "`Q_h/(Q_h + Q_e)` for `R_J`) the gradient `½[(W⁺ + W⁻)σ − W⁺]` summed over the "
          + "cells vanishes exactly, the curvature `½(W⁺ + W⁻)σ(1 − σ)` is positive, and the "
          + "minimiser orders X as the ratio r does (discordance 0), on A, B, C",
        decide: {
          .all(reductions.map { name, reduction in firstOrderOutcome(reduction, name) }, "risks")
        },
        controls: [
          .init("NC2a not strictly proper: the hinge minimiser sign(q_h − q_e) on A") {
            let r = a.ratios
            let hinge = zip(r.inputModel.masses, r.inputExpert.masses).map { h, e in
              Rational(h > e ? 1 : (h < e ? -1 : 0))
            }
            let sets = ThresholdFamily.sets(hinge).count
            let disc = ThresholdFamily.discordantPairs(hinge, r.inputRatio).count
            return ExactOutcome(
              holds: disc == 0,
              evidence: "disc(hinge minimiser, r_M) = \(disc); its \(sets) threshold sets "
                + "against \(ThresholdFamily.sets(r.inputRatio).count) of r_M",
              discrepancy: Rational(disc))
          }
        ]),
      CriticalPointCheck(
        id: "C2-critical-point",
        statement: "`s* = ln r` is a critical point of each of the six risks (`R`, `R_J` on A, "
          + "B, C) with positive definite (diagonal) Hessian: the unique minimiser",
        inertia: Inertia(positive: reductions.count * a.problem.mass.count, negative: 0, zero: 0),
        gradientNorm: { _ in
          reductions.map { $0.reduction.gradientNorm(at: $0.reduction.logRatio()) }.maxOrNaN()!
        },
        eigenvalues: {
          reductions.flatMap { $0.reduction.risk.curvature($0.reduction.logRatio()) }
        },
        controls: [
          .init(
            shift + " (A, B, C)",
            gradientNorm: { _ in
              reductions.map { $0.reduction.gradientNorm(at: shifted($0.reduction)) }.maxOrNaN()!
            },
            eigenvalues: {
              reductions.flatMap { $0.reduction.risk.curvature(shifted($0.reduction)) }
            })
        ]),
      IdentityCheck(
        id: "C2-newton-minimum",
        statement: "Newton on each risk from `s = 0` reaches `ln r` (max deviation) and there "
          + "`R(s*) = ln 2 − JS(W⁺, W⁻)`, on A, B, C (residual: the larger of the two)",
        residual: { _ in
          try reductions.map { try $0.reduction.newtonResidual() as BigFloat }.maxOrNaN()!
        },
        controls: [
          .init(shift + ": R there against ln 2 − JS") { _ in
            reductions.map { $0.reduction.minimumResidual(at: shifted($0.reduction)).magnitude }
              .maxOrNaN()!
          }
        ]),
    ]
  }

  /// `ln r + ln 2` at the working precision.
  private static func shifted(_ reduction: DensityRatioReduction) -> [BigFloat] {
    reduction.logRatio().map { $0 + BigFloat.log(BigFloat(2)) }
  }

  private static func firstOrderOutcome(_ reduction: DensityRatioReduction, _ name: String)
    -> ExactOutcome
  {
    let sigma = zip(reduction.positive, reduction.negative).map { $0 / ($0 + $1) }
    let gradient = reduction.risk.exactGradient(atSigmoid: sigma)
    let curvature = reduction.risk.exactCurvature(atSigmoid: sigma)
    let flat = curvature.firstIndex { $0.signum <= 0 }
    let disc = ThresholdFamily.discordantPairs(sigma, reduction.ratio).count
    return .all(
      [
        .equal(
          gradient, Array(repeating: Rational(0), count: gradient.count), "\(name): ∂/∂s at σ*"),
        .condition(
          flat == nil, "\(name): curvature positive",
          witness: "\(name): curvature \(flat.map { "\(curvature[$0]) at x = \($0)" } ?? "")"),
        .equal(disc, 0, "\(name): disc(σ*, r)"),
      ], name)
  }
}
