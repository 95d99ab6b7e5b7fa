import Numeric

/// C7: with output weights frozen at 1 and all `K` students equal, the one-neuron optimum is
/// the soft committee machine's symmetric plateau: critical in `W`, with the closed-form
/// overlaps and loss, and a saddle there.
extension CopyAverage {
  func measurePlateau(_ instance: Instance, _ measurements: Measurements) throws {
    let family = instance.committee
    let (k, d) = (family.students, family.dimension)
    let plateau = family.erfPlateau()
    let spectrum = try plateau.spectrum()
    // Identical students split ℝ^{Kd} into the symmetric moves (the one-neuron problem at
    // a = K: d positive eigenvalues) and K − 1 copies of the antisymmetric block, whose K − 1
    // in-span directions orthogonal to w* descend and whose d − K + 1 others are flat (derived
    // here from that block structure; the spec lists K = 2, d = 3 and K = 3, d = 4).
    let saddle = Inertia(positive: d, negative: (k - 1) * (k - 1), zero: (k - 1) * (d - k + 1))
    let tolerance = Rational.pow(2, -instance.precision / 2)
    measurements.add(
      CriticalPointCheck(
        id: "c7-committee-plateau",
        statement: "C7: K = \(k) erf(z/√2) students with outputs frozen at 1, all at "
          + "u = w* = Σⱼ vⱼ/√(K(2K−1)) (d = \(d)): ∇_W L = 0, and the W-only Hessian has "
          + "(K−1)² negative and (K−1)(d−K+1) zero eigenvalues (a plateau saddle)",
        inertia: saddle, zeroTolerance: tolerance, rejectionThreshold: Self.gradientRejection,
        gradientNorm: { _ in plateau.gradientNorm() }, eigenvalues: { spectrum },
        controls: [
          Self.control("u = w*/2", family.erfPlateau(scaleFactor: Rational(1, 2))),
          Self.control("output weights frozen at 2", family.erfPlateau(output: 2)),
        ]))
    let overlaps = {
      (configuration: StudentConfiguration, closed: (q: BigFloat, r: BigFloat, epsilon: BigFloat))
        -> BigFloat in
      let (q, r) = family.overlaps(configuration)
      return
        ([Self.residual(q, closed.q), Self.residual(configuration.value(), closed.epsilon)]
        + r.map { Self.residual($0, closed.r) }).maxOrNaN()!
    }
    measurements.add(
      IdentityCheck(
        id: "c7-plateau-overlaps",
        statement: "C7: on the erf plateau Q = |u|² = 1/(2K−1), R = u·vⱼ = 1/√(K(2K−1)) for every "
          + "j, and ε = L = (K/π)(π/6 − K asin(1/(2K))) = L*(K)",
        residual: { _ in overlaps(plateau, ClosedForms.committeePlateau(k)) },
        controls: [
          .init(
            "the same closed forms at u = w*/2",
            residual: { _ in
              overlaps(
                family.erfPlateau(scaleFactor: Rational(1, 2)), ClosedForms.committeePlateau(k))
            })
        ]))
    let relu = family.reluPlateau()
    measurements.add(
      IdentityCheck(
        id: "c7-relu-plateau",
        statement: "C7: K = \(k) ReLU students at u = (s*_K/K) Σⱼ vⱼ/√K (all aligned: explicit "
          + "gradient, no Hessian): ∇_W L = 0",
        rejectionThreshold: Self.gradientRejection, residual: { _ in relu.gradientNorm() },
        controls: [
          .init(
            "output weights frozen at 2", residual: Self.gradientNorm(family.reluPlateau(output: 2))
          )
        ]))
    measurements.add(
      IdentityCheck(
        id: "c7-relu-plateau-overlaps",
        statement: "C7: on the ReLU plateau Q = s*²/K², R = u·vⱼ = s*/K^{3/2} for every j, and "
          + "ε = L*_ReLU(K)",
        residual: { _ in overlaps(relu, ClosedForms.reluCommitteePlateau(k)) },
        controls: [
          .init(
            "the erf plateau's closed forms",
            residual: { _ in overlaps(relu, ClosedForms.committeePlateau(k)) })
        ]))
    let (q, r) = family.overlaps(plateau)
    measurements.record("scm_Q", q)
    measurements.record("scm_R", r[0])
    measurements.record("scm_eps", plateau.value())
    measurements.record("scm_hessian_min_eig", spectrum.first!)
    let inertia = Inertia(eigenvalues: spectrum, zeroTolerance: BigFloat(tolerance))
    measurements.record("scm_hessian_negative", inertia.negative)
    measurements.record("scm_hessian_zero", inertia.zero)
    let (reluQ, reluR) = family.overlaps(relu)
    measurements.record("scm_relu_Q", reluQ)
    measurements.record("scm_relu_R", reluR[0])
    measurements.record("scm_relu_eps", relu.value())
    measurements.record(
      "scm_control_half_gradient_norm",
      family.erfPlateau(scaleFactor: Rational(1, 2)).gradientNorm())
    measurements.record(
      "scm_control_outputs_gradient_norm", family.erfPlateau(output: 2).gradientNorm())
  }
}
