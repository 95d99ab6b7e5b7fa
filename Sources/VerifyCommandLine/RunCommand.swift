import ArgumentParser
import Foundation
import Synchronization
import Verify

/// `verify <claim-id>... | all`: runs claims and prints or writes their reports.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run claims (the default: `verify <claim-id>...` means `verify run <claim-id>...`).",
    discussion: """
      Without --output the reports go to standard output (Markdown reports separated by \
      `---`, or one JSON document). With --output DIR each claim writes DIR/<id>.md, \
      DIR/<id>.json and DIR/<id>-<check>.svg for rate checks, and standard output gets one \
      line per claim. \(ExitStatus.help)
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
  }

  @Argument(help: "Claim ids (see `verify list`), or `all`.")
  var claims: [String] = []

  @Option(
    parsing: .unconditional,
    help: "Working precision in bits (\(RunRequest.precisionRange)); ladders use p/4, p/2, p, 2p.",
    transform: IntegerArgument.parser(RunRequest.precisionRange))
  var precision: Int = RunRequest.defaultPrecision

  @Option(
    parsing: .unconditional,
    help: "SplitMix64 seed of the random instances, 0...2^64-1 (default: each claim's own).",
    transform: IntegerArgument.parser(UInt64.min...UInt64.max))
  var seed: UInt64?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Set a claim parameter, validated against the claim's declaration (repeatable).",
      valueName: "NAME=VALUE"))
  var assignments: [String] = []

  @Option(help: "Report format on standard output.")
  var format: Format = .markdown

  @Option(help: "Write reports and figures into this directory instead of standard output.")
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Compare with the JSON reports in this directory (e.g. the committed claims/): list "
        + "every verdict that changed and every value that moved beyond its digits; exit 1 "
        + "if any did. The table goes to standard output with --output, else to standard error.",
      valueName: "DIR"))
  var baseline: String?

  @Option(
    help: ArgumentHelp(
      "Sweep: run the claim on every seed from A to B inclusive and write one summary.",
      valueName: "A...B"))
  var seeds: String?

  @Option(
    name: .customLong("sweep"),
    help: ArgumentHelp(
      "Sweep: run the claim for each value of a parameter (repeatable: the product); a list "
        + "parameter's values are separated by ';'.", valueName: "NAME=V1,V2,..."))
  var sweeps: [String] = []

  @Option(
    help: ArgumentHelp(
      "Run only shard i of N of the sweep (every N-th instance from the i-th); join the "
        + "shards' JSON with `verify merge`.", valueName: "i/N"))
  var shard: String?

  /// More workers than this only cost memory: each claim or sweep instance is one task.
  static let jobRange = 1...1024

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "How many claims (or sweep instances) run at the same time (\(jobRange); default: "
        + "the number of cores)."),
    transform: IntegerArgument.parser(jobRange))
  var jobs: Int = min(ProcessInfo.processInfo.activeProcessorCount, jobRange.upperBound)

  @Flag(help: "No progress and no summary lines.")
  var quiet = false

  func execute(console: Console, catalogue: Catalogue) async -> Int32 {
    if seeds != nil || !sweeps.isEmpty || shard != nil {
      return await executeSweep(console: console, catalogue: catalogue)
    }
    let runs: [ClaimRun]
    let directory = output.map(OutputDirectory.url)
    do throws(UsageError) {
      guard !claims.isEmpty else {
        throw UsageError("no claims selected; name claim ids or `all` (`verify list` shows them)")
      }
      guard Self.jobRange.contains(jobs) else {
        throw UsageError("--jobs must be in \(Self.jobRange), got \(jobs)")
      }
      let request = RunRequest(precision: precision, seed: seed, assignments: assignments)
      runs = try request.plan(try catalogue.select(claims))
      try OutputDirectory.validate(output)
      if let baseline {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: baseline, isDirectory: &isDirectory),
          isDirectory.boolValue
        else {
          throw UsageError("baseline '\(EchoedInput.cut(baseline))' is not a directory of JSON reports")
        }
      }
    } catch {
      return error.report(to: console)
    }
    let progress = Progress(
      total: runs.count, console: console, enabled: console.showsProgress && !quiet)
    let reports = await Runner.run(runs, jobs: jobs, finished: progress.finished)
    guard ReportOutput.emit(reports, format: format, to: directory, console: console, quiet: quiet)
    else { return ExitStatus.failed }
    var moved = false
    if let baseline {
      let url = URL(fileURLWithPath: baseline, isDirectory: true)
      let changes = reports.flatMap { BaselineComparison.changes($0, against: url) }
      let table = BaselineComparison.table(changes, baseline: url)
      if directory == nil { console.error(table) } else { console.output(table) }
      moved = !changes.isEmpty
    }
    return Verdict.combining(reports.map(\.verdict)).succeeded && !moved
      ? ExitStatus.passed : ExitStatus.failed
  }
}

/// Where the reports of a run go: standard output (Markdown separated by `---`, or one JSON
/// document), or `DIR` as one set with one line per claim on standard output.
enum ReportOutput {
  /// Prints or writes `reports`; false, with the reason on standard error, when writing failed.
  static func emit(
    _ reports: [ClaimReport], format: RunCommand.Format, to directory: URL?, console: Console,
    quiet: Bool
  ) -> Bool {
    guard let directory else {
      switch format {
      case .markdown:
        console.output(reports.map(MarkdownReport.render).joined(separator: "\n---\n\n"))
      case .json: console.output(JSONReport.render(reports))
      }
      return true
    }
    do {
      // One set: a reader of DIR sees the old reports or the new ones, never a mix.
      let paths = try ReportFiles.write(reports, to: directory)
      for (report, path) in zip(reports, paths) where !quiet {
        console.output("\(report.verdict.rawValue)\t\(report.id)\t\(path.path)\n")
      }
      return true
    } catch {
      console.error(
        "verify: cannot write reports to '\(directory.path)': \(error.localizedDescription)\n")
      return false
    }
  }
}

/// Progress lines on standard error as claims finish, e.g. `[2/5] copy-average: pass`.
final class Progress: Sendable {
  let total: Int
  let console: Console
  let enabled: Bool
  /// How a finished run is named: its claim's id, or a sweep instance's label.
  let name: @Sendable (ClaimReport) -> String
  private let done = Mutex(0)

  init(
    total: Int, console: Console, enabled: Bool,
    name: @escaping @Sendable (ClaimReport) -> String = { $0.id }
  ) {
    self.total = total
    self.console = console
    self.enabled = enabled
    self.name = name
  }

  @Sendable func finished(_ report: ClaimReport) {
    guard enabled else { return }
    let count = done.withLock { count in
      count += 1
      return count
    }
    console.error("[\(count)/\(total)] \(name(report)): \(report.verdict.rawValue)\n")
  }
}
