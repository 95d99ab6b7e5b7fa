import ArgumentParser
import Verify

/// The `verify` executable: runs ClaimCheck's claims and prints or writes their reports.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check claims of machine-learning theory papers by computation in MPFR.",
    discussion: """
      `verify <claim-id>...` (or `verify all`) runs claims; `verify list` shows them; \
      `verify eval` and `verify identity` compute with your own expressions. \
      \(ExitStatus.help)
      """,
    subcommands: [RunCommand.self, ListCommand.self, EvalCommand.self, IdentityCommand.self],
    defaultSubcommand: RunCommand.self)

  /// Parses `arguments`, runs the command and returns the exit status. Help goes to standard
  /// output with status 0; a parse error is one line on standard error with status 2.
  static func main(arguments: [String], console: Console, catalogue: Catalogue) async -> Int32 {
    let command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      if exitCode(for: error) == .success {
        console.output(fullMessage(for: error) + "\n")
        return ExitStatus.passed
      }
      let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? ""
      console.error("verify: \(message)\n")
      return ExitStatus.usage
    }
    switch command {
    case let run as RunCommand: return await run.execute(console: console, catalogue: catalogue)
    case let list as ListCommand: return list.execute(console: console, catalogue: catalogue)
    case let eval as EvalCommand: return eval.execute(console: console)
    case let identity as IdentityCommand: return identity.execute(console: console)
    default:
      console.output(helpMessage() + "\n")
      return ExitStatus.passed
    }
  }
}

extension UsageError {
  /// Reports the error as the contract asks: one line on standard error, status 2.
  func report(to console: Console) -> Int32 {
    console.error("verify: \(message)\n")
    return ExitStatus.usage
  }
}
