import Numeric

/// The exact decision of one statement: whether it holds, what was compared or the witness
/// that it does not, and a discrepancy (0 when it holds) for the report's measured column.
public struct ExactOutcome: Sendable {
  public var holds: Bool
  /// When it holds, what was compared; when it does not, the witness.
  public var evidence: String
  /// `|lhs − rhs|` of a rational identity, the difference of two counts, the number of
  /// offending items; zero exactly when the statement holds.
  public var discrepancy: Rational

  public init(holds: Bool, evidence: String, discrepancy: Rational) {
    self.holds = holds
    self.evidence = evidence
    self.discrepancy = discrepancy
  }

  /// `lhs = rhs` for rationals; the witness shows both sides.
  public static func equal(_ lhs: Rational, _ rhs: Rational, _ what: String) -> ExactOutcome {
    ExactOutcome(
      holds: lhs == rhs,
      evidence: lhs == rhs ? "\(what) = \(lhs)" : "\(what): \(lhs) ≠ \(rhs)",
      discrepancy: (lhs - rhs).magnitude)
  }

  /// `lhs = rhs` entry by entry; the witness is the first entry that differs, and the
  /// discrepancy the largest `|lhsᵢ − rhsᵢ|`.
  public static func equal(_ lhs: [Rational], _ rhs: [Rational], _ what: String) -> ExactOutcome {
    guard lhs.count == rhs.count else {
      return ExactOutcome(
        holds: false, evidence: "\(what): \(lhs.count) entries against \(rhs.count)",
        discrepancy: Rational(abs(lhs.count - rhs.count)))
    }
    var comparison = EntrywiseEquality()
    for (a, b) in zip(lhs, rhs) { comparison.compare(a, b) }
    return comparison.outcome(what)
  }

  /// ``equal(_:_:_:)`` for two sequences compared as they are produced, entry by entry, so
  /// that neither is held: a run of exact iterates whose entries grow checks an identity at
  /// every step without keeping the steps.
  public struct EntrywiseEquality: Sendable {
    public private(set) var count = 0
    /// The first entry that differs: its index and both sides.
    private var witness: (index: Int, lhs: Rational, rhs: Rational)?
    private var largest = Rational(0)

    public init() {}

    public mutating func compare(_ lhs: Rational, _ rhs: Rational) {
      if lhs != rhs {
        largest = Swift.max(largest, (lhs - rhs).magnitude)
        if witness == nil { witness = (count, lhs, rhs) }
      }
      count += 1
    }

    public func outcome(_ what: String) -> ExactOutcome {
      guard let witness else {
        return ExactOutcome(holds: true, evidence: "\(what): all \(count) entries equal", discrepancy: 0)
      }
      return ExactOutcome(
        holds: false, evidence: "\(what)[\(witness.index)]: \(witness.lhs) ≠ \(witness.rhs)",
        discrepancy: largest)
    }
  }

  /// `lhs = rhs` for counts.
  public static func equal(_ lhs: Int, _ rhs: Int, _ what: String) -> ExactOutcome {
    equal(Rational(lhs), Rational(rhs), what)
  }

  /// Equality of two finite sets; the witness is an element of the symmetric difference (the
  /// least in `order`), the discrepancy the size of the symmetric difference.
  public static func equal<Element: Hashable>(
    _ lhs: Set<Element>, _ rhs: Set<Element>, _ what: String,
    order: (Element, Element) -> Bool, describe: (Element) -> String = { "\($0)" }
  ) -> ExactOutcome {
    let difference = lhs.symmetricDifference(rhs)
    guard let witness = difference.min(by: order) else {
      return ExactOutcome(
        holds: true, evidence: "\(what): the same \(lhs.count) elements", discrepancy: 0)
    }
    let side = lhs.contains(witness) ? "only on the left" : "only on the right"
    return ExactOutcome(
      holds: false, evidence: "\(what): \(describe(witness)) is \(side)",
      discrepancy: Rational(difference.count))
  }

  /// A condition decided by the caller, with what it showed and the witness if false.
  public static func condition(
    _ holds: Bool, _ evidence: @autoclosure () -> String, witness: @autoclosure () -> String
  ) -> ExactOutcome {
    ExactOutcome(
      holds: holds, evidence: holds ? evidence() : witness(), discrepancy: Rational(holds ? 0 : 1))
  }

  /// Every outcome holds; otherwise the first that does not is the witness, and the
  /// discrepancy is the largest.
  public static func all(_ outcomes: [ExactOutcome], _ what: String) -> ExactOutcome {
    let largest = outcomes.map(\.discrepancy).max() ?? Rational(0)
    guard let first = outcomes.first(where: { !$0.holds }) else {
      return ExactOutcome(
        holds: true, evidence: "\(what): all \(outcomes.count) hold", discrepancy: 0)
    }
    return ExactOutcome(holds: false, evidence: first.evidence, discrepancy: largest)
  }
}
