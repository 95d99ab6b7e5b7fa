import Numeric

/// The nine wrong variants of a CA configuration that C1's machinery must reject (spec §3,
/// C1 negative controls 1–9). `G⁰` is the first averaging block, `j₀` its first teacher.
/// Each one breaks exactly one hypothesis of C1/C2: the recipe's scale or weight,
/// orthogonality, equal weights, equal norms, or the match between recipe and activation.
enum CopyAverageControl: Int, CaseIterable, Sendable {
  case scale = 1
  case output, plainMean, tiltWithin, tiltPrevious, unequalOutputs, normTwo,
    plainErf, unequalNorms

  var description: String {
    switch self {
    case .scale: "1. c(m) of G⁰ multiplied by 1 + 10⁻⁶"
    case .output: "2. a of G⁰ multiplied by 1 + 10⁻⁶"
    case .plainMean: "3. plain mean c = 1/m, a = m in every averaging block"
    case .tiltWithin: "4. v_j₀ tilted to (v_j₀ + v_j₀₊₁/4)/|·| inside G⁰"
    case .tiltPrevious: "5. v_j₀ tilted to (v_j₀ + v_j₀₋₁/4)/|·|, towards the preceding teacher"
    case .unequalOutputs: "6. unequal weights in G⁰: b_j₀ = 3/2, a = m + 1/2"
    case .normTwo: "7. teacher of norm 2 with the unit recipe c(m), a = m"
    case .plainErf: "8. plain erf(z) with the erf(z/√2) recipe c(m) = 1/√(m(2m−1))"
    case .unequalNorms: "9. unequal norms in G⁰: |v_j₀| = 3/2, unit recipe"
    }
  }

  /// The wrong configuration for `partition` against the unit-orthonormal `teacher`; nil when
  /// the control does not apply (control 5 when `G⁰` starts the teacher).
  func configuration(partition: [Int], teacher unit: Teacher) -> StudentConfiguration? {
    guard let first = CopyAverageRecipe.firstAveragingBlock(partition) else { return nil }
    let j0 = partition.prefix(first).reduce(0, +)
    var teacher = unit
    var recipe = CopyAverageRecipe(partition: partition, rule: .matched(kappa: 1))
    var activation = StudentActivation.erf
    let perturbation = 1 + Rational(1, 1_000_000)
    switch self {
    case .scale: recipe.scaleFactor = perturbation
    case .output: recipe.outputFactor = perturbation
    case .plainMean: recipe.rule = .plainMean
    case .tiltWithin: teacher.directions[j0] = Self.tilted(unit, j0, towards: j0 + 1)
    case .tiltPrevious:
      guard j0 > 0 else { return nil }
      teacher.directions[j0] = Self.tilted(unit, j0, towards: j0 - 1)
    case .unequalOutputs: teacher.outputs[j0] = Rational(3, 2)
    case .normTwo:
      teacher.norms = Array(repeating: 2, count: teacher.count)
      recipe.rule = .unitNorm(kappa: 1)
    case .plainErf: activation = .plainErf
    case .unequalNorms:
      teacher.norms[j0] = Rational(3, 2)
      recipe.rule = .unitNorm(kappa: 1)
    }
    return .copyAverage(
      recipe, PopulationLoss(activation: activation, teacher: teacher, students: partition.count))
  }

  /// `d_j + d_towards/4`, normalised by the teacher when it is used.
  private static func tilted(_ teacher: Teacher, _ j: Int, towards other: Int) -> [Rational] {
    zip(teacher.directions[j], teacher.directions[other]).map { $0 + $1 / 4 }
  }
}

extension StudentConfiguration {
  /// The configuration `recipe` builds for `loss`'s teacher.
  static func copyAverage(_ recipe: CopyAverageRecipe, _ loss: PopulationLoss)
    -> StudentConfiguration
  {
    StudentConfiguration(loss: loss, point: { recipe.parameters(for: loss.teacher) })
  }
}

extension StudentConfiguration {
  /// The naive ReLU CA point (the contrast of spec §2): copies `wᵢ = vⱼ`, `aᵢ = 1`, and for each
  /// averaging block the ReLU one-neuron optimum of its `m` teachers, `wᵢ = Σ_{G} vⱼ/√m` (unit
  /// norm) with `aᵢ = s*(m)`. Copies are aligned with their teachers, so the gradient is the
  /// explicit one.
  static func reluCopyAverage(partition: [Int], teacher: Teacher) -> StudentConfiguration {
    let loss = PopulationLoss(activation: .relu, teacher: teacher, students: partition.count)
    return StudentConfiguration(
      loss: loss,
      point: {
        var weights: [BigFloat] = []
        var outputs: [BigFloat] = []
        for block in CopyAverageRecipe.blocks(partition) {
          weights += teacher.unitSum(block, scaledBy: 1 / BigFloat.sqrt(BigFloat(block.count)))
          outputs.append(ClosedForms.reluProduct(block.count))
        }
        return weights + outputs
      }, explicitGradient: true)
  }
}
