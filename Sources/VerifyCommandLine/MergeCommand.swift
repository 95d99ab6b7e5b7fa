import ArgumentParser
import Foundation
import Verify

/// `verify merge FILES...`: joins the JSON summaries of a sweep's shards into the summary of
/// the whole sweep, the same bytes an unsharded run writes.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Join the JSON summaries of a sweep's shards (`--shard i/N`) into one summary.",
    discussion: """
      Example, three shards on three machines (or a Slurm array, or GNU parallel), then one \
      merge:

        verify frobenius-imbalance --seeds 1...300 --shard 1/3 --output out   # and 2/3, 3/3
        verify merge out/frobenius-imbalance-sweep-*-of-3.json --output merged

      Exit status: 0 when every instance passed, 1 otherwise, 2 for bad usage (a file that \
      is not a sweep summary, shards of different sweeps, overlapping shards).
      """)

  @Argument(help: "The shards' JSON summaries.")
  var files: [String] = []

  @Option(help: "Summary format on standard output.")
  var format: RunCommand.Format = .markdown

  @Option(help: "Write <id>-sweep.md and .json into this directory instead of standard output.")
  var output: String?

  @Flag(help: "No summary line.")
  var quiet = false

  func execute(console: Console) -> Int32 {
    let summary: SweepSummary
    let directory = output.map(OutputDirectory.url)
    do throws(UsageError) {
      guard !files.isEmpty else { throw UsageError("no files to merge; name the shards' JSON summaries") }
      let parts = try files.map { file throws(UsageError) in
        guard let data = FileManager.default.contents(atPath: file) else {
          throw UsageError("cannot read '\(EchoedInput.cut(file))'")
        }
        return try SweepSummary(json: data, name: file)
      }
      summary = try SweepSummary.merge(parts)
      try OutputDirectory.validate(output)
    } catch {
      return error.report(to: console)
    }
    return SweepOutput.emit(summary, format: format, to: directory, console: console, quiet: quiet)
  }
}
