import Numeric
import Symbolic

/// C2 [paper; closed-form curl derived]: the conservative velocity (and its sharp form) is a
/// gradient field, with `V_g = h² v`; the Laplace displacement drift has the closed-form curl
/// and a non-zero circulation.
extension PlanarSetting {
  typealias T = BigFloat

  var circle: Circle { Circle(centre: centre, radius: radius) }

  /// `|J₂₁ − J₁₂| / ‖J‖_F` of a planar field's forward-mode Jacobian, largest over the points.
  func asymmetry(_ field: @escaping ([VectorDual<T>]) -> [VectorDual<T>]) -> T {
    points.map { z in
      let j = forwardJacobian(of: field, at: z.map { T($0) })
      return (j[1, 0] - j[0, 1]).magnitude / j.frobeniusNorm
    }.reduce(T.zero) { T.maximum($0, $1) }
  }

  /// `max_k ‖a(zₖ) − b(zₖ)‖_∞ / max_k ‖a(zₖ)‖_∞` for planar fields `a`, `b`.
  func relativeDifference(_ a: ([T]) -> [T], _ b: ([T]) -> [T]) -> T {
    var (difference, size) = (T.zero, T.zero)
    for z in points.map({ $0.map { T($0) } }) {
      let (u, w) = (a(z), b(z))
      difference = T.maximum(difference, zip(u, w).map { $0 - $1 }.maximumMagnitude)
      size = T.maximum(size, u.maximumMagnitude)
    }
    return difference / size
  }

