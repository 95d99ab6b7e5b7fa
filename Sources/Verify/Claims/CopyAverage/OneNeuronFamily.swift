import Numeric

/// The one-student instances: C5 (`erf(z/√2)`) and C6 (ReLU), a unit-orthonormal Householder
/// teacher of `k` units in `ℝ^d`.
struct OneNeuronFamily: Sendable {
  var teachers: Int
  var dimension: Int
  var seed: UInt64
  var activation: StudentActivation

  var teacher: Teacher { .householder(seed: seed, dimension: dimension, count: teachers) }
  var loss: PopulationLoss { PopulationLoss(activation: activation, teacher: teacher, students: 1) }

  // MARK: erf (C5)

  /// `±(w*, a*)`, `w* = c* Σⱼ vⱼ` with `c* = 1/√(k(2k−1))` times `scaleFactor`, `a* = k`:
  /// the CA recipe for the single block of all `k` teachers.
  func erfPoint(sign: Int = 1, scaleFactor: Rational = 1) -> StudentConfiguration {
    let recipe = CopyAverageRecipe(
      partition: [teachers], rule: .matched(kappa: 1), scaleFactor: scaleFactor)
    let loss = loss
    return StudentConfiguration(
      loss: loss, point: { recipe.parameters(for: loss.teacher).map { BigFloat(sign) * $0 } })
  }

  /// The "plain mean" `w = Σⱼ vⱼ/k`, `a = k` (C5 control).
  func erfPlainMean() -> StudentConfiguration {
    .copyAverage(CopyAverageRecipe(partition: [teachers], rule: .plainMean), loss)
  }

  /// The one-neuron point of the first `k − 1` teachers, `w = c(k−1) Σ_{j<k} vⱼ`, `a = k − 1`,
  /// against all `k` (C5 control: the uncovered teacher pulls along its `v_k`).
  func erfSubset() -> StudentConfiguration {
    var covered = teacher
    covered.directions.removeLast()
    covered.norms.removeLast()
    covered.outputs.removeLast()
    let recipe = CopyAverageRecipe(partition: [teachers - 1], rule: .matched(kappa: 1))
    return StudentConfiguration(loss: loss, point: { [covered] in recipe.parameters(for: covered) })
  }

  // MARK: ReLU (C6)

  /// `(r ŵ, s*·productFactor/r)` with `ŵ = Σⱼ vⱼ/√k`: on the critical curve for factor 1.
  func reluPoint(radius: Int, productFactor: Rational = 1) -> StudentConfiguration {
    StudentConfiguration(
      loss: loss,
      point: { [self] in
        let scale = BigFloat(radius) / BigFloat.sqrt(BigFloat(teachers))
        let product: BigFloat = ClosedForms.reluProduct(teachers)
        return teacher.unitSum(0..<teachers, scaledBy: scale) + [
          product * BigFloat(productFactor) / BigFloat(radius)
        ]
      })
  }

  /// The copy direction `w = v₁` with its best product `s = (π + k − 1)/π`; aligned with `v₁`,
  /// so the gradient is the explicit one (C6 control).
  func reluCopyDirection() -> StudentConfiguration {
    let teacher = teacher
    let k = teachers
    return StudentConfiguration(
      loss: loss, point: { teacher.vector(0) + [(BigFloat.pi + BigFloat(k - 1)) / BigFloat.pi] },
      explicitGradient: true)
  }
}
