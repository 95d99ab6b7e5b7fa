import Numeric

/// The instance D1 of C1 and C1b, drawn from `divSeed`: `y₁ … y_M`, then `x₁ … x_N`, each
/// point's `d` coordinates in order; the paper's field and its leave-one-out variant; the
/// flow's horizon, steps and Taylor order.
///
/// The spec's oracle takes Gragg–Bulirsch–Stoer steps of extrapolation depth `extrap`, order
/// `2·extrap`; a Taylor step of that order is far less accurate at the same step (order 32
/// leaves `|log det M − L| = 2.6e−29` at 8 steps of D1, where the spec asks 1e−38), so the
/// Taylor order here is at most `2·extrap + 24` (56 by default), each step stopping at the order
/// its own local tolerance needs: within the spec's tolerances for 8 and 6 steps, and lower
/// orders for the shorter steps of more of them.
struct DivergenceSetting: Sendable {
  let drift: ConservativeDrift
  let leaveOneOut: ConservativeDrift
  /// `x(0)`, flattened.
  let configuration: [Rational]
  let horizon: Rational
  let steps: Int
  let order: Int

  init(_ arguments: Arguments) {
    typealias C = DriftingConservative
    var generator = SplitMix64(seed: UInt64(arguments[C.divSeed]))
    let d = arguments[C.dimension]
    let scale = arguments[C.divScale]
    let data = (0..<arguments[C.divDataCount]).map { _ in generator.symmetricEntries(d, scale: scale) }
    configuration = generator.symmetricEntries(d * arguments[C.divParticleCount], scale: scale)
    let h = arguments[C.divBandwidth]
    drift = ConservativeDrift(data: data, bandwidth: h, dimension: d, leaveOneOut: false)
    leaveOneOut = ConservativeDrift(data: data, bandwidth: h, dimension: d, leaveOneOut: true)
    horizon = arguments[C.flowHorizon]
    steps = arguments[C.flowSteps]
    order = 2 * arguments[C.extrapolation] + 24
  }

  /// The flow in `steps` steps (by default the instance's) for a result within `tolerance`:
  /// each step's series to the order at which its last terms are below
  /// `tolerance / (1024·steps)`, at most `order`, so that the truncation errors of all the steps
  /// sum far below `tolerance`.
  func flow(steps: Int? = nil, tolerance: Rational) -> LiouvilleFlow {
    let steps = steps ?? self.steps
    return LiouvilleFlow(
      drift: drift, start: configuration, horizon: horizon, steps: steps, order: order,
      localTolerance: tolerance / Rational(1024 * steps))
  }

  /// The flow in the instance's steps, every step's series to `fixedOrder`.
  func flow(fixedOrder: Int) -> LiouvilleFlow {
    LiouvilleFlow(drift: drift, start: configuration, horizon: horizon, steps: steps, order: fixedOrder)
  }
}
