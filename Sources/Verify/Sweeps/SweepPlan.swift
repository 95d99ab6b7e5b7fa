/// The instances of a sweep: every seed of `--seeds A...B` crossed with every value of each
/// `--sweep NAME=V1,V2,…`, in a fixed order (seeds outermost, then the sweeps as given), so
/// that instance k is the same on every machine and a shard is a deterministic subset.
public struct SweepPlan: Sendable {
  /// The most instances one sweep may have: a bound on what one command can ask for.
  public static let instanceLimit = 100_000

  /// One instance: its position in the whole sweep, its seed (nil: the claim's default) and
  /// its `--set` assignments on top of the user's.
  public struct Instance: Sendable, Equatable {
    public var index: Int
    public var seed: UInt64?
    public var assignments: [String]

    /// `seed 5, m=3`: how the summary names the instance.
    public var label: String {
      ((seed.map { ["seed \($0)"] } ?? []) + assignments).joined(separator: ", ")
    }
  }

  /// Every instance of the sweep, shards included.
  public let instances: [Instance]

  /// - Parameters:
  ///   - seeds: `A...B` (inclusive), or nil to keep the claim's seed.
  ///   - sweeps: `NAME=V1,V2,…`; the values of a list parameter are separated by `;`
  ///     (`widths=3,4,1;3,4,3,1`), since its own entries use commas.
  ///   - listParameters: the names of the claim's list-valued parameters.
  /// - Throws: `UsageError` for a malformed range or sweep, or more than ``instanceLimit``.
  public init(seeds: String?, sweeps: [String], listParameters: Set<String>) throws(UsageError) {
    var axes: [[(seed: UInt64?, assignment: String?)]] = []
    if let seeds {
      let bounds = seeds.split(separator: ".", omittingEmptySubsequences: true)
      guard seeds.contains("..."), bounds.count == 2, let low = UInt64(bounds[0]),
        let high = UInt64(bounds[1]), low <= high
      else {
        throw UsageError(
          "malformed --seeds '\(EchoedInput.cut(seeds))'; expected A...B with 0 <= A <= B < 2^64")
      }
      guard high - low < UInt64(Self.instanceLimit) else {
        throw UsageError("--seeds \(seeds) has \(high - low + 1) seeds; at most \(Self.instanceLimit)")
      }
      axes.append((low...high).map { (seed: $0, assignment: nil) })
    }
    for sweep in sweeps {
      guard let equals = sweep.firstIndex(of: "="), equals != sweep.startIndex,
        sweep.index(after: equals) != sweep.endIndex
      else {
        throw UsageError("malformed --sweep '\(EchoedInput.cut(sweep))'; expected NAME=V1,V2,…")
      }
      let name = String(sweep[..<equals])
      let separator: Character = listParameters.contains(name) ? ";" : ","
      let values = sweep[sweep.index(after: equals)...].split(
        separator: separator, omittingEmptySubsequences: false)
      axes.append(values.map { (seed: nil, assignment: "\(name)=\($0)") })
    }
    var combinations: [[(seed: UInt64?, assignment: String?)]] = [[]]
    for axis in axes {
      guard combinations.count * axis.count <= Self.instanceLimit else {
        throw UsageError("the sweep has more than \(Self.instanceLimit) instances")
      }
      combinations = combinations.flatMap { prefix in axis.map { prefix + [$0] } }
    }
    instances = combinations.enumerated().map { index, parts in
      Instance(
        index: index, seed: parts.compactMap(\.seed).first,
        assignments: parts.compactMap(\.assignment))
    }
  }

  /// The instances of shard `i` of `n` (1-based): every n-th instance from the i-th, so the
  /// shards are disjoint, cover the sweep, and take similar shares of a graded sweep.
  public func shard(_ i: Int, of n: Int) -> [Instance] {
    instances.filter { $0.index % n == i - 1 }
  }

  /// `i/N` as (i, N), with 1 <= i <= N.
  public static func parseShard(_ text: String) throws(UsageError) -> (Int, Int) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = NumberSyntax.integer(parts[0]),
      let n = NumberSyntax.integer(parts[1]), (1...10_000).contains(n), (1...n).contains(i)
    else {
      throw UsageError("malformed --shard '\(EchoedInput.cut(text))'; expected i/N with 1 <= i <= N <= 10000")
    }
    return (i, n)
  }
}
