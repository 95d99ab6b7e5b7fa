import Numeric
import RealModule

extension Scalar {
  /// The logistic sigmoid `σ(x) = 1/(1 + e^{−x})`.
  ///
  /// Each branch is an exact formula for σ on all of ℝ, so derivative types see the same
  /// function on both sides; the branch only keeps `exp` from overflowing.
  @inlinable
  public static func sigmoid(_ x: Self) -> Self {
    if x >= Self(0) { return 1 / (1 + exp(-x)) }
    let ex = exp(x)
    return ex / (1 + ex)
  }

  /// `softplus(x) = log(1 + eˣ)`, whose derivative is `σ(x)`.
  ///
  /// For x > 0 it is computed as `x + log(1 + e^{−x})`, the same function without overflow.
  @inlinable
  public static func softplus(_ x: Self) -> Self {
    if x > Self(0) { return x + log(onePlus: exp(-x)) }
    return log(onePlus: exp(x))
  }
}
