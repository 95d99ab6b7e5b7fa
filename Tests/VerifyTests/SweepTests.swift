import Foundation
import Testing

@testable import Verify

/// Sweeps over seeds and parameters, their shards, and `verify merge`.
@Suite struct SweepTests {
  @Test func instancesAreSeedsCrossedWithSweepsInAFixedOrder() throws {
    let plan = try SweepPlan(
      seeds: "4...5", sweeps: ["law=power,log", "widths=1,2;3"], listParameters: ["widths"])
    #expect(plan.instances.map(\.label) == [
      "seed 4, law=power, widths=1,2", "seed 4, law=power, widths=3",
      "seed 4, law=log, widths=1,2", "seed 4, law=log, widths=3",
      "seed 5, law=power, widths=1,2", "seed 5, law=power, widths=3",
      "seed 5, law=log, widths=1,2", "seed 5, law=log, widths=3",
    ])
    let shards = (1...3).map { plan.shard($0, of: 3).map(\.index) }
    #expect(shards == [[0, 3, 6], [1, 4, 7], [2, 5]])
  }

  @Test(arguments: [
    ("5...4", "malformed --seeds '5...4'; expected A...B with 0 <= A <= B < 2^64"),
    ("1..4", "malformed --seeds '1..4'; expected A...B with 0 <= A <= B < 2^64"),
    ("0...100000", "--seeds 0...100000 has 100001 seeds; at most 100000"),
  ])
  func badSeedRangesAreUsageErrors(seeds: String, message: String) {
    #expect(throws: UsageError(message)) { try SweepPlan(seeds: seeds, sweeps: [], listParameters: []) }
  }

  @Test func badShardsAndSweepsAreUsageErrors() async {
    for (arguments, message) in [
      (["sound", "--seeds", "1...2", "--shard", "3/2"], "malformed --shard '3/2'"),
      (["sound", "--sweep", "law"], "malformed --sweep 'law'"),
      (["sound", "--sweep", "law=power,cubic"], "invalid value 'cubic' for parameter law"),
      (["sound", "false-identity", "--seeds", "1...2"], "a sweep runs one claim"),
      (["sound", "--sweep", "widths=9,9"], "sound: widths sum to 18"),
    ] {
      let outcome = await verify(arguments)
      #expect(outcome.status == 2, "\(arguments)")
      #expect(outcome.error.hasPrefix("verify: \(message)"), "\(outcome.error)")
      #expect(outcome.output.isEmpty)
    }
  }

  @Test func theSummaryCountsVerdictsAndNamesTheWorstInstance() async throws {
    let outcome = await verify(["sound", "--seeds", "1...3", "--sweep", "x=1/3,-2", "--jobs", "2"],
      terminal: true)
    #expect(outcome.status == 0, "\(outcome.error)")
    #expect(outcome.output.contains("6 of 6 instances: 0 proved, 6 pass, 0 fail, 0 inconclusive."))
    #expect(outcome.output.contains("| pythagoras | identity | 0 | 6 | 0 | 0 |"))
    #expect(outcome.error.contains("[6/6] "), "progress on standard error")
    let failing = await verify(["false-identity", "--seeds", "1...2"])
    #expect(failing.status == 1)
    #expect(failing.output.contains("- seed 1: **fail** — `swift run verify false-identity --precision 256 --seed 1`"))
  }

  @Test func mergingThreeShardsEqualsTheUnshardedRunByteForByte() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "claimcheck-sweep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let sweep = ["sound", "--seeds", "1...4", "--sweep", "points=3,4", "--quiet"]
    let whole = await verify(sweep + ["--output", directory.appendingPathComponent("whole").path])
    #expect(whole.status == 0, "\(whole.error)")
    for i in 1...3 {
      let shard = await verify(
        sweep + ["--shard", "\(i)/3", "--output", directory.appendingPathComponent("shards").path])
      #expect(shard.status == 0, "\(shard.error)")
    }
    let shards = (1...3).map { directory.appendingPathComponent("shards/sound-sweep-\($0)-of-3.json").path }
    let merged = await verify(
      ["merge"] + shards + ["--output", directory.appendingPathComponent("merged").path, "--quiet"])
    #expect(merged.status == 0, "\(merged.error)")
    for name in ["sound-sweep.md", "sound-sweep.json"] {
      let a = try String(contentsOf: directory.appendingPathComponent("whole/\(name)"), encoding: .utf8)
      let b = try String(contentsOf: directory.appendingPathComponent("merged/\(name)"), encoding: .utf8)
      #expect(a == b, "\(name)")
    }
    let overlap = await verify(["merge", shards[0], shards[0]])
    #expect(overlap.status == 2 && overlap.error.contains("is in more than one summary"))
    let report = directory.appendingPathComponent("not-a-sweep.json")
    try Data("{\"claims\": []}".utf8).write(to: report)
    let notASummary = await verify(["merge", report.path])
    #expect(notASummary.status == 2 && notASummary.error.contains("is not the JSON summary of a sweep"))
  }
}
