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

  @Option(help: "Working precision in bits (16...1000000); ladders use p/4, p/2, p, 2p.")
  var precision: Int = RunRequest.defaultPrecision

  @Option(help: "SplitMix64 seed of the random instances (default: each claim's own).")
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

  @Option(help: "How many claims run at the same time.")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "No progress and no summary lines.")
  var quiet = false

  func execute(console: Console, catalogue: Catalogue) async -> Int32 {
    let runs: [ClaimRun]
    let directory = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
    do throws(UsageError) {
      guard !claims.isEmpty else {
        throw UsageError("no claims selected; name claim ids or `all` (`verify list` shows them)")
      }
      guard jobs >= 1 else { throw UsageError("--jobs must be at least 1, got \(jobs)") }
      let request = RunRequest(precision: precision, seed: seed, assignments: assignments)
      runs = try request.plan(try catalogue.select(claims))
      if let problem = directory.flatMap(ReportFiles.problem) { throw UsageError(problem) }
    } catch {
      return error.report(to: console)
    }
    let progress = Progress(
      total: runs.count, console: console, enabled: console.showsProgress && !quiet)
    let reports = await Runner.run(runs, jobs: jobs, finished: progress.finished)
    if let directory {
      do {
        // One set: a reader of DIR sees the old reports or the new ones, never a mix.
        let paths = try ReportFiles.write(reports, to: directory)
        for (report, path) in zip(reports, paths) where !quiet {
          console.output("\(report.verdict.rawValue)\t\(report.id)\t\(path.path)\n")
        }
      } catch {
        console.error(
          "verify: cannot write reports to '\(directory.path)': \(error.localizedDescription)\n")
        return ExitStatus.failed
      }
    } else {
      switch format {
      case .markdown:
        console.output(reports.map(MarkdownReport.render).joined(separator: "\n---\n\n"))
      case .json: console.output(JSONReport.render(reports))
      }
    }
    return Verdict.combining(reports.map(\.verdict)) == .pass
      ? ExitStatus.passed : ExitStatus.failed
  }
}

/// Progress lines on standard error as claims finish, e.g. `[2/5] copy-average: pass (1.20 s)`.
private final class Progress: Sendable {
  let total: Int
  let console: Console
  let enabled: Bool
  private let done = Mutex(0)

  init(total: Int, console: Console, enabled: Bool) {
    self.total = total
    self.console = console
    self.enabled = enabled
  }

  @Sendable func finished(_ report: ClaimReport) {
    guard enabled else { return }
    let count = done.withLock { count in
      count += 1
      return count
    }
    console.error("[\(count)/\(total)] \(report.id): \(report.verdict.rawValue)\n")
  }
}
