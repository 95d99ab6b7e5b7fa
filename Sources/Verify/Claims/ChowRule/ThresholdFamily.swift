import Numeric

/// Deferral by thresholding a score `u` on X: the sets `{x : u(x) < t}` over all thresholds t.
///
/// Two scores `u`, `v` are order equivalent when `u(x) < u(x′) ⇔ v(x) < v(x′)` and
/// `u(x) = u(x′) ⇔ v(x) = v(x′)` for all pairs; the number of unordered pairs violating that is
/// their discordance. Order equivalence is equality of the two families of threshold sets.
enum ThresholdFamily {
  /// The unordered pairs `(x, x′)`, `x < x′`, on which `u` and `v` compare differently.
  static func discordantPairs<U: Comparable, V: Comparable>(_ u: [U], _ v: [V]) -> [(Int, Int)] {
    precondition(u.count == v.count)
    return u.indices.flatMap { i in
      ((i + 1)..<u.count).compactMap { j in
        comparison(u[i], u[j]) == comparison(v[i], v[j]) ? nil : (i, j)
      }
    }
  }

  /// The distinct sets `{x : u(x) < t}` over all real t, in increasing size: ∅, then one more
  /// level set of `u` at a time, up to X.
  static func sets<U: Comparable>(_ u: [U]) -> [Set<Int>] {
    var levels: [U] = []
    for value in u.sorted() where levels.last.map({ $0 < value }) ?? true { levels.append(value) }
    return [[]] + levels.map { level in Set(u.indices.filter { u[$0] <= level }) }
  }

  /// `{x : u(x) < t}`.
  static func set<U: Comparable>(_ u: [U], below t: U) -> Set<Int> {
    Set(u.indices.filter { u[$0] < t })
  }

  private static func comparison<T: Comparable>(_ a: T, _ b: T) -> Int {
    a < b ? -1 : (b < a ? 1 : 0)
  }
}

extension DeferralProblem {
  /// The largest `Acc(S)` over all `2ⁿ` subsets S of X, for each rate `Rate(S)` that occurs.
  var bestAccuracyByRate: [Rational: Rational] {
    var best: [Rational: Rational] = [:]
    let n = mass.count
    for bits in 0..<(1 << n) {
      let deferred = Set((0..<n).filter { bits & (1 << $0) != 0 })
      let rate = rate(deferred)
      let accuracy = accuracy(deferred)
      if best[rate].map({ $0 < accuracy }) ?? true { best[rate] = accuracy }
    }
    return best
  }
}
