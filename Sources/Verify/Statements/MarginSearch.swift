import Numeric

/// The smallest value of a function over a box, searched for: the function at the box's corners
/// (where bounds are often tight; for up to ``cornerDimensions`` variables) and at `samples`
/// random points (SplitMix64), then a compass search from the best few, which tries a step up and down
/// each coordinate, moves to any improvement, and halves the steps when none is found, from an
/// eighth of each range down to `2⁻⁴⁸` of it (Kolda, Lewis & Torczon 2003: on a smooth function
/// it converges to a local minimiser, clamped to the box).
///
/// A search, not a proof: a minimum in a narrow basin none of the samples falls into can be
/// missed. Points stay exact rationals, so the minimiser found is reproduced exactly.
struct MarginSearch {
  let box: VariableBox
  let samples: Int
  let seed: UInt64

  /// Up to this many variables the `2ⁿ` corners are candidates too.
  static let cornerDimensions = 8
  /// How many of the best samples start a compass search.
  static let starts = 4
  /// The steps halve this many times: the last is `2⁻⁴⁸` of the range.
  static let halvings = 45
  /// At most this many sweeps over the coordinates at one step size.
  static let sweepsPerStep = 16

  /// The point with the smallest value found, and that value.
  func minimum(
    of f: ([Rational]) throws -> BigFloat
  ) throws -> (point: [Rational], value: BigFloat) {
    let candidates = box.names.isEmpty ? [[]] : corners + box.points(samples, seed: seed)
    let ranked = try candidates.enumerated().map { (index: $0.offset, point: $0.element, value: try f($0.element)) }
      // Ties keep sample order, so the search is the same on every machine.
      .sorted { ($0.value, $0.index) < ($1.value, $1.index) }
    var best = (point: ranked[0].point, value: ranked[0].value)
    for start in ranked.prefix(Self.starts) where !box.names.isEmpty {
      var (x, fx) = (start.point, start.value)
      var steps = box.ranges.map { ($0.range.upperBound - $0.range.lowerBound) / 8 }
      for _ in 0..<Self.halvings {
        for _ in 0..<Self.sweepsPerStep {
          var moved = false
          for i in x.indices {
            for direction in [Rational(1), Rational(-1)] {
              var y = x
              y[i] = box.clamp(x[i] + direction * steps[i], i)
              guard y[i] != x[i] else { continue }
              let fy = try f(y)
              if fy < fx { (x, fx, moved) = (y, fy, true) }
            }
          }
          if !moved { break }
        }
        steps = steps.map { $0 / 2 }
      }
      if fx < best.value { best = (x, fx) }
    }
    return best
  }

  /// Every corner of the box, in binary order of the variables' ends (none past
  /// ``cornerDimensions`` variables).
  private var corners: [[Rational]] {
    guard box.ranges.count <= Self.cornerDimensions else { return [] }
    return (0..<(1 << box.ranges.count)).map { mask in
      box.ranges.enumerated().map { i, entry in
        mask & (1 << i) == 0 ? entry.range.lowerBound : entry.range.upperBound
      }
    }
  }
}
