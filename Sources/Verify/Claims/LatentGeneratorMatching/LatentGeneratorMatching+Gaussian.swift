import Numeric

/// C4: the projected diffusion of a linear-Gaussian latent has the variance of X_t.
extension LatentGeneratorMatching {
  /// `max_t |a_t − b_t| / |b_t|`.
  static func largestRelativeDeviation(_ a: [BigFloat], _ b: [BigFloat]) -> BigFloat {
    zip(a, b).map { ($0 - $1).magnitude / $1.magnitude }.maximumMagnitude
  }

  func gaussianChecks(_ instance: Instance, _ measurements: Measurements) throws -> [any Check] {
    let model = instance.gaussian
    let times = instance.gaussTimes
    let sorted = times.sorted()
    let order = times.map { sorted.firstIndex(of: $0)! }
    let exact = try model.covariances(at: sorted)
    let joint = model.integrated(
      at: sorted, order: Self.integratorOrder, tolerance: Self.integratorTolerance)
    let variance = joint.map { $0[3] }
    let c11 = exact.map { $0[0] }
    let ignored = sorted.map { model.constantRateVariance(rate: model.ignoredRate, at: $0) }
    let frozen = sorted.map { model.constantRateVariance(rate: model.frozenRate, at: $0) }
    for (i, k) in order.enumerated() {
      for (j, entry) in ["C11", "C12", "C22"].enumerated() { measurements.record("C4_\(entry)_\(i)", exact[k][j]) }
      measurements.record("C4_v_\(i)", variance[k])
      measurements.record("C4_nc_ignored_\(i)", ignored[k])
      measurements.record("C4_nc_frozen_\(i)", frozen[k])
    }
    let deviation = Self.largestRelativeDeviation(variance, c11)
    measurements.record("C4_variance_deviation", deviation)
    let lyapunov = { (states: [[BigFloat]]) in
      zip(states, exact).map { Self.largestRelativeDeviation(Array($0.prefix(3)), $1) }.maximumMagnitude
    }
    let crossCheck = lyapunov(joint)
    measurements.record("C4_lyapunov_deviation", crossCheck)
    let threshold = BigFloat(Self.controlThreshold)
    let list = times.map(\.description).joined(separator: ", ")
    return [
      InequalityCheck(
        id: "C4-lyapunov",
        statement:
          "[derived] C_t by the Taylor integrator (tolerance 2^-(p/2+5)) on C′ = AC + CAᵀ + Σ equals C_t by the matrix exponential of the augmented linear system at t ∈ {\(list)}: max over t and entries of |difference|/|C_t,ij|",
        value: { crossCheck }, .lessThanOrEqual, bound: { Self.agreementBound },
        controls: [
          // The spec gives this check no control: the Lyapunov equation without C Aᵀ.
          .init("C′ = AC + Σ, the transpose term dropped (added)") {
            lyapunov(
              model.integrated(
                at: sorted, order: Self.integratorOrder, tolerance: Self.integratorTolerance,
                transposeTerm: false))
          }
        ]),
      InequalityCheck(
        id: "C4-variance",
        statement:
          "[derived] the projected diffusion's variance v′ = 2(a11 + a12 C12/C11)v + Σ11, v_0 = C0_11, integrated jointly with C_t, equals C11_t (matrix exponential) at t ∈ {\(list)}: max_t |v_t − C11_t|/C11_t",
        value: { deviation }, .lessThanOrEqual, bound: { Self.agreementBound },
        controls: [
          .init("drift a11 x alone, the latent ignored (closed form)", value: {
            Self.largestRelativeDeviation(ignored, c11)
          }, bound: { threshold }),
          .init("drift with C12/C11 frozen at t = 0 (closed form)", value: {
            Self.largestRelativeDeviation(frozen, c11)
          }, bound: { threshold }),
        ]),
    ]
  }
}
