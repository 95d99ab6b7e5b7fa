import Numeric

/// A copy-average (CA) configuration: the teacher indices split into consecutive blocks
/// `G₁, …, Gₙ` of sizes `mᵢ`; student `i` copies its teacher when `mᵢ = 1` (`wᵢ = vⱼ`,
/// `aᵢ = bⱼ`) and otherwise averages its block,
///
///     wᵢ = c Σ_{j∈Gᵢ} vⱼ/|vⱼ|,    aᵢ = Σ_{j∈Gᵢ} bⱼ   (= mᵢ b_G for a common weight b_G).
///
/// The averaging scale `c` follows `rule`. The negative controls of the spec are this recipe
/// with a wrong rule, or with the first averaging block's `c` or `a` multiplied by a factor.
struct CopyAverageRecipe: Sendable {
  enum ScaleRule: Sendable, Hashable {
    /// `c = ν/√(m(m + (m−1)κν²))` with the block's teacher norm ν (spec C2); for ν = 1 and
    /// κ = 1 this is `c(m) = 1/√(m(2m−1))`, for κ = 2 `1/√(m(3m−2))`.
    case matched(kappa: Int)
    /// The same formula with ν = 1 whatever the teacher's norms (controls 7 and 9).
    case unitNorm(kappa: Int)
    /// The "plain mean" `c = 1/m` (control 3).
    case plainMean
  }

  var partition: [Int]
  var rule: ScaleRule
  /// Multiplies `c` of the first averaging block.
  var scaleFactor: Rational = 1
  /// Multiplies `a` of the first averaging block.
  var outputFactor: Rational = 1

  /// The teacher indices of each block, consecutive in teacher order.
  static func blocks(_ partition: [Int]) -> [Range<Int>] {
    var start = 0
    return partition.map { m in
      defer { start += m }
      return start..<(start + m)
    }
  }

  /// The index of the first block of size ≥ 2 (`G⁰` of the spec), if any.
  static func firstAveragingBlock(_ partition: [Int]) -> Int? { partition.firstIndex { $0 >= 2 } }

  /// The averaging scale of a block of size `m` whose teacher vectors have norm `nu`.
  func scale<T: Scalar>(_ m: Int, nu: Rational) -> T {
    switch rule {
    case .matched(let kappa): Self.matchedScale(m, nu: nu, kappa: kappa)
    case .unitNorm(let kappa): Self.matchedScale(m, nu: 1, kappa: kappa)
    case .plainMean: 1 / T(m)
    }
  }

  static func matchedScale<T: Scalar>(_ m: Int, nu: Rational, kappa: Int) -> T {
    let denominator = Rational(m) * (Rational(m) + Rational((m - 1) * kappa) * nu * nu)
    return T(nu) / T.sqrt(T(denominator))
  }

  /// `θ = (w₁, …, wₙ, a₁, …, aₙ)` of the configuration for `teacher`.
  func parameters<T: Scalar>(for teacher: Teacher, as type: T.Type = T.self) -> [T] {
    precondition(partition.reduce(0, +) == teacher.count, "the partition must cover the teacher")
    let first = Self.firstAveragingBlock(partition)
    var weights: [[T]] = []
    var outputs: [T] = []
    for (i, block) in Self.blocks(partition).enumerated() {
      if block.count == 1 {
        weights.append(teacher.vector(block.lowerBound))
        outputs.append(T(teacher.outputs[block.lowerBound]))
        continue
      }
      var c: T = scale(block.count, nu: teacher.norms[block.lowerBound])
      var a = T(block.reduce(Rational(0)) { $0 + teacher.outputs[$1] })
      if i == first {
        c *= T(scaleFactor)
        a *= T(outputFactor)
      }
      weights.append(teacher.unitSum(block, scaledBy: c))
      outputs.append(a)
    }
    return weights.flatMap { $0 } + outputs
  }
}
