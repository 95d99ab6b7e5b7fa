import Numeric

/// C4: among CA configurations the optimum is `n − 1` copies and one average, unique with a
/// gap, the ranking follows majorisation, and `L*` is strictly increasing and concave.
extension CopyAverage {
  func measureOrdering(_ instance: Instance, _ measurements: Measurements) {
    let family = instance.ordering
    let (k, n) = (family.teachers, family.students)
    let ranking = family.ranking()
    let loss = { (partition: [Int]) in ranking.first { $0.partition == partition }!.loss }
    let copyIgnore = family.copyAndIgnoreLoss()
    /// The smallest loss among the CA partitions other than `partition`, minus its own.
    let gapBelow = { (partition: [Int]) in
      ranking.filter { $0.partition != partition }.map(\.loss).minOrNaN()! - loss(partition)
    }
    let optimal = family.optimalPartition
    let threshold = BigFloat(Rational(1, 1000))
    let spread = ranking.last!.loss - ranking.first!.loss
    measurements.add(
      InequalityCheck(
        id: "c4-optimal-ca",
        statement: "C4: for k = \(k), n = \(n), the CA optimum is (\(Self.list(optimal))) "
          + "(n − 1 copies, one average), below every other CA partition and below \"copy n, "
          + "ignore the rest\" by at least 1/1000 (value: the gap)",
        value: { BigFloat.minimum(gapBelow(optimal), copyIgnore - loss(optimal)) },
        .greaterThanOrEqual, bound: { threshold },
        controls: [
          .init(
            "the balanced partition (\(Self.list(family.balancedPartition))) is optimal",
            value: { gapBelow(family.balancedPartition) }),
          .init(
            "the loss is the same for every CA partition (spread <= 2^(20−p))", value: { -spread },
            bound: { -BigFloat.pow(2, 20 - instance.precision) }),
          .init(
            "copy n teachers and ignore the rest is optimal",
            value: { ranking[0].loss - copyIgnore }),
        ]))
    let pairs = ranking.flatMap { p in
      ranking.filter { q in
        q.partition != p.partition && IntegerPartitions.majorizes(p.partition, q.partition)
      }
      .map { q in (p.loss, q.loss) }
    }
    measurements.add(
      InequalityCheck(
        id: "c4-majorisation",
        statement: "C4: Σᵢ L*(mᵢ) is strictly Schur-concave on the partitions of \(k) into \(n): "
          + "p majorising q implies loss(p) < loss(q) (value: the smallest loss(q) − loss(p) "
          + "over the \(pairs.count) majorising pairs)",
        value: { pairs.map { $0.1 - $0.0 }.minOrNaN()! }, .greaterThan, bound: { 0 },
        controls: [
          .init(
            "balance lowers the loss: loss(q) < loss(p)",
            value: { pairs.map { $0.0 - $0.1 }.minOrNaN()! })
        ]))
    let limit = family.concavityLimit
    let second = family.secondDifferences()
    let first = family.firstDifferences()
    let rounding = BigFloat.pow(2, 20 - instance.precision)
    let linear = { (m: Int) in BigFloat(m) * (1 / BigFloat(6) - 1 / (2 * BigFloat.pi)) }
    measurements.add(
      InequalityCheck(
        id: "c4-concave",
        statement: "C4: L*(m + 1) − 2L*(m) + L*(m − 1) < 0 for m = 2…\(limit - 1), by more than "
          + "rounding (value: the largest second difference)",
        value: { second.maxOrNaN()! }, .lessThanOrEqual, bound: { -rounding },
        controls: [
          .init(
            "the linear asymptote m(1/6 − 1/(2π)) is strictly concave",
            value: {
              (2..<limit).map { linear($0 + 1) - 2 * linear($0) + linear($0 - 1) }.maxOrNaN()!
            })
        ]))
    measurements.add(
      InequalityCheck(
        id: "c4-increasing",
        statement:
          "C4: L*(m + 1) − L*(m) > 0 for m = 1…\(limit - 1) (value: the smallest first difference)",
        value: { first.minOrNaN()! }, .greaterThanOrEqual, bound: { rounding },
        controls: [
          .init(
            "L*(m) − m/6, without the averaged teachers' self term, increases",
            value: {
              first.map { $0 - 1 / BigFloat(6) }.minOrNaN()!
            })
        ]))
    measurements.record("order_optimal_loss", ranking[0].loss)
    measurements.record("order_optimal_partition", text: Self.list(ranking[0].partition))
    measurements.record("order_runner_up_loss", ranking[1].loss)
    measurements.record("order_copy_ignore_loss", copyIgnore)
    measurements.record("order_max_second_difference", second.maxOrNaN()!)
    measurements.record("order_min_first_difference", first.minOrNaN()!)
  }
}
