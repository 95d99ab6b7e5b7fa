import ArgumentParser
import Verify

/// The `verify` executable: runs ClaimCheck's claims and prints or writes their reports.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check claims of machine-learning theory papers by computation in MPFR.",
    discussion: """
      `verify <claim-id>...` (or `verify all`) runs claims; `verify list` shows them; \
      `verify eval` and `verify identity` compute with your own expressions; `--seeds` and \
      `--sweep` run one claim on many instances, `verify merge` joins sharded sweeps. \
      \(ExitStatus.help)
      """,
    subcommands: [
      RunCommand.self, ListCommand.self, EvalCommand.self, IdentityCommand.self, MergeCommand.self,
    ],
    defaultSubcommand: RunCommand.self)

  /// Parses `arguments`, runs the command and returns the exit status. Help goes to standard
  /// output with status 0; a parse error is one line on standard error with status 2.
  static func main(arguments: [String], console: Console, catalogue: Catalogue) async -> Int32 {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      return report(error, to: console)
    }
    switch command {
    case let run as RunCommand: return await run.execute(console: console, catalogue: catalogue)
    case let list as ListCommand: return list.execute(console: console, catalogue: catalogue)
    case let eval as EvalCommand: return eval.execute(console: console)
    case let identity as IdentityCommand: return identity.execute(console: console)
    case let merge as MergeCommand: return merge.execute(console: console)
    default:
      // ArgumentParser's own commands: `help` (and `-h`/`--help` after a subcommand) parse to
      // its help command, whose `run` throws the help request of the command asked about.
      do {
        try command.run()
      } catch {
        return report(error, to: console)
      }
      console.output(helpMessage() + "\n")
      return ExitStatus.passed
    }
  }

  /// A help request goes to standard output with status 0; any other error is one line on
  /// standard error with status 2.
  private static func report(_ error: any Error, to console: Console) -> Int32 {
    if exitCode(for: error) == .success {
      console.output(fullMessage(for: error) + "\n")
      return ExitStatus.passed
    }
    let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? ""
    console.error("verify: \(message)\n")
    return ExitStatus.usage
  }
}

extension UsageError {
  /// Reports the error as the contract asks: one line on standard error, status 2.
  func report(to console: Console) -> Int32 {
    console.error("verify: \(message)\n")
    return ExitStatus.usage
  }
}
