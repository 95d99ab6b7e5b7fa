import Foundation
import Testing

@testable import Verify
@testable import VerifyTool

private let subcommands = "run, list, eval, identity, merge, series"

/// Bad usage is one line naming what is valid, status 2, and nothing run or written.
@Suite struct UsageTests {
  @Test(arguments: [
    (["--precision", "-5", "sound"], "precision -5 bits is out of range; use 16...1000000 bits"),
    (["--precision=-5", "sound"], "precision -5 bits is out of range; use 16...1000000 bits"),
    (
      ["sound", "--seed", "-1"],
      "The value '-1' is invalid for '--seed <seed>': expected an integer in 0...18446744073709551615"
    ),
    (
      ["sound", "--seed", "18446744073709551616"],
      "The value '18446744073709551616' is invalid for '--seed <seed>': expected an integer in "
        + "0...18446744073709551615"
    ),
    (["sound", "--jobs", "-2"], "--jobs must be in 1...1024, got -2"),
    (["sound", "--jobs", "100000"], "--jobs must be in 1...1024, got 100000"),
    (["sound", "--output", ""], "--output needs a directory, got an empty path"),
    (["identity", "x = x", "--samples", "1000000000"], "--samples must be in 1...10000, got 1000000000"),
    (["identity", "x = x", "--samples", "-3"], "--samples must be in 1...10000, got -3"),
    (
      ["identity", "x = x", "--seed", "-1"],
      "The value '-1' is invalid for '--seed <seed>': expected an integer in 0...18446744073709551615"
    ),
    (["eval", "1", "--digits", "-1"], "--digits must be in 1...77 at 256 bits; raise --precision for more"),
    (["eval", "1", "--precision", "-5"], "precision -5 bits is out of range; use 16...1000000 bits"),
    (
      ["eval", "1", "--precision", "abc"],
      "The value 'abc' is invalid for '--precision <precision>': expected an integer in 16...1000000"
    ),
    (["help", "foo"], "no subcommand 'foo'; `verify help` takes one of \(subcommands), or nothing"),
    (["help", "run", "x"], "no subcommand 'x'; `verify help` takes one of \(subcommands), or nothing"),
    (
      ["eval", "1", "2"],
      "Unexpected argument '2'; usage: verify eval <expression> [--at <NAME=VALUE> ...] "
        + "[--precision <precision>] [--digits <digits>] [--format <format>]"
    ),
  ])
  func badUsageNamesWhatIsValid(arguments: [String], message: String) async {
    let outcome = await verify(arguments)
    #expect(outcome.status == 2, "\(arguments)")
    #expect(outcome.error == "verify: \(message)\n")
    #expect(outcome.output.isEmpty)
  }

  /// Every count's bound is in its help.
  @Test func helpNamesEveryBound() async {
    let words = { (arguments: String...) async in
      await verify(arguments).output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    let run = await words("run", "--help")
    #expect(run.contains("(16...1000000)") && run.contains("0...2^64-1") && run.contains("(1...1024;"))
    let identity = await words("identity", "--help")
    #expect(identity.contains("(1...10000)") && identity.contains("0...2^64-1"))
    let eval = await words("eval", "--help")
    #expect(eval.contains("(16...1000000)") && eval.contains("1...77 at 256 bits"))
  }

  /// Echoed input is cut to 80 characters, with control characters escaped, so a message
  /// stays one short line.
  @Test func echoedInputIsCutAndEscaped() async {
    let long = String(repeating: "x+", count: 50_000)
    let parse = await verify("eval", long)
    #expect(parse.status == 2)
    let cut = String(repeating: "x+", count: 39) + "x… (100000 characters)"
    #expect(parse.error.hasPrefix("verify: cannot parse expression '\(cut)': at position 100000"))
    let claim = await verify("no\u{1B}[2Jclaim\nnext" + long)
    #expect(claim.error.hasPrefix("verify: unknown claim 'no\\u{1B}[2Jclaim\\nnextx+x+"))
    #expect(claim.error.count < 200 && claim.error.filter(\.isNewline).count == 1)
    let option = await verify("sound", "--seed", long)
    #expect(option.error.hasPrefix("verify: The value '\(cut)' is invalid for '--seed <seed>'"))
  }

  /// `@FILE` and `-` read the expression from a file or standard input: longer than any
  /// command line, and spread over lines.
  @Test func expressionsComeFromFilesAndStandardInput() async throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("claimcheck-usage-\(UUID().uuidString).txt")
    defer { try? FileManager.default.removeItem(at: file) }
    try (Array(repeating: "x", count: 100_000).joined(separator: " +\n") + "\n")
      .write(to: file, atomically: true, encoding: .utf8)
    let sum = await verify("eval", "@" + file.path, "--at", "x=1/2")
    #expect(sum.status == 0 && sum.output == "5e4\n")
    let piped = await verify(["identity", "-", "--samples", "2"], input: "sin(x)^2 +\n cos(x)^2 = 1\n")
    #expect(piped.status == 0 && piped.output.hasPrefix("pass: cos(x)^2 + sin(x)^2 = 1"))
    let stdin = await verify(["eval", "-", "--at", "x=3"], input: "x^2")
    #expect(stdin.output == "9\n")
    let missing = await verify("eval", "@/no/such/file")
    #expect(missing.status == 2)
    #expect(missing.error == "verify: cannot read the expression from file '/no/such/file': no such file\n")
    let directory = await verify("identity", "@/")
    #expect(directory.error == "verify: cannot read the expression from file '/': it is a directory\n")
  }
}
