import Numeric

/// C1b [paper: a joint-entropy identity; Liouville form derived]: along the flow of F,
/// `log det DΦ_T = ∫₀ᵀ div F dt` with C1's closed form, so the joint entropy changes by the
/// integrated divergence and the self term lowers it.
extension DivergenceSetting {
  /// The spec's 1e−38 at 256 bits; at lower precisions the rounding level `2^(24−p)`.
  static func flowTolerance(bits: Int) -> Rational {
    max(Rational.pow(10, -38), Rational.pow(2, 24 - bits))
  }

  /// The refinement's coarser run: a quarter fewer steps (8 against 6, as the spec's oracle).
  var coarseSteps: Int { steps - max(1, steps / 4) }

  func liouvilleChecks(recordingIn measurements: Measurements) throws -> [any Check] {
    let bound = Self.flowTolerance(bits: measurements.precision)
    let fine = try flow(tolerance: bound).run()
    let coarse = try flow(steps: coarseSteps, tolerance: bound).run()
    // A low order leaves a truncation error far above the tolerance: the refinement's control.
    let rough = try flow(fixedOrder: 8).run()
    measurements.record("C1b_logdet", fine.logDeterminant)
    measurements.record("C1b_int_div", fine.integratedDivergence)
    let tolerance = T(bound)
    let orders = "\(fine.orders.min()!)…\(fine.orders.max()!)"
    let run = "T = \(horizon), \(steps) steps of orders \(orders) (each to its local tolerance, at most \(order))"
    func change(_ a: LiouvilleFlow.Outcome, _ b: LiouvilleFlow.Outcome) -> T {
      T.maximum(
        (a.logDeterminant - b.logDeterminant).magnitude,
        (a.integratedDivergence - b.integratedDivergence).magnitude)
    }
    return [
      InequalityCheck(
        id: "C1b-liouville",
        statement:
          "[paper: joint-entropy identity; Liouville form derived] log det DΦ_T(x(0)) = ∫₀ᵀ div F(x(t)) dt: the Taylor flow of x′ = F(x), M′ = DF(x) M (DF by vector-mode forward AD), L′ = div F (C1's closed form), \(run): |log det M(T) − L(T)|",
        value: { (fine.logDeterminant - fine.integratedDivergence).magnitude }, .lessThanOrEqual,
        bound: { tolerance },
        controls: [
          .init("L0(T), the integral without the self term") {
            (fine.logDeterminant - fine.integratedWithoutSelf).magnitude
          }
        ]),
      InequalityCheck(
        id: "C1b-refinement",
        statement:
          "[derived] the flow is converged: \(steps) against \(coarseSteps) steps change log det M(T) and L(T) by at most the tolerance (the larger change)",
        value: { change(fine, coarse) }, .lessThanOrEqual, bound: { tolerance },
        controls: [
          .init("Taylor steps of order 8 against orders \(orders) (added)") { change(fine, rough) }
        ]),
    ]
  }
}

extension DriftingConservative.Instance {
  /// C1b's instance as exact rationals, for the mpmath twin of `bench claims`: the data, `x(0)`
  /// (flattened), the dimension d, the bandwidth h, the step `T/steps` and the Taylor order.
  public var liouvilleSetting:
    (data: [[Rational]], start: [Rational], dimension: Int, bandwidth: Rational, step: Rational, order: Int)
  {
    let setting = divergence
    return (
      setting.drift.data, setting.configuration, setting.drift.dimension, setting.drift.bandwidth,
      setting.horizon / Rational(setting.steps), setting.order
    )
  }

  /// The first step of C1b's fine flow (``LiouvilleFlow``, step `T/steps`) at the order cap,
  /// the order its mpmath twin is sent: `x`, then `log det M`, `L` and `L0` after it. What
  /// `bench claims` times.
  public func liouvilleFirstStep() throws -> [BigFloat] {
    let setting = divergence
    let outcome = try LiouvilleFlow(
      drift: setting.drift, start: setting.configuration,
      horizon: setting.horizon / Rational(setting.steps), steps: 1, order: setting.order
    ).run()
    return outcome.positions
      + [outcome.logDeterminant, outcome.integratedDivergence, outcome.integratedWithoutSelf]
  }
}
