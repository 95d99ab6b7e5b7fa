import Numeric

/// A ``GaussianSum`` at the working precision rounded to binary64, to decide the sign of its
/// value cheaply where binary64 is certain of it: the scan for sign changes (``L1Norm``) asks
/// for the sign at every grid point, and one binary64 evaluation costs a small fraction of one
/// at 256 bits.
struct Binary64GaussianSum {
  /// Per term: `m_j`, `s_j = √(2 v_j)` and `a_j = c_j / √(2π v_j)`, each rounded to binary64.
  let means: [Double]
  let scales: [Double]
  let amplitudes: [Double]

  init(_ f: GaussianSum<BigFloat>) {
    means = f.means.map(\.doubleValue)
    scales = f.scales.map(\.doubleValue)
    amplitudes = f.amplitudes.map(\.doubleValue)
  }

  /// The sign of `f(x_p)`, with `x_p` the grid point as the working precision has it and `x`
  /// the same point correctly rounded to binary64, or nil when binary64 cannot decide it.
  ///
  /// Each term `n_j = a_j e^{−u_j²}`, `u_j = (x − m_j)/s_j`, is formed with a relative error
  /// below `(8 + 8u_j² + 8|u_j|(|x| + |m_j|)/s_j)·2⁻⁵³`: the roundings of `a_j` and the
  /// exponential, `u_j²`'s relative error amplified by `e^{−u²}` (`u_j²` times it), and the
  /// roundings of `x` and `m_j` moved through `u_j`'s slope. The sum adds `2⁻⁵³·2k·|n_j|` for
  /// `k` terms, and an exponential or amplitude outside binary64's normal range at most
  /// `(|a_j| + 1)·2⁻¹⁰⁰⁰`. When `|Σ n_j|` exceeds twice the total, the exact `f(x_p)` has the
  /// sign of the sum, and so has its working-precision value, whose error is about `2^−(p−8)`
  /// of `Σ|n_j|`, far inside the binary64 margin.
  func certifiedSign(at x: Double) -> Int? {
    var (sum, bound) = (0.0, 0.0)
    let count = Double(means.count)
    for j in means.indices {
      let u = (x - means[j]) / scales[j]
      let n = amplitudes[j] * Double.exp(-u * u)
      sum += n
      let relative = 8 + 2 * count + 8 * u * u + 8 * u.magnitude * (x.magnitude + means[j].magnitude) / scales[j]
      bound += n.magnitude * relative * 0x1p-53 + (amplitudes[j].magnitude + 1) * 0x1p-1000
    }
    guard sum.isFinite, bound.isFinite, sum.magnitude > 2 * bound else { return nil }
    return sum > 0 ? 1 : -1
  }
}
