import Numeric

/// How a run at batch `κB` is derived from the base run (`η`, `ρ = 1 − βη`, noise `γ/η`, `n`
/// steps): the EMA Scaling Rule and the variants the spec says break it or are equivalent to it.
/// Every variant takes `n/κ` steps, so it covers the same time `T`.
enum ScalingRule: String, CaseIterable, Sendable {
  /// The paper's rule: learning rate `κη`, batch `κB` (noise `γ/(κη)`), momentum `ρ^κ`.
  case emaRule = "rule"
  /// C4 (i): momentum left at `ρ`.
  case unscaledMomentum = "unscaled_momentum"
  /// C4 (ii): learning rate `κη` but the batch not scaled (noise stays `γ/η`).
  case batchNotScaled = "batch_not_scaled"
  /// C4 (iii): learning rate `√κ·η` (the Adam rule) used with SGD.
  case squareRootLearningRate = "sqrt_lr"
  /// C1's alternative `ρ̂ = 1 − κ(1 − ρ)`: first-order equivalent to the rule.
  case linearMomentum = "linear_momentum"

  /// The three variants C4 says keep the discrepancy bounded away from 0.
  static var broken: [ScalingRule] { [.unscaledMomentum, .batchNotScaled, .squareRootLearningRate] }

  /// What the variant does, for statements and control names.
  var summary: String {
    switch self {
    case .emaRule: "the EMA Scaling Rule (lr κη, batch κB, momentum ρ^κ)"
    case .unscaledMomentum: "momentum left unscaled (ρ̂ = ρ)"
    case .batchNotScaled: "lr scaled by κ, batch not scaled (noise γ/η per step)"
    case .squareRootLearningRate: "square-root lr scaling √κ·η (the Adam rule) with SGD"
    case .linearMomentum: "the linear momentum rule ρ̂ = 1 − κ(1 − ρ)"
    }
  }

  /// The run at base step `eta` scaled by `kappa` (κ = 1 with ``emaRule`` is the base run), at
  /// the working precision. `T/(κη)` must be an integer (checked by the claim's instance).
  func run(_ model: LinearEMAModel, step eta: Rational, kappa: Int) -> MomentRecursion<BigFloat> {
    let k = Rational(kappa)
    let rho = 1 - model.beta * eta
    let steps = model.horizon / (k * eta)
    precondition(steps.isInteger, "T/(κη) = \(steps) is not an integer")
    let count = steps.numerator.intValue!
    let ruleMomentum = Rational.pow(rho, kappa)
    let learningRate = self == .squareRootLearningRate
      ? BigFloat.sqrt(BigFloat(k)) * BigFloat(eta) : BigFloat(k * eta)
    let momentum: Rational =
      switch self {
      case .unscaledMomentum: rho
      case .linearMomentum: 1 - k * (1 - rho)
      default: ruleMomentum
      }
    let noise = self == .batchNotScaled ? model.gamma / eta : model.gamma / (k * eta)
    return MomentRecursion(
      learningRate: learningRate, momentum: BigFloat(momentum), noiseVariance: BigFloat(noise),
      steps: count)
  }
}
