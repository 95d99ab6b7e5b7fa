import Numeric

/// The soft committee machine of C7: `K` students with output weights frozen (at 1 on the
/// plateau), all equal to one vector `u`, against a unit-orthonormal teacher of `K` units in
/// `ℝ^d`; only `W` varies.
struct CommitteeFamily: Sendable {
  var students: Int
  var dimension: Int
  var seed: UInt64

  var teacher: Teacher { .householder(seed: seed, dimension: dimension, count: students) }

  /// Every student at `u = scale · Σⱼ vⱼ`, outputs `output`, with `W` variable.
  private func plateau(
    _ activation: StudentActivation, scale: @escaping @Sendable () -> BigFloat, output: Int
  ) -> StudentConfiguration {
    let (teacher, k) = (teacher, students)
    let loss = PopulationLoss(activation: activation, teacher: teacher, students: k)
    return StudentConfiguration(
      loss: loss,
      point: {
        let u = teacher.unitSum(0..<k, scaledBy: scale())
        return (0..<k).flatMap { _ in u } + Array(repeating: BigFloat(output), count: k)
      },
      variableCount: k * teacher.dimension, explicitGradient: activation == .relu)
  }

  /// `u = w* = c* Σⱼ vⱼ`, `c* = 1/√(K(2K−1))`, times `scaleFactor`, with outputs `output`.
  func erfPlateau(scaleFactor: Rational = 1, output: Int = 1) -> StudentConfiguration {
    let k = students
    return plateau(
      .erf, scale: { ClosedForms.averagingScale(k) * BigFloat(scaleFactor) }, output: output)
  }

  /// `u = (s*_K/K) Σⱼ vⱼ/√K` with outputs `output`: all students aligned, so the explicit
  /// ReLU gradient.
  func reluPlateau(output: Int = 1) -> StudentConfiguration {
    let k = students
    return plateau(
      .relu, scale: { ClosedForms.reluProduct(k) / (BigFloat(k) * BigFloat.sqrt(BigFloat(k))) },
      output: output)
  }

  /// `Q = |u|²` and `Rⱼ = u·vⱼ` (every `j`) of a plateau point, at the working precision.
  func overlaps(_ configuration: StudentConfiguration) -> (q: BigFloat, r: [BigFloat]) {
    let u = Array(configuration.point().prefix(dimension))
    let v: [[BigFloat]] = teacher.vectors()
    return (u.dot(u), v.map { u.dot($0) })
  }
}
