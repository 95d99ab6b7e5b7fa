import Foundation
import Testing

@testable import Verify
@testable import VerifyCommandLine

/// `verify check FILE.toml`: the examples pass, parameters are set with `--set`, and every
/// error in a file names its line.
@Suite struct ClaimFileTests {
  static let examples = ["activation-derivatives", "gaussian", "finite-differences"]

  @Test(arguments: examples)
  func everyExamplePasses(name: String) async throws {
    let path = examplesDirectory.appendingPathComponent("\(name).toml").path
    let result = await verify("check", path, "--format", "json")
    #expect(result.status == 0, "\(result.error)")
    let json = try #require(StatementJSON(result.output))
    #expect(json.claim["id"] as? String == name)
    for check in json.checks {
      #expect(["pass", "proved"].contains(check["verdict"] as? String), "\(check["id"]!)")
      let controls = check["negativeControls"] as! [[String: Any]]
      #expect(!controls.isEmpty && controls.allSatisfy { $0["verdict"] as? String != "not rejected" })
    }
  }

  /// `--set` changes the instance: the parameter's value and the reproducing command follow.
  @Test func setChangesTheParameter() async throws {
    let path = examplesDirectory.appendingPathComponent("activation-derivatives.toml").path
    let result = await verify("check", path, "--set", "a=3/2", "--format", "json")
    #expect(result.status == 0)
    let json = try #require(StatementJSON(result.output))
    #expect((json.claim["parameters"] as? [String: Any])?["a"] as? String == "3/2")
    #expect((json.claim["command"] as? String)?.hasSuffix("--set a=3/2") == true)
    let outside = await verify("check", path, "--set", "a=5")
    #expect(outside.status == 2)
  }

  /// A file with a statement that is false: the check fails, the claim fails.
  @Test func aFalseStatementInAFileFails() throws {
    let claim = try ClaimFile.parse(
      """
      id = "false"
      [[check]]
      kind = "identity"
      statement = "sin(2*x) = 2*sin(x)"
      range = { x = "-1..1" }
      """, path: "false.toml")
    let runs = try RunRequest().plan([claim])
    let report = Runner.run(runs[0])
    #expect(report.verdict == .fail)
  }

  @Test(arguments: [
    ("id = \"x\"\n[[check]]\nkind = \"identity\"\nstatement = \"x = x +\"\nrange = { x = \"0..1\" }\n",
     "bad.toml:4: cannot parse the right-hand side"),
    ("id = \"x\"\n\n[[check]]\nkind = \"inequality\"\nstatement = \"x <= y\"\nrange = { x = \"0..1\" }\n",
     "bad.toml:5: 'y' is neither a variable of this statement (give its range) nor a parameter"),
    ("id = \"x\"\n[[check]]\nkind = \"identity\"\nstatment = \"x = x\"\n",
     "bad.toml:4: unknown key 'statment'; valid here: kind, id, statement, range, samples"),
    ("id = \"x\"\n[[check]]\nkind = \"lemma\"\n",
     "bad.toml:3: each [[check]] needs kind"),
    ("id = \"x\"\nb = \n", "bad.toml:2: "),
    ("id = \"x\"\n[parameters]\nb = { default = \"3\", range = \"0..1\" }\n[[check]]\nkind = \"identity\"\nstatement = \"b*x = x*b\"\nrange = { x = \"0..1\" }\n",
     "bad.toml:3: the default 3 of b is outside its range 0..1"),
    ("id = \"x\"\n[[check]]\nkind = \"rate\"\nexpression = \"x^2\"\nvariable = \"x\"\nexpect = 2.5\n",
     "bad.toml:6: expect must be an integer or a string"),
    ("id = \"x\"\n[[check]]\nkind = \"critical\"\nfunction = \"x^2\"\nat = { x = \"0\" }\ninertia = \"bowl\"\n",
     "bad.toml:4: malformed inertia 'bowl'"),
    ("id = \"x\"\n", "bad.toml:1: no statements"),
  ])
  func errorsNameTheLine(text: String, message: String) {
    #expect(throws: UsageError.self) { try ClaimFile.parse(text, path: "bad.toml") }
    do {
      _ = try ClaimFile.parse(text, path: "bad.toml")
    } catch {
      #expect(error.message.hasPrefix(message), "\(error.message)")
    }
  }

  @Test func anUnreadableFileIsAUsageError() async {
    let result = await verify("check", "/nonexistent/claim.toml")
    #expect(result.status == 2 && result.error == "verify: cannot read the claim file '/nonexistent/claim.toml'\n")
  }
}
