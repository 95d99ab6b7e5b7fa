import Numeric

/// The box a statement's variables range over, `x=-1..1,y=0..2`: each end a rational read
/// exactly (``NumberSyntax``), so sample points are exact rationals a reader can reproduce.
public struct VariableBox: Sendable {
  public let ranges: [(name: String, range: ClosedRange<Rational>)]

  /// - Throws: `UsageError` for a variable named twice or an empty interval.
  public init(_ ranges: [(name: String, range: ClosedRange<Rational>)]) throws(UsageError) {
    for (i, entry) in ranges.enumerated() {
      guard !ranges[..<i].contains(where: { $0.name == entry.name }) else {
        throw UsageError("variable \(entry.name) has two ranges")
      }
      guard entry.range.lowerBound < entry.range.upperBound else {
        throw UsageError(
          "the range of \(entry.name) is empty: \(entry.range.lowerBound)..\(entry.range.upperBound)"
            + " needs a < b")
      }
    }
    self.ranges = ranges
  }

  public var names: [String] { ranges.map(\.name) }

  /// Parses `NAME=a..b[,NAME=a..b]...` (the `--range` of a statement).
  public static func parse(_ text: String) throws(UsageError) -> VariableBox {
    var ranges: [(name: String, range: ClosedRange<Rational>)] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty else {
        throw UsageError(
          "malformed range '\(EchoedInput.cut(String(item)))'; expected NAME=a..b, such as x=-1..1")
      }
      ranges.append((String(parts[0]), try interval(parts[1], of: String(parts[0]))))
    }
    return try VariableBox(ranges)
  }

  /// `a..b` with rationals `a < b`.
  public static func interval(
    _ text: Substring, of name: String
  ) throws(UsageError) -> ClosedRange<Rational> {
    let ends = text.split(separator: "..", omittingEmptySubsequences: false)
    guard ends.count == 2, let low = NumberSyntax.rational(ends[0]),
      let high = NumberSyntax.rational(ends[1])
    else {
      throw UsageError(
        "malformed range of \(name) '\(EchoedInput.cut(String(text)))'; expected a..b with "
          + "rationals (\(NumberSyntax.rationalForms)), such as -1..1")
    }
    guard low < high else { throw UsageError("the range of \(name) is empty: \(text) needs a < b") }
    return low...high
  }

  /// `count` points drawn uniformly from the box by SplitMix64, each coordinate `a + (b − a)·u`
  /// with `u` an exact dyadic uniform, variable by variable in the box's order.
  func points(_ count: Int, seed: UInt64) -> [[Rational]] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      ranges.map { $0.range.lowerBound + ($0.range.upperBound - $0.range.lowerBound) * generator.nextUniform() }
    }
  }

  /// `value` moved into the range of variable `i`.
  func clamp(_ value: Rational, _ i: Int) -> Rational {
    min(max(value, ranges[i].range.lowerBound), ranges[i].range.upperBound)
  }

  /// `x = 1/3, y = -0.25`: every coordinate exactly (a decimal when it terminates).
  func describe(_ point: [Rational]) -> String {
    guard !point.isEmpty else { return "no variables" }
    return zip(ranges, point).map { "\($0.name) = \(Self.exact($1))" }.joined(separator: ", ")
  }

  /// A rational in decimal, as `verify identity` prints its points, when it is dyadic and
  /// 256 bits hold it exactly; else `p/q`.
  static func exact(_ q: Rational) -> String {
    let bits = q.denominator.bitWidth
    guard bits + q.numerator.bitWidth <= 240,
      Rational(q.denominator) == Rational.pow(Rational(2), bits - 1)
    else { return q.description }
    return DecimalFormat.full(BigFloat(q, precision: 256))
  }
}
