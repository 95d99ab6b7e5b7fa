import ArgumentParser
import Numeric
import Verify

/// The options every statement subcommand shares (`inequality`, `rate`, `critical`, `check`),
/// and its run: the statement becomes a claim, planned, run and reported exactly as a
/// built-in claim is.
struct StatementOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: "Working precision in bits (\(RunRequest.precisionRange)); ladders use p/4, p/2, p, 2p.",
    transform: IntegerArgument.parser(RunRequest.precisionRange))
  var precision: Int = RunRequest.defaultPrecision

  @Option(
    parsing: .unconditional, help: "SplitMix64 seed of the random points, 0...2^64-1 (default 1).",
    transform: IntegerArgument.parser(UInt64.min...UInt64.max))
  var seed: UInt64?

  @Option(help: "Report format on standard output.")
  var format: RunCommand.Format = .markdown

  @Option(help: "Write the report (and a rate's SVG plot) into this directory instead.")
  var output: String?

  @Flag(help: "No summary line with --output.")
  var quiet = false

  /// Builds the claims, plans them with `assignments` (`--set`), runs them and reports; the
  /// status follows ``ExitStatus``.
  func run(
    console: Console, assignments: [String] = [],
    _ claims: () throws(UsageError) -> [any Claim]
  ) async -> Int32 {
    let runs: [ClaimRun]
    do throws(UsageError) {
      let request = RunRequest(precision: precision, seed: seed, assignments: assignments)
      runs = try request.plan(try claims())
      try OutputDirectory.validate(output)
    } catch {
      return error.report(to: console)
    }
    let reports = await Runner.run(runs, jobs: 1)
    guard
      ReportOutput.emit(
        reports, format: format, to: output.map(OutputDirectory.url), console: console, quiet: quiet)
    else { return ExitStatus.failed }
    return Verdict.combining(reports.map(\.verdict)).succeeded ? ExitStatus.passed : ExitStatus.failed
  }

  /// A rational option's value (`--expect -1/2`), read exactly.
  static func rational(_ text: String?, _ option: String) throws(UsageError) -> Rational? {
    guard let text else { return nil }
    guard let q = NumberSyntax.rational(Substring(text)) else {
      throw UsageError(
        "malformed --\(option) '\(EchoedInput.cut(text))'; expected \(NumberSyntax.rationalForms)")
    }
    return q
  }
}

/// Where a statement typed on the command line comes from, in its report.
enum CommandLineSource {
  static func source(_ subcommand: String) -> Source {
    Source(title: "a statement on the command line", arxiv: "", location: "`verify \(subcommand)`")
  }
}
