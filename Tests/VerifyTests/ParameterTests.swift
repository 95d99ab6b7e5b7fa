import Numeric
import Testing

@testable import Verify

@Suite struct ParameterTests {
  @Test func valuesAreParsedAndValidated() throws {
    let claim = Sound()
    let run = try RunRequest(assignments: ["x=-3/2", "widths=1,2,9", "law=log", "weights=1,0.25"])
      .plan([claim])[0]
    let values = Dictionary(uniqueKeysWithValues: run.parameters.map { ($0.name, $0.value) })
    #expect(values["x"] == .rational(Rational(-3, 2)))
    #expect(values["widths"] == .integerList([1, 2, 9]))
    #expect(values["law"] == .choice("log"))
    #expect(values["points"] == .integer(5))
    #expect(values["weights"] == .rationalList([Rational(1), Rational(1, 4)]))
    #expect(run.seed == 7)
    #expect(
      run.command
        == "swift run verify sound --precision 256 --seed 7 --set x=-3/2 --set points=5 --set law=log --set widths=1,2,9 --set weights=1,1/4"
    )
  }

  static let integers = "(an integer such as 7 or -12)"
  static let rationals = "(a rational such as 3, -3/4, 0.25 or 1e-7)"

  @Test(arguments: [
    (["points=2"], "invalid value '2' for parameter points: expected an integer in 3...12 \(integers)"),
    (["points=+5"], "invalid value '+5' for parameter points: expected an integer in 3...12 \(integers)"),
    (["points=05"], "invalid value '05' for parameter points: expected an integer in 3...12 \(integers)"),
    (["points=5.0"], "invalid value '5.0' for parameter points: expected an integer in 3...12 \(integers)"),
    (["x=5"], "invalid value '5' for parameter x: expected a rational in -4...4 \(rationals)"),
    (["x=abc"], "invalid value 'abc' for parameter x: expected a rational in -4...4 \(rationals)"),
    (["x=1/-2"], "invalid value '1/-2' for parameter x: expected a rational in -4...4 \(rationals)"),
    (["x=.5"], "invalid value '.5' for parameter x: expected a rational in -4...4 \(rationals)"),
    (["law=cubic"], "invalid value 'cubic' for parameter law: expected one of power, log (a name)"),
    (
      ["widths=1,,2"],
      "invalid value '1,,2' for parameter widths: expected 1...4 comma-separated integers in 1...9 \(integers)"
    ),
    (
      ["weights=0,1"],
      "invalid value '0,1' for parameter weights: expected 1...3 comma-separated rationals in (0, 1] \(rationals)"
    ),
    (["widths=9,4"], "sound: widths sum to 13, more than 12"),
    (["depth=3"], "unknown parameter 'depth'; valid: law, points, weights, widths, x"),
    (["points"], "malformed --set 'points'; expected NAME=VALUE"),
    (["=3"], "malformed --set '=3'; expected NAME=VALUE"),
    (["points=4", "points=5"], "parameter points is set twice"),
  ])
  func badAssignmentsAreRejected(assignments: [String], message: String) {
    #expect(throws: UsageError(message)) {
      try RunRequest(assignments: assignments).plan([Sound()])
    }
  }

  @Test(arguments: [
    ("0.25", Rational(1, 4)), ("-1.5e-3", Rational(-3, 2000)), ("1e-7", Rational(1, 10_000_000)),
    ("2.5E2", Rational(250)), ("-3/4", Rational(-3, 4)), ("6/8", Rational(3, 4)), ("0", Rational(0)),
  ])
  func rationalsAreReadExactlyInOneSyntax(text: String, value: Rational) {
    #expect(NumberSyntax.rational(Substring(text)) == value)
  }

  @Test(arguments: ["+1", "01", "1/0", "1/+2", "1e", "1e+", "1.", "1e99999", " 1", "1 ", "--1", "0x10"])
  func malformedNumbersAreRefused(text: String) {
    #expect(NumberSyntax.rational(Substring(text)) == nil)
  }

  @Test(arguments: [15, 1_000_001, -1])
  func precisionOutOfRangeIsRejected(bits: Int) {
    #expect(throws: UsageError("precision \(bits) bits is out of range; use 16...1000000 bits")) {
      try RunRequest(precision: bits).plan([Sound()])
    }
  }

  @Test func unknownClaimSuggestsTheNearest() {
    #expect(
      throws: UsageError("unknown claim 'sonud'; did you mean 'sound'? `verify list` shows all 4")
    ) {
      try TestClaims.catalogue.select(["sonud"])
    }
    #expect(throws: UsageError("unknown claim 'zzzzzzzz'; `verify list` shows the 4 known claims"))
    {
      try TestClaims.catalogue.select(["zzzzzzzz"])
    }
  }

  @Test func allSelectsEachClaimOnce() throws {
    let ids = try TestClaims.catalogue.select(["false-identity", "all"]).map(\.id)
    #expect(ids == ["false-identity", "sound", "unrejected-control", "not-a-number"])
  }
}
