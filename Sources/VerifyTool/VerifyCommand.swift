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
      SeriesCommand.self,
    ],
    defaultSubcommand: RunCommand.self)

  /// Parses `arguments`, runs the command and returns the exit status. Help goes to standard
  /// output with status 0; a parse error is one line on standard error with status 2.
  static func main(arguments: [String], console: Console, catalogue: Catalogue) async -> Int32 {
    if let problem = helpProblem(arguments) { return problem.report(to: console) }
    var command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      return report(error, for: arguments, to: console)
    }
    switch command {
    case let run as RunCommand: return await run.execute(console: console, catalogue: catalogue)
    case let list as ListCommand: return list.execute(console: console, catalogue: catalogue)
    case let eval as EvalCommand: return eval.execute(console: console)
    case let identity as IdentityCommand: return identity.execute(console: console)
    case let merge as MergeCommand: return merge.execute(console: console)
    case let series as SeriesCommand: return series.execute(console: console)
    default:
      // ArgumentParser's own commands: `help` (and `-h`/`--help` after a subcommand) parse to
      // its help command, whose `run` throws the help request of the command asked about.
      do {
        try command.run()
      } catch {
        return report(error, for: arguments, to: console)
      }
      console.output(helpMessage() + "\n")
      return ExitStatus.passed
    }
  }

  /// A help request goes to standard output with status 0; any other error is one line on
  /// standard error with status 2, the input it quotes cut (`EchoedInput`), followed by the
  /// subcommand's usage unless the message already says what was expected.
  private static func report(
    _ error: any Error, for arguments: [String], to console: Console
  ) -> Int32 {
    if exitCode(for: error) == .success {
      console.output(fullMessage(for: error) + "\n")
      return ExitStatus.passed
    }
    let line = self.message(for: error).split(separator: "\n").first.map(String.init) ?? ""
    // ArgumentParser quotes the arguments it rejects: 'value'.
    var message = line.split(separator: "'", omittingEmptySubsequences: false).enumerated()
      .map { $0.offset % 2 == 1 ? EchoedInput.cut(String($0.element)) : String($0.element) }
      .joined(separator: "'")
    if !message.contains(": expected ") && !message.contains("Please provide one of") {
      let subcommand =
        configuration.subcommands.first(where: { $0.configuration.commandName == arguments.first })
        ?? RunCommand.self
      let usage = usageString(for: subcommand).split(whereSeparator: \.isWhitespace)
      message += "; usage: " + usage.joined(separator: " ")
    }
    return UsageError(message).report(to: console)
  }

  /// `verify help [SUBCOMMAND]` names a subcommand or nothing; ArgumentParser would show the
  /// root's help for anything else, with status 0.
  private static func helpProblem(_ arguments: [String]) -> UsageError? {
    guard arguments.first == "help", arguments.count > 1 else { return nil }
    let names = configuration.subcommands.compactMap { $0.configuration.commandName }
    let asked = Array(arguments.dropFirst())
    guard asked.count > 1 || !names.contains(asked[0]) else { return nil }
    let unknown = names.contains(asked[0]) ? asked[1] : asked[0]
    return UsageError(
      "no subcommand '\(EchoedInput.cut(unknown))'; `verify help` takes one of "
        + names.joined(separator: ", ") + ", or nothing")
  }
}

extension UsageError {
  /// Reports the error as the contract asks: one line on standard error, status 2.
  func report(to console: Console) -> Int32 {
    console.error("verify: \(message)\n")
    return ExitStatus.usage
  }
}
