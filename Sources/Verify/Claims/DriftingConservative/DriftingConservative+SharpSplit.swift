import Numeric

/// C3 [paper: structure; exact form derived]: the companion `k#(r) = (1 + r/τ)e^{−r/τ}` has
/// `(y − z)k = τ²∇_z k#`, so the Laplace drift splits exactly into a positive scalar times the
/// sharp-score mismatch plus a scale-mismatch residual, `V_k = T1 + T2`.
extension PlanarSetting {
  func sharpSplitChecks(recordingIn measurements: Measurements) -> [any Check] {
    let drift = self.drift
    for (k, z) in points.enumerated() {
      let (t1, t2) = drift.sharpSplit(at: z.map { T($0) })
      for c in 0..<2 {
        measurements.record("C3_T1_\(k)_\(c)", t1[c])
        measurements.record("C3_T2_\(k)_\(c)", t2[c])
      }
    }
    let tau2 = { T(drift.scale * drift.scale) }
    let definition = { (z: [T]) in drift.laplaceDisplacement(at: z) }
    func residual(_ candidate: @escaping ([T]) -> [T]) -> IdentityCheck.Residual {
      { _ in relativeDifference(definition, candidate) }
    }
    let split = { (z: [T]) -> [T] in
      let (t1, t2) = drift.sharpSplit(at: z)
      return zip(t1, t2).map { $0 + $1 }
    }
    return [
      IdentityCheck(
        id: "C3-sharp-split",
        statement:
          "[paper: structure; exact form derived] V_k = τ² r_P (s#_P − s#_Q) + τ² (r_P − r_Q) s#_Q (T1: the positive scalar τ² r_P ≥ τ² times the sharp-score mismatch; T2: the scale-mismatch residual), with r = K#/K and s# = ∇ log K# by reverse mode of the companion sums: V_k's definition against T1 + T2 at every zₖ, largest relative difference (max norm)",
        slack: 24, rejectionThreshold: Rational(1, 10), residual: residual(split),
        controls: [
          .init("(i) the Laplace kernel as its own companion, τ²(∇ log K_P − ∇ log K_Q)") { _ in
            relativeDifference(definition) { z in
              let (p, q) = (drift.dataLaplace, drift.modelLaplace)
              let (kP, kQ) = (p.laplace(at: z), q.laplace(at: z))
              return zip(p.laplaceGradient(at: z), q.laplaceGradient(at: z)).map {
                tau2() * ($0 / kP - $1 / kQ)
              }
            }
          },
          .init("(ii) τ in place of τ²") { _ in
            relativeDifference(definition) { z in split(z).map { $0 / T(drift.scale) } }
          },
          .init("(iii) the residual T2 dropped") { _ in
            relativeDifference(definition) { z in drift.sharpSplit(at: z).t1 }
          },
        ]),
    ]
  }
}
