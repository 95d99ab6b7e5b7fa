import Numeric

/// The C4 instance: every CA configuration of `k` unit-orthonormal teachers and `n` students
/// (one per partition of `k` into `n` parts, as multisets), ranked by the loss `Σᵢ L*(mᵢ)`, and
/// the differences of `L*` that make the ranking follow majorisation.
struct OrderingFamily: Sendable {
  var teachers: Int
  var students: Int
  /// Differences are taken up to `L*(concavityLimit)`.
  var concavityLimit: Int

  /// The predicted optimum `(k−n+1, 1, …, 1)`: `n − 1` copies and one average.
  var optimalPartition: [Int] {
    [teachers - students + 1] + Array(repeating: 1, count: students - 1)
  }

  /// The most balanced partition (block sizes differing by at most one).
  var balancedPartition: [Int] {
    let (q, r) = teachers.quotientAndRemainder(dividingBy: students)
    return Array(repeating: q + 1, count: r) + Array(repeating: q, count: students - r)
  }

  /// Every partition with its loss, by ascending loss (ties keep the enumeration order).
  func ranking() -> [(partition: [Int], loss: BigFloat)] {
    IntegerPartitions.all(of: teachers, into: students)
      .map { ($0, CopyAverageFamily.closedFormLoss($0) as BigFloat) }
      .sorted { $0.loss < $1.loss }
  }

  /// `L*(m + 1) − L*(m)` for `m = 1 … concavityLimit − 1`.
  func firstDifferences() -> [BigFloat] {
    let values: [BigFloat] = (1...concavityLimit).map { ClosedForms.averagingLoss($0) }
    return zip(values, values.dropFirst()).map { $1 - $0 }
  }

  /// `L*(m + 1) − 2L*(m) + L*(m − 1)` for `m = 2 … concavityLimit − 1`.
  func secondDifferences() -> [BigFloat] {
    let first = firstDifferences()
    return zip(first, first.dropFirst()).map { $1 - $0 }
  }

  /// The loss of "copy `n` teachers, ignore the rest" (`wᵢ = vᵢ`, `aᵢ = 1`, `i ≤ n`), by the
  /// population loss against the standard basis (the loss is rotation invariant); each
  /// ignored teacher costs `½ g(v, v) = 1/6`.
  func copyAndIgnoreLoss() -> BigFloat {
    let basis = (0..<teachers).map { j in (0..<teachers).map { Rational($0 == j ? 1 : 0) } }
    let teacher = Teacher(
      directions: basis, norms: Array(repeating: 1, count: teachers),
      outputs: Array(repeating: 1, count: teachers))
    let loss = PopulationLoss(activation: .erf, teacher: teacher, students: students)
    let copies: [BigFloat] = (0..<students).flatMap { teacher.vector($0) }
    return loss(copies + Array(repeating: 1, count: students))
  }
}