  func curlChecks(recordingIn measurements: Measurements) throws -> [any Check] {
    let drift = self.drift
    for (k, z) in points.enumerated() {
      let zk = z.map { T($0) }
      for (c, value) in drift.conservativeVelocity(at: zk).enumerated() {
        measurements.record("C2_v_\(k)_\(c)", value)
      }
      for (c, value) in drift.laplaceDisplacement(at: zk).enumerated() {
        measurements.record("C2_V_laplace_\(k)_\(c)", value)
      }
      measurements.record(
        "C2_curl_laplace_\(k)",
        PlanarDrift.curl(forwardJacobian(of: { drift.laplaceDisplacement(at: $0) }, at: zk)))
    }
    let (coarse, fine) = (nodes[0], nodes[1])
    let circle = self.circle
    let laplace = { (z: [T]) in drift.laplaceDisplacement(at: z) }
    let gamma = circle.circulation(of: laplace, nodes: fine)
    measurements.record("C2_Gamma_laplace", gamma)
    let conservative = T.maximum(
      circle.circulation(of: { (z: [T]) in drift.conservativeVelocity(at: z) }, nodes: fine).magnitude,
      circle.circulation(of: { (z: [T]) in drift.sharpVelocity(at: z) }, nodes: fine).magnitude)
    let stokes = { (modelWeight: T) in
      try circle.areaIntegral(
        of: { drift.closedFormCurl(at: $0, modelWeight: modelWeight) }, radialPoints: 32,
        angularNodes: 128)
    }
    let area = try stokes(1)
    let setting =
      "M = \(drift.data.count), N = \(drift.particles.count), K = \(points.count), h = \(drift.bandwidth), τ = \(drift.scale)"
    let disc = "circle c = (\(centre[0]), \(centre[1])), R = \(radius)"
    let vanishing = T.maximum(T(Rational.pow(10, -40)), T(Rational.pow(2, 24 - measurements.precision)))
    return [
      IdentityCheck(
        id: "C2-symmetric-jacobian",
        statement:
          "[paper] v = ∇ log S_P − ∇ log S_Q and v# = τ²(s#_P − s#_Q) are gradient fields: their forward-mode Jacobians at every zₖ are symmetric, largest |J₂₁ − J₁₂|/‖J‖_F (\(setting))",
        slack: 24,
        residual: { _ in
          T.maximum(
            asymmetry { drift.conservativeVelocity(at: $0) },
            asymmetry { drift.sharpVelocity(at: $0) })
        },
        controls: [
          .init("the symmetry test applied to the Laplace drift V_k") { _ in
            asymmetry { drift.laplaceDisplacement(at: $0) }
          }
        ]),
      IdentityCheck(
        id: "C2-gaussian-drift",
        statement:
          "[derived] with the Gaussian weight the displacement drift is the conservative velocity scaled: V_g = h² v at every zₖ, largest relative difference (max norm)",
        slack: 24,
        residual: { _ in
          relativeDifference(
            { drift.gaussianDisplacement(at: $0) },
            { drift.conservativeVelocity(at: $0).map { T(drift.bandwidth * drift.bandwidth) * $0 } })
        },
        controls: [
          .init("V_g = h² ∇ log S_P, the model score dropped (added)") { _ in
            relativeDifference(
              { drift.gaussianDisplacement(at: $0) },
              { z in
                GaussianKernelSum(centres: drift.data.map { $0.map { T($0) } }, bandwidth: T(drift.bandwidth))
                  .score(at: z).map { T(drift.bandwidth * drift.bandwidth) * $0 }
              })
          }
        ]),
      IdentityCheck(
        id: "C2-laplace-curl",
        statement:
          "[derived] curl V_k = −τ²[(∇K_P × ∇K#_P)/K_P² − (∇K_Q × ∇K#_Q)/K_Q²]: the curl of the forward-mode Jacobian of V_k's definition against the closed form (sums' gradients by reverse mode) at every zₖ, relative to the largest ‖J_{V_k}‖_F",
        slack: 24, residual: { _ in curlResidual(modelWeight: 1) },
        controls: [
          .init("the model term with the wrong sign, −τ²[… + (∇K_Q × ∇K#_Q)/K_Q²] (added)") { _ in
            curlResidual(modelWeight: -1)
          }
        ]),
      InequalityCheck(
        id: "C2-circulation",
        statement:
          "[paper] ∮ v · dl = 0 and ∮ v# · dl = 0 on the \(disc): the \(fine)-node trapezoid circulations, the larger |Γ| (bound 1e−40, or 2^(24−p) below 256 bits)",
        value: { conservative }, .lessThanOrEqual, bound: { vanishing },
        controls: [
          .init("declaring the Laplace drift V_k conservative: |Γ(V_k)|") { gamma.magnitude }
        ]),
      InequalityCheck(
        id: "C2-stokes",
        statement:
          "[derived] Γ(V_k) = ∬ curl V_k dA ≠ 0 on the \(disc) (no data point or particle inside): |\(fine)-node circulation − area integral of the closed-form curl (Gauss–Legendre 32 in r × trapezoid 128 in φ)| ≤ 1e−20",
        value: { (gamma - area).magnitude }, .lessThanOrEqual,
        bound: { T(Rational.pow(10, -20)) },
        controls: [
          .init("the area integral of the curl without the model term (added)") {
            (gamma - (try stokes(0))).magnitude
          }
        ]),
      InequalityCheck(
        id: "C2-trapezoid",
        statement:
          "[derived] the circulation Γ(V_k) is converged: |Γ_\(fine) − Γ_\(coarse)| ≤ 1e−25",
        value: { (gamma - circle.circulation(of: laplace, nodes: coarse)).magnitude },
        .lessThanOrEqual, bound: { T(Rational.pow(10, -25)) },
        controls: [
          .init("8 nodes against \(fine) (added)") {
            (gamma - circle.circulation(of: laplace, nodes: 8)).magnitude
          }
        ]),
    ]
  }

  /// `max_k |curl_AD V_k(zₖ) − closed form| / max_k ‖J_{V_k}(zₖ)‖_F`.
  func curlResidual(modelWeight: Rational) -> T {
    var (difference, size) = (T.zero, T.zero)
    for z in points.map({ $0.map { T($0) } }) {
      let j = forwardJacobian(of: { drift.laplaceDisplacement(at: $0) }, at: z)
      let closed = drift.closedFormCurl(at: z, modelWeight: T(modelWeight))
      difference = T.maximum(difference, (PlanarDrift.curl(j) - closed).magnitude)
      size = T.maximum(size, j.frobeniusNorm)
    }
    return difference / size
  }
}
