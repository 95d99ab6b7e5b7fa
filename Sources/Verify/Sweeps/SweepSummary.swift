import Foundation
import Numeric

/// One claim run on many instances: each instance's verdicts and measured values, and per
/// check the count of each verdict and the worst measured value with the instance that gave
/// it, so a failure is reproducible by one command. A shard's summary holds its instances;
/// ``merge(_:)`` joins shards into the summary of the whole sweep, byte for byte.
public struct SweepSummary: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var index: Int
    public var label: String
    public var command: String
    public var verdict: String
    public var checks: [CheckRow]
  }

  public struct CheckRow: Sendable, Equatable {
    public var id: String
    public var kind: String
    public var verdict: String
    /// The check's measured value as in the JSON report (17 digits); nil when not evaluated.
    public var measured: String?
    /// The condition `measured` had to meet, as the report states it.
    public var threshold: String
  }

  public var claim: String
  public var title: String
  /// Instances in the whole sweep (all shards).
  public var total: Int
  /// `i/N` for one shard's summary; nil for a whole sweep or a merge.
  public var shard: String?
  /// In sweep order.
  public var rows: [Row]

  public init(claim: any Claim, total: Int, shard: String?, runs: [(SweepPlan.Instance, ClaimReport)]) {
    self.claim = claim.id
    title = claim.title
    self.total = total
    self.shard = shard
    rows = runs.map { instance, report in
      Row(
        index: instance.index, label: instance.label, command: report.run.command,
        verdict: report.error == nil ? report.verdict.rawValue : "fail (error: \(report.error!))",
        checks: report.checks.map {
          CheckRow(
            id: $0.id, kind: $0.kind.rawValue, verdict: $0.verdict.rawValue,
            measured: $0.measured.map(DecimalFormat.json), threshold: $0.threshold)
        })
    }
  }

  /// The combined verdict of every instance: fail, else inconclusive, else pass.
  public var verdict: Verdict {
    Verdict.combining(rows.map { Verdict(rawValue: $0.verdict) ?? .fail })
  }

  /// The summaries of disjoint shards of one sweep, joined in sweep order.
  ///
  /// - Throws: `UsageError` when they are of different claims or sweeps, or overlap.
  public static func merge(_ parts: [SweepSummary]) throws(UsageError) -> SweepSummary {
    guard var merged = parts.first else { throw UsageError("merge needs at least one summary") }
    for part in parts.dropFirst() where part.claim != merged.claim || part.total != merged.total {
      throw UsageError(
        "cannot merge a sweep of \(part.claim) (\(part.total) instances) with one of "
          + "\(merged.claim) (\(merged.total) instances)")
    }
    let rows = parts.flatMap(\.rows).sorted { $0.index < $1.index }
    for (a, b) in zip(rows, rows.dropFirst()) where a.index == b.index {
      throw UsageError("instance \(a.index) (\(a.label)) is in more than one summary")
    }
    merged.rows = rows
    merged.shard = nil
    return merged
  }
}
