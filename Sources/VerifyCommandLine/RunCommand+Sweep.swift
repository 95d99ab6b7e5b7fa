import Foundation
import Verify

/// `verify <claim> --seeds A...B [--sweep NAME=V1,V2,…] [--shard i/N]`: one claim on many
/// instances, one summary. Every instance is validated before any runs, as for one run.
extension RunCommand {
  func executeSweep(console: Console, catalogue: Catalogue) async -> Int32 {
    let directory = output.map(OutputDirectory.url)
    let claim: any Claim
    let selected: [SweepPlan.Instance]
    let total: Int
    var runs: [ClaimRun] = []
    do throws(UsageError) {
      guard claims.count == 1, claims[0] != "all" else {
        throw UsageError("a sweep runs one claim; name exactly one claim id")
      }
      guard Self.jobRange.contains(jobs) else {
        throw UsageError("--jobs must be in \(Self.jobRange), got \(jobs)")
      }
      guard baseline == nil else { throw UsageError("--baseline compares single runs, not sweeps") }
      claim = try catalogue.claim(claims[0])
      let lists = Set(
        claim.parameters.filter {
          if case .integerList = $0.kind { return true }
          if case .rationalList = $0.kind { return true }
          return false
        }.map(\.name))
      let plan = try SweepPlan(seeds: seeds, sweeps: sweeps, listParameters: lists)
      total = plan.instances.count
      if let shard {
        let (i, n) = try SweepPlan.parseShard(shard)
        selected = plan.shard(i, of: n)
      } else {
        selected = plan.instances
      }
      for instance in selected {
        let request = RunRequest(
          precision: precision, seed: instance.seed ?? seed,
          assignments: assignments + instance.assignments)
        runs += try request.plan([claim])
      }
      try OutputDirectory.validate(output)
    } catch {
      return error.report(to: console)
    }
    let labels = Dictionary(
      zip(runs.map(\.command), selected.map(\.label)), uniquingKeysWith: { first, _ in first })
    let progress = Progress(
      total: runs.count, console: console, enabled: console.showsProgress && !quiet,
      name: { labels[$0.run.command] ?? $0.id })
    let reports = await Runner.run(runs, jobs: jobs, finished: progress.finished)
    let summary = SweepSummary(
      claim: claim, total: total, shard: shard, runs: Array(zip(selected, reports)))
    return SweepOutput.emit(summary, format: format, to: directory, console: console, quiet: quiet)
  }
}

/// Where a sweep's summary goes: standard output, or `DIR/<id>-sweep[-i-of-N].md` and `.json`
/// with one figure per check, `DIR/<id>-sweep-<check>.svg`.
enum SweepOutput {
  static func emit(
    _ summary: SweepSummary, format: RunCommand.Format, to directory: URL?, console: Console,
    quiet: Bool
  ) -> Int32 {
    if let directory {
      let stem = "\(summary.claim)-sweep"
        + (summary.shard.map { "-" + $0.replacingOccurrences(of: "/", with: "-of-") } ?? "")
      do {
        // A shard draws no figures: they belong to the whole sweep, drawn after the merge.
        let figures = summary.shard == nil ? summary.figures : []
        let files = try ReportFiles.write(
          [("\(stem).md", summary.markdown), ("\(stem).json", summary.json)] + figures,
          to: directory)
        if !quiet { console.output("\(summary.verdict.rawValue)\t\(summary.claim)\t\(files[0].path)\n") }
      } catch {
        console.error(
          "verify: cannot write the summary to '\(directory.path)': \(error.localizedDescription)\n")
        return ExitStatus.failed
      }
    } else {
      console.output(format == .json ? summary.json : summary.markdown)
    }
    return summary.verdict.succeeded ? ExitStatus.passed : ExitStatus.failed
  }
}
