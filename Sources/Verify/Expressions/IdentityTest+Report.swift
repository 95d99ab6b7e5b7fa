import Numeric

extension IdentityTest {
  /// Three lines: the verdict with what was tested, the deciding point and its ladder, and the
  /// negative control.
  public var text: String {
    let point = worst
    let ladder = point.rungs.map { "\($0.bits) bits \(DecimalFormat.short($0.value))" }
    let role =
      switch verdict {
      case .fail: "witness"
      case .inconclusive, .notApplicable: "undecided"
      case .pass, .proved: "largest residual"
      }
    return """
      \(verdict.rawValue): \(statement) at \(points.count) random \
      point\(points.count == 1 ? "" : "s") in [\(range.lowerBound), \(range.upperBound)] \
      (seed \(seed))
      \(role) at \(IdentityTest.describe(point)): \(point.why)\
      \(ladder.isEmpty ? "" : "; residual " + ladder.joined(separator: ", "))
      \(controlText)

      """
  }

  /// The control's outcome in one line.
  private var controlText: String {
    let name = "negative control (the right side perturbed by 2^-40 relative)"
    guard let control else {
      return "\(name): not rejected: no point's residual reached 2^-50, so the test cannot tell "
        + "the identity from its perturbation"
    }
    return "\(name): rejected at \(IdentityTest.describe(control)): \(control.why)"
  }

  public var json: String {
    JSON.object([
      ("statement", .string(statement)),
      ("verdict", .string(verdict.rawValue)),
      ("seed", .string(String(seed))),
      (
        "range",
        .array([.string(range.lowerBound.description), .string(range.upperBound.description)])
      ),
      ("worst", IdentityTest.json(worst)),
      ("negativeControl", control.map(IdentityTest.json) ?? .null),
      ("points", .array(points.map(IdentityTest.json))),
      ("mpfr", .string(Versions.mpfr)),
      ("gmp", .string(Versions.gmp)),
    ]).render() + "\n"
  }

  /// `x = 0.25, y = -0.5`, exactly (the coordinates are dyadic rationals), or `no variables`.
  static func describe(_ point: Point) -> String {
    guard !point.coordinates.isEmpty else { return "no variables" }
    return point.coordinates.map { "\($0.name) = \(exact($0.value))" }.joined(separator: ", ")
  }

  /// The exact decimal expansion of a coordinate (a dyadic rational with at most 53 bits).
  private static func exact(_ value: Rational) -> String {
    DecimalFormat.full(BigFloat(value, precision: 256))
  }

  private static func json(_ point: Point) -> JSON {
    .object([
      ("point", .object(point.coordinates.map { ($0.name, .string(exact($0.value))) })),
      ("holds", .bool(point.holds)),
      ("verdict", .string(point.verdict.rawValue)),
      ("detail", .string(point.why)),
      (
        "ladder",
        .array(
          point.rungs.map {
            .object([("bits", .number($0.bits)), ("value", .string(DecimalFormat.json($0.value)))])
          })
      ),
    ])
  }
}
