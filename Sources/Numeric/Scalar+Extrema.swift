/// Extrema that keep a NaN.
///
/// `Swift.max(x, y)`, `Sequence.max()` and friends compare with `<`, which is false whenever a
/// NaN is involved, so they drop a NaN that is not in the right place: `max(1, nan)` is 1. A
/// residual reduced that way could read as small and let a check pass on a broken computation.
/// ClaimCheck's rule is that NaN anywhere is a failure, so every reduction of measured
/// quantities uses these instead. (`x != x` is the NaN test every `Scalar` supports.)
extension Scalar {
  /// The larger of `x` and `y`, or a NaN if either is NaN.
  @inlinable
  public static func maxOrNaN(_ x: Self, _ y: Self) -> Self {
    if x != x { return x }
    if y != y { return y }
    return x < y ? y : x
  }

  /// The smaller of `x` and `y`, or a NaN if either is NaN.
  @inlinable
  public static func minOrNaN(_ x: Self, _ y: Self) -> Self {
    if x != x { return x }
    if y != y { return y }
    return y < x ? y : x
  }
}

extension Sequence where Element: Scalar {
  /// The largest element, a NaN if any element is NaN, nil if there are none.
  @inlinable
  public func maxOrNaN() -> Element? {
    reduce(nil) { partial, x in partial.map { Element.maxOrNaN($0, x) } ?? x }
  }

  /// The smallest element, a NaN if any element is NaN, nil if there are none.
  @inlinable
  public func minOrNaN() -> Element? {
    reduce(nil) { partial, x in partial.map { Element.minOrNaN($0, x) } ?? x }
  }
}
