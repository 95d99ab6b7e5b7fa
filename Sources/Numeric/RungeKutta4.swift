/// The classical fourth-order Runge–Kutta method with a fixed step: global error `O(h⁴)`.
///
/// Exposed step by step so claims can build their own schemes (splitting, projections) on it.
public enum RungeKutta4 {
  /// One step from `(t, y)` of size `h`:
  /// `y + h/6 (k₁ + 2k₂ + 2k₃ + k₄)` with `k₁ = f(t, y)`, `k₂ = f(t + h/2, y + h/2 k₁)`,
  /// `k₃ = f(t + h/2, y + h/2 k₂)`, `k₄ = f(t + h, y + h k₃)`.
  public static func step<T: Scalar>(
    _ f: VectorField<T>, t: T, y: [T], h: T
  ) rethrows -> [T] {
    let half = h / 2
    let k1 = try f(t, y)
    let k2 = try f(t + half, y.adding(k1, scaledBy: half))
    let k3 = try f(t + half, y.adding(k2, scaledBy: half))
    let k4 = try f(t + h, y.adding(k3, scaledBy: h))
    return y.adding([k1, k2, k3, k4], weights: [1, 2, 2, 1].map { T($0) / 6 }, scaledBy: h)
  }

  /// The state at `t1` after `steps` equal steps from `y0` at `t0`.
  public static func integrate<T: Scalar>(
    _ f: VectorField<T>, from t0: T, _ y0: [T], to t1: T, steps: Int
  ) rethrows -> [T] {
    precondition(steps > 0, "RK4 needs at least one step")
    let h = (t1 - t0) / T(steps)
    var y = y0
    // t is recomputed from the step index so that rounding does not accumulate in time.
    for i in 0..<steps { y = try step(f, t: t0 + T(i) * h, y: y, h: h) }
    return y
  }
}
