import Numeric

/// A random network instance drawn exactly (as dyadic rationals) from SplitMix64, so that the
/// same seed gives bit-identical inputs in every precision and in independent oracles.
///
/// Draw order (claim conventions): `W_1` row-major, `W_2`, …, `W_L` (entries uniform on
/// [−scale, scale)), then `X` sample-major (n × d, scale 1), then `Y` (n × n_L, scale 1).
public struct NetworkInstance: Sendable {
  /// `n_0 = d, n_1, …, n_L`.
  public let widths: [Int]
  public let seed: UInt64
  /// Row-major entries of `W_1 … W_L`.
  public let weightEntries: [[Rational]]
  public let inputs: [[Rational]]
  public let targets: [[Rational]]

  public init(widths: [Int], samples: Int, seed: UInt64, scale: Rational) {
    precondition(widths.count >= 2 && widths.allSatisfy { $0 >= 1 } && samples >= 1)
    var generator = SplitMix64(seed: seed)
    self.widths = widths
    self.seed = seed
    weightEntries = (1..<widths.count).map { l in
      generator.symmetricEntries(widths[l] * widths[l - 1], scale: scale)
    }
    inputs = (0..<samples).map { _ in generator.symmetricEntries(widths[0], scale: 1) }
    targets = (0..<samples).map { _ in generator.symmetricEntries(widths.last!, scale: 1) }
  }

  /// The weights rounded to `T`, multiplied by `factor` if there is one (`W_l = ε M_l` near
  /// the saddle). Without one they are not multiplied by 1: exact, but a product and a new
  /// matrix per layer, ~3 % of the default network's gradients.
  @inlinable
  public func weights<T: Scalar>(as type: T.Type = T.self, times factor: T? = nil) -> [Matrix<T>] {
    (1..<widths.count).map { l in
      let rounded = Matrix<T>(rounding: weightEntries[l - 1], widths[l], widths[l - 1])
      return factor.map { $0 * rounded } ?? rounded
    }
  }

  /// The network with activation σ and weights `factor · M_l` (`M_l` without a factor).
  @inlinable
  public func network<T: Scalar>(
    _ activation: Activation, as type: T.Type = T.self, times factor: T? = nil
  ) -> BiaslessMLP<T> {
    BiaslessMLP(weights: weights(as: T.self, times: factor), activation: activation)
  }

  /// The data rounded to `T`.
  @inlinable
  public func dataset<T: Scalar>(as type: T.Type = T.self) -> Dataset<T> {
    Dataset(inputs: inputs.map { $0.map { T($0) } }, targets: targets.map { $0.map { T($0) } })
  }
}
