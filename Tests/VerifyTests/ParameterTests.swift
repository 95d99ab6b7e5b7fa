import Numeric
import Testing

@testable import Verify

@Suite struct ParameterTests {
  @Test func valuesAreParsedAndValidated() throws {
    let claim = Sound()
    let run = try RunRequest(assignments: ["x=-3/2", "widths=1,2,9", "law=log"]).plan([claim])[0]
    let values = Dictionary(uniqueKeysWithValues: run.parameters.map { ($0.name, $0.value) })
    #expect(values["x"] == .rational(Rational(-3, 2)))
    #expect(values["widths"] == .integerList([1, 2, 9]))
    #expect(values["law"] == .choice("log"))
    #expect(values["points"] == .integer(5))
    #expect(run.seed == 7)
    #expect(
      run.command
        == "swift run verify sound --precision 256 --seed 7 --set x=-3/2 --set points=5 --set law=log --set widths=1,2,9"
    )
  }

  @Test(arguments: [
    (["points=2"], "invalid value '2' for parameter points: expected an integer in 3...12"),
    (["x=5"], "invalid value '5' for parameter x: expected a rational in -4...4"),
    (["x=abc"], "invalid value 'abc' for parameter x: expected a rational in -4...4"),
    (["law=cubic"], "invalid value 'cubic' for parameter law: expected one of power, log"),
    (
      ["widths=1,,2"],
      "invalid value '1,,2' for parameter widths: expected 1...4 comma-separated integers in 1...9"
    ),
    (["depth=3"], "unknown parameter 'depth'; valid: law, points, widths, x"),
    (["points"], "malformed --set 'points'; expected NAME=VALUE"),
    (["=3"], "malformed --set '=3'; expected NAME=VALUE"),
    (["points=4", "points=5"], "parameter points is set twice"),
  ])
  func badAssignmentsAreRejected(assignments: [String], message: String) {
    #expect(throws: UsageError(message)) {
      try RunRequest(assignments: assignments).plan([Sound()])
    }
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
