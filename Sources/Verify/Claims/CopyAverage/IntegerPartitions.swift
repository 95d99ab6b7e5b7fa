/// The partitions of `k` into `n` positive parts, as non-increasing lists (each multiset once),
/// and the majorisation order on them.
enum IntegerPartitions {
  /// Every partition of `total` into `parts` positive parts, non-increasing, in lexicographically
  /// decreasing order (the most unbalanced first).
  static func all(of total: Int, into parts: Int) -> [[Int]] {
    func build(_ remaining: Int, _ slots: Int, _ largest: Int) -> [[Int]] {
      if slots == 0 { return remaining == 0 ? [[]] : [] }
      guard remaining >= slots else { return [] }
      return stride(from: min(largest, remaining - slots + 1), through: 1, by: -1).flatMap {
        first in
        build(remaining - first, slots - 1, first).map { [first] + $0 }
      }
    }
    return build(total, parts, total)
  }

  /// Whether `p` majorises `q` (same total): every prefix sum of `p` sorted non-increasingly is
  /// at least the one of `q`.
  static func majorizes(_ p: [Int], _ q: [Int]) -> Bool {
    let (a, b) = (p.sorted(by: >), q.sorted(by: >))
    precondition(
      a.reduce(0, +) == b.reduce(0, +) && a.count == b.count,
      "compare partitions of one k into n parts")
    var (sa, sb) = (0, 0)
    for (x, y) in zip(a, b) {
      sa += x
      sb += y
      if sa < sb { return false }
    }
    return true
  }
}
