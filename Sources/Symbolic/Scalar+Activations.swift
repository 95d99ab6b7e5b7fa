import Numeric
import RealModule

extension Scalar {
  /// The logistic sigmoid `σ(x) = 1/(1 + e^{−x})`.
  ///
  /// Each branch is an exact formula for σ on all of ℝ, so derivative types see the same
  /// function on both sides; the branch only keeps `exp` from overflowing.
  @inlinable
  public static func sigmoid(_ x: Self) -> Self {
    // One 1 for both of its uses: a `BigFloat` literal reads the task-local precision.
    let one = Self(1)
    if x >= Self(0) { return one / (one + exp(-x)) }
    let ex = exp(x)
    return ex / (one + ex)
  }

  /// `softplus(x) = log(1 + eˣ)`, whose derivative is `σ(x)`.
  ///
  /// For x > 0 it is computed as `x + log(1 + e^{−x})`, the same function without overflow.
  @inlinable
  public static func softplus(_ x: Self) -> Self {
    if x > Self(0) { return x + log(onePlus: exp(-x)) }
    return log(onePlus: exp(x))
  }

  /// `relu(x) = max(x, 0)`, NaN for NaN (and for a `Ball`, an enclosure of the maximum).
  @inlinable public static func relu(_ x: Self) -> Self { maxOrNaN(x, Self(0)) }

  /// The standard normal density `φ(x) = e^{−x²/2}/√(2π)`.
  @inlinable
  public static func normalDensity(_ x: Self) -> Self { exp(-(x * x) / 2) / sqrt(2 * pi) }

  /// The standard normal distribution function `Φ(x) = ½ erfc(−x/√2)`: the complementary form
  /// keeps the relative accuracy of the lower tail, where `½(1 + erf(x/√2))` cancels.
  @inlinable
  public static func normalDistribution(_ x: Self) -> Self { erfc(-x / sqrt(Self(2))) / 2 }

  /// `gelu(x) = x Φ(x)`, the Gaussian error linear unit (the exact form, not the tanh one).
  @inlinable public static func gelu(_ x: Self) -> Self { x * normalDistribution(x) }

  /// `swish(x) = x σ(x)` (SiLU).
  @inlinable public static func swish(_ x: Self) -> Self { x * sigmoid(x) }
}
