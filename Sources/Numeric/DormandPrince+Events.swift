/// The first time at which an event function of the state changes sign, and the state there.
public struct ODEEvent<T: Scalar>: Sendable {
  public let time: T
  public let state: [T]
}

extension DormandPrince {
  /// Integrates from `(t0, y0)` until the first sign change of `g(t, y(t))`, or `t1`.
  ///
  /// After every accepted step the sign of `g` is compared with its sign before the step; in a
  /// step that changes it, the crossing is located by Brent's method on `s ↦ g(t + s, Φ(s))`,
  /// where `Φ(s)` is a Dormand–Prince step of size `s` from the step's start. The time is thus
  /// found to the working precision and is as accurate as the integration itself. A `g` that
  /// vanishes at `t0` counts only once it has left zero and crossed again; two crossings within
  /// one step go unseen. Returns nil if `g` keeps its sign up to `t1`.
  public func firstEvent(
    of f: VectorField<T>, from t0: T, _ y0: [T], until t1: T,
    where g: (T, [T]) throws -> T
  ) throws -> ODEEvent<T>? {
    var integration = try Integration(f, t0, y0, method: self)
    var gBefore = try g(t0, y0)
    var event: ODEEvent<T>? = nil
    try integration.advance(f, to: t1) { before, after in
      let gAfter = try g(after.t, after.y)
      guard gAfter.isFinite else { throw NumericError.nonFinite(algorithm: "event function") }
      defer { gBefore = gAfter }
      if gBefore == T.zero || (gAfter != T.zero && (gBefore < T.zero) == (gAfter < T.zero)) {
        return false
      }
      let offset = try Brent.root(
        of: { s in try g(before.t + s, before.trial(f, s).y) }, in: T.zero...(after.t - before.t))
      event = ODEEvent(time: before.t + offset, state: try before.trial(f, offset).y)
      return true
    }
    return event
  }
}
