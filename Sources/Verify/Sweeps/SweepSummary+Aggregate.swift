import Numeric

/// Per check across the instances of a sweep: how many of each verdict, and the worst
/// measured value. "Worst" is the largest magnitude for quantities that must vanish
/// (identity residuals, gradient norms, exact discrepancies) and the smallest effect for a
/// counterexample; an inequality's value or a rate's slope has no worse side in general, so
/// both ends of its range are given.
extension SweepSummary {
  public struct CheckAggregate: Sendable, Equatable {
    public var id: String
    public var kind: String
    /// The count of each verdict, in `Verdict.allCases` order.
    public var counts: [(verdict: String, count: Int)]
    /// The worst measured value and the row it came from (for ranges, the low end).
    public var worst: (value: String, row: Row)?
    /// The high end, for kinds reported as a range.
    public var highest: (value: String, row: Row)?

    public static func == (a: CheckAggregate, b: CheckAggregate) -> Bool {
      a.id == b.id && a.kind == b.kind && a.counts.map(\.count) == b.counts.map(\.count)
        && a.worst?.value == b.worst?.value && a.highest?.value == b.highest?.value
    }
  }

  /// One aggregate per check id, in the order the checks first appear.
  public var aggregates: [CheckAggregate] {
    var order: [(id: String, kind: String)] = []
    for row in rows {
      for check in row.checks where !order.contains(where: { $0.id == check.id }) {
        order.append((check.id, check.kind))
      }
    }
    return order.map { id, kind in
      let entries = rows.compactMap { row in row.checks.first { $0.id == id }.map { (row, $0) } }
      let counts = Verdict.allCases.map { verdict in
        (verdict.rawValue, entries.filter { $0.1.verdict == verdict.rawValue }.count)
      }
      let measured = entries.compactMap { row, check -> (Rational, String, Row)? in
        guard let text = check.measured, let value = DecimalAgreement.decimal(text)?.value else {
          return nil
        }
        return (value, text, row)
      }
      // Stable order: the first row wins ties.
      let byValue = measured.enumerated().sorted {
        $0.element.0 != $1.element.0 ? $0.element.0 < $1.element.0 : $0.offset < $1.offset
      }.map(\.element)
      let byMagnitude = measured.enumerated().sorted {
        $0.element.0.magnitude != $1.element.0.magnitude
          ? $0.element.0.magnitude > $1.element.0.magnitude : $0.offset < $1.offset
      }.map(\.element)
      let pick = { (entry: (Rational, String, Row)?) in entry.map { (value: $0.1, row: $0.2) } }
      switch CheckKind(rawValue: kind) {
      case .counterexample:
        return CheckAggregate(id: id, kind: kind, counts: counts, worst: pick(byValue.first))
      case .inequality, .rate:
        return CheckAggregate(
          id: id, kind: kind, counts: counts, worst: pick(byValue.first),
          highest: pick(byValue.last))
      default:
        return CheckAggregate(id: id, kind: kind, counts: counts, worst: pick(byMagnitude.first))
      }
    }
  }
}
