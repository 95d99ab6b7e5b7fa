import Numeric

/// C3's Monte Carlo in binary64: H heads per layer whose value matrices are
/// `V(t_l) + σ Ξ_{h,l}` with `Ξ` entries `2u − 1` (variance 1/3), averaged, so layer l adds
/// `σ (1/H) Σ_h Ξ_{h,l}` to `V(t_l)`. Replicate r draws from SplitMix64 seed `mcSeed + r`, layer
/// by layer, head by head, each `d × d` block row-major; runs with the same `L·H` consume the
/// same sequence.
struct HeadNoise: Sendable {
  let instance: AttentionInstance
  let sigma: Rational
  let replicates: Int
  let seed: Int

  /// The sample mean over replicates of `(1/n) Σ_i |x_i^{L,H,σ}(1) − x_i^L(1)|²` and its relative
  /// standard error (sample standard deviation / √R / mean).
  struct Estimate: Sendable {
    let mean: Double
    let relativeStandardError: Double
  }

  func meanSquare(depth: Int, heads: Int) -> Estimate {
    let rounded: RoundedAttentionInstance<Double> = instance.rounded()
    let stack = ResidualStack(instance: rounded, depth: depth)
    let nominal = stack.output
    let d = instance.dimension
    let scale = Double(sigma) / Double(heads)
    let samples = (0..<replicates).map { r -> Double in
      var generator = SplitMix64(seed: UInt64(seed + r))
      // Plain arrays: a million d × d head draws per run, where matrix temporaries would dominate.
      let noise = (0..<depth).map { _ in
        var sum = [Double](repeating: 0, count: d * d)
        for _ in 0..<heads {
          for e in sum.indices { sum[e] += 2 * generator.nextUniform(as: Double.self) - 1 }
        }
        return Matrix(rowCount: d, columnCount: d, entries: sum.map { scale * $0 })
      }
      let noisy = stack.output(from: rounded.x0) { stack.instance.value(at: stack.time($0)) + noise[$0] }
      let difference = noisy - nominal
      return difference.frobeniusInnerProduct(difference) / Double(instance.tokens)
    }
    let mean = samples.reduce(0, +) / Double(replicates)
    let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(replicates - 1)
    return Estimate(mean: mean, relativeStandardError: variance.squareRoot() / Double(replicates).squareRoot() / mean)
  }
}
