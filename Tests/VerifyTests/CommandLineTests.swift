import Foundation
import Testing

@testable import Verify
@testable import VerifyCommandLine

/// The command line's contract, driven in-process with the test catalogue.
@Suite struct CommandLineTests {
  func temporaryDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-\(UUID().uuidString)")
  }

  @Test func listShowsEveryClaim() async throws {
    let text = await verify(["list"])
    #expect(text.status == 0)
    for claim in TestClaims.catalogue.claims { #expect(text.output.contains(claim.id)) }
    #expect(text.output.contains("--set points=5  an integer in 3...12: points of the rate fit"))
    #expect(
      text.output.contains(
        "--set weights=1/2,1/2  1...3 comma-separated rationals in (0, 1]: weights in (0, 1]"))
    #expect(text.output.contains("a rational such as 3, -3/4, 0.25 or 1e-7 (read exactly)"))
    let json = await verify(["list", "--format", "json"])
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect((root["claims"] as? [Any])?.count == TestClaims.catalogue.claims.count)
    let sound = try #require((root["claims"] as? [[String: Any]])?.first { $0["id"] as? String == "sound" })
    let kinds = (sound["parameters"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
    #expect(kinds == ["rational", "integer", "choice", "integer list", "rational list"])
  }

  @Test func exitStatusFollowsTheVerdicts() async {
    let pass = await verify(["sound", "--quiet"], terminal: true)
    #expect(pass.status == 0 && pass.error.isEmpty)
    #expect(pass.output.hasPrefix("# True statements of every kind"))
    #expect(await verify(["false-identity"]).status == 1)
    #expect(await verify(["unrejected-control", "--format", "json"]).status == 1)
    let both = await verify(["sound", "not-a-number", "--jobs", "2"], terminal: true)
    #expect(both.status == 1)
    #expect(both.error.contains("[2/2]"), "progress: \(both.error)")
    #expect(both.output.contains("\n---\n"))
  }

  @Test func helpExplainsExitStatus() async {
    for arguments in [["--help"], ["run", "--help"]] {
      let help = await verify(arguments)
      #expect(help.status == 0)
      let words = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(words.contains("Exit status: 0 when every selected claim passed, 1 when any failed"))
    }
  }

  /// Each subcommand's help lists its own options, asked either way; the root's help (which
  /// also explains the exit status) must not stand in for it.
  @Test(arguments: [
    (["run", "--help"], "--output <output>"), (["help", "run"], "--jobs <jobs>"),
    (["sound", "--help"], "--set <NAME=VALUE>"), (["list", "-h"], "USAGE: verify list"),
    (["eval", "--help"], "--at <NAME=VALUE>"), (["help", "identity"], "--samples <samples>"),
  ])
  func subcommandHelpIsItsOwn(arguments: [String], expected: String) async {
    let help = await verify(arguments)
    #expect(help.status == 0 && help.error.isEmpty)
    #expect(help.output.contains(expected), "\(arguments): \(help.output)")
    #expect(!help.output.contains("SUBCOMMANDS:"))
  }

  @Test(arguments: [
    (["nosuch"], "unknown claim 'nosuch'; `verify list` shows the 4 known claims"),
    (["sonud"], "unknown claim 'sonud'; did you mean 'sound'? `verify list` shows all 4"),
    (["sound", "--set", "widths=9,9"], "sound: widths sum to 18, more than 12"),
    (["sound", "--set", "depth=2"], "unknown parameter 'depth'; valid: law, points, weights, widths, x"),
    (
      ["sound", "--set", "points=many"],
      "invalid value 'many' for parameter points: expected an integer in 3...12 "
        + "(an integer such as 7 or -12)"
    ),
    (["sound", "--set", "points"], "malformed --set 'points'; expected NAME=VALUE"),
    (["sound", "--precision", "15"], "precision 15 bits is out of range; use 16...1000000 bits"),
    (
      ["sound", "--precision", "1000001"],
      "precision 1000001 bits is out of range; use 16...1000000 bits"
    ),
    (
      ["sound", "--precision", "lots"],
      "The value 'lots' is invalid for '--precision <precision>': expected an integer in 16...1000000"
    ),
    (
      ["sound", "--seed", "0x1"],
      "The value '0x1' is invalid for '--seed <seed>': expected an integer in 0...18446744073709551615"
    ),
    (
      ["sound", "--format", "html"],
      "The value 'html' is invalid for '--format <format>'. Please provide one of 'markdown' and 'json'."
    ),
    (["sound", "--jobs", "0"], "--jobs must be in 1...1024, got 0"),
    (["sound", "--output", "/dev/null"], "output '/dev/null' is not a directory"),
    (
      ["sound", "--output", "/dev/null/reports"],
      "output directory '/dev/null/reports' cannot be created in '/dev/null'"
    ),
    // Permission bits say "writable" to root here; only a real write tells.
    (["sound", "--output", "/proc/reports"], "output directory '/proc/reports' cannot be created in '/proc'"),
    ([], "no claims selected; name claim ids or `all` (`verify list` shows them)"),
  ])
  func badInputIsOneLineWithStatusTwo(arguments: [String], message: String) async {
    let outcome = await verify(arguments, terminal: true)
    #expect(outcome.status == 2)
    #expect(outcome.error == "verify: \(message)\n")
    #expect(outcome.output.isEmpty)
  }

  @Test func badInputWritesNothing() async throws {
    let directory = temporaryDirectory()
    let outcome = await verify(["sound", "--set", "points=2", "--output", directory.path])
    #expect(outcome.status == 2)
    #expect(!FileManager.default.fileExists(atPath: directory.path))
  }

  @Test func outputDirectoryReceivesReportsAndFigures() async throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let outcome = await verify(["sound", "false-identity", "--output", directory.path])
    #expect(outcome.status == 1)
    #expect(
      outcome.output == """
        pass\tsound\t\(directory.path)/sound.md
        fail\tfalse-identity\t\(directory.path)/false-identity.md

        """)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(
      names == [
        "false-identity.json", "false-identity.md", "sound-growth.svg", "sound.json", "sound.md",
      ])
  }

  /// The built executable keeps the contract too (it runs the public registry).
  @Test func executableExitsWithStatusTwoOnBadInput() throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("verify")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "\(binary.path)")
    for (arguments, status) in [
      (["list"], Int32(0)), (["all", "--precision", "8"], 2), (["no-such-claim"], 2),
    ] {
      let process = Process()
      process.executableURL = binary
      process.arguments = arguments
      let error = Pipe()
      process.standardError = error
      process.standardOutput = Pipe()
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == status, "\(arguments)")
      let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      #expect(text.filter { $0 == "\n" }.count == (status == 2 ? 1 : 0), "\(text)")
    }
  }
}
