import Foundation
import Testing

@testable import Verify
@testable import VerifyTool

/// `verify series`, driven in-process.
@Suite struct SeriesCommandTests {
  /// tan x = x + x³/3 + 2x⁵/15 + 17x⁷/315 + 62x⁹/2835 + …: every coefficient recognised exactly.
  @Test func tanCoefficientsAreExactRationals() async {
    let result = await verify("series", "tan(x)", "--at", "x=0", "--order", "9")
    #expect(result.status == 0 && result.error.isEmpty)
    let coefficients = result.output.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").last! }
    #expect(coefficients == ["0", "1", "0", "1/3", "0", "2/15", "0", "17/315", "0", "62/2835"])
  }

  /// lgamma(1 + t) = −γ t + ζ(2)/2 t² − …: irrational, so decimals, with −γ to the digits shown.
  @Test func irrationalCoefficientsPrintAsDecimals() async throws {
    let json = await verify("series", "lgamma(x)", "--at", "x=1", "--order", "2", "--format", "json")
    #expect(json.status == 0)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let coefficients = try #require(root["coefficients"] as? [[String: Any]])
    #expect(coefficients[0]["rational"] as? String == "0")
    #expect(coefficients[1]["rational"] is NSNull)
    let gamma = try #require(coefficients[1]["value"] as? String)
    #expect(gamma.hasPrefix("-5.7721566490153286060651209008240243104215933593992"))
  }

  /// Other variables are parameters given with --at; --in picks the expansion variable.
  @Test func expandsInTheNamedVariable() async {
    let result = await verify("series", "exp(a*x)", "--in", "x", "--at", "x=0", "--at", "a=2", "--order", "3")
    #expect(result.status == 0)
    #expect(result.output.hasSuffix("0: 1\n1: 2\n2: 2\n3: 4/3\n"))
  }

  @Test(arguments: [
    (["series", "x*y", "--at", "x=0", "--at", "y=1"], "name the variable to expand in with --in"),
    (["series", "x", "--in", "z", "--at", "x=0"], "variable 'z' does not occur in the expression"),
    (["series", "exp(x)", "--at", "x=0", "--order", "999"], "--order"),
  ])
  func badUsageExitsTwo(arguments: [String], message: String) async {
    let result = await verify(arguments)
    #expect(result.status == 2)
    #expect(result.error.contains(message), "\(result.error)")
  }

  @Test func aPoleExitsOne() async {
    let result = await verify("series", "gamma(x)", "--at", "x=0", "--order", "2")
    #expect(result.status == 1)
    #expect(result.output.hasSuffix("0: nan\n1: nan\n2: nan\n"))
  }
}
