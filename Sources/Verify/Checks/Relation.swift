import Numeric

/// An order relation between a value and a bound.
public enum Relation: String, Sendable, Hashable, CaseIterable {
  case lessThan = "<"
  case lessThanOrEqual = "<="
  case greaterThan = ">"
  case greaterThanOrEqual = ">="

  /// Whether `value relation bound` holds (false when either is NaN).
  public func holds(_ value: BigFloat, _ bound: BigFloat) -> Bool {
    switch self {
    case .lessThan: value < bound
    case .lessThanOrEqual: value <= bound
    case .greaterThan: value > bound
    case .greaterThanOrEqual: value >= bound
    }
  }
}
