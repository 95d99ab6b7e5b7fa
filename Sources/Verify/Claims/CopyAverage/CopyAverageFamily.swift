import Numeric

/// The E-type instances of C1, C3 and C8: a unit-orthonormal Householder teacher of
/// `k = Σ mᵢ` units in `ℝ^d` (`d ≥ k`) and the CA configurations of two partitions of `k`.
struct CopyAverageFamily: Sendable {
  var partition: [Int]
  var secondPartition: [Int]
  var dimension: Int
  var seed: UInt64

  var teachers: Int { partition.reduce(0, +) }

  func teacher(seed other: UInt64? = nil) -> Teacher {
    .householder(seed: other ?? seed, dimension: dimension, count: teachers)
  }

  /// The `erf(z/√2)` CA configuration of `partition` (C1).
  func configuration(_ partition: [Int], seed other: UInt64? = nil) -> StudentConfiguration {
    .copyAverage(
      CopyAverageRecipe(partition: partition, rule: .matched(kappa: 1)),
      PopulationLoss(activation: .erf, teacher: teacher(seed: other), students: partition.count))
  }

  /// The plain-erf (κ = 2) CA configuration with its own recipe `c = 1/√(m(3m−2))` (C2).
  func plainErfConfiguration(_ partition: [Int]) -> StudentConfiguration {
    .copyAverage(
      CopyAverageRecipe(partition: partition, rule: .matched(kappa: 2)),
      PopulationLoss(activation: .plainErf, teacher: teacher(), students: partition.count))
  }

  /// The teacher of norm 2 with C2's matched recipe (ν = 2): control 7's variant that must be
  /// accepted.
  func normTwoConfiguration(_ partition: [Int]) -> StudentConfiguration {
    var teacher = teacher()
    teacher.norms = Array(repeating: 2, count: teacher.count)
    return .copyAverage(
      CopyAverageRecipe(partition: partition, rule: .matched(kappa: 1)),
      PopulationLoss(activation: .erf, teacher: teacher, students: partition.count))
  }

  /// The spec's negative controls 1–9 that apply to `partition`, in order.
  func controls(_ partition: [Int]) -> [(
    control: CopyAverageControl, configuration: StudentConfiguration
  )] {
    CopyAverageControl.allCases.compactMap { control in
      control.configuration(partition: partition, teacher: teacher()).map { (control, $0) }
    }
  }

  /// `Σᵢ L*(mᵢ)`, the closed form of C3.
  static func closedFormLoss<T: Scalar>(_ partition: [Int]) -> T {
    partition.reduce(T.zero) { $0 + ClosedForms.averagingLoss($1) }
  }

  /// `Σᵢ L*_plain(mᵢ)`.
  static func plainErfClosedFormLoss<T: Scalar>(_ partition: [Int]) -> T {
    partition.reduce(T.zero) { $0 + ClosedForms.plainErfAveragingLoss($1) }
  }
}

/// The G-type instance of C2: the Householder teacher with block norms `ν₁, ν₂` and block
/// weights `b₁, b₂` on a two-block partition, and C2's matched recipe.
struct GeneralizedFamily: Sendable {
  var partition: [Int]
  var norms: [Rational]
  var outputs: [Rational]
  var dimension: Int
  var seed: UInt64

  var teacher: Teacher {
    var teacher = Teacher.householder(
      seed: seed, dimension: dimension, count: partition.reduce(0, +))
    for (block, range) in CopyAverageRecipe.blocks(partition).enumerated() {
      for j in range {
        teacher.norms[j] = norms[block]
        teacher.outputs[j] = outputs[block]
      }
    }
    return teacher
  }

  var configuration: StudentConfiguration {
    .copyAverage(
      CopyAverageRecipe(partition: partition, rule: .matched(kappa: 1)),
      PopulationLoss(activation: .erf, teacher: teacher, students: partition.count))
  }

  /// `Σ_G` block loss of C2: copies contribute 0.
  func closedFormLoss<T: Scalar>() -> T {
    zip(partition, zip(norms, outputs)).reduce(T.zero) { sum, block in
      sum + ClosedForms.blockLoss(block.0, nu: block.1.0, output: block.1.1, kappa: 1)
    }
  }
}
