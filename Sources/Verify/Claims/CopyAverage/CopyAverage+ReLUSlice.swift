import Numeric

/// C6 on the slice `a = s*`: the ReLU critical set `a|w| = s*` is a curve, so no box around a
/// point of it holds exactly one critical point. With the output weight frozen, the curve meets
/// the slice once, at `w = ŵ` (`r = 1`), and the Hessian in `w` alone is positive definite: the
/// curve's flat direction `(ŵ, −s*)` has a non-zero `a` component, so it leaves the slice. A
/// certified, isolated strict minimum of `w ↦ L(w, s*)` there is what an enclosure can prove of
/// C6's curve.
extension CopyAverage {
  func measureReLUSlice(_ instance: Instance, _ measurements: Measurements) throws {
    let family = instance.relu
    let d = family.dimension
    func onSlice(_ configuration: StudentConfiguration) -> StudentConfiguration {
      var sliced = configuration
      sliced.variableCount = d
      return sliced
    }
    let point = onSlice(family.reluPoint(radius: 1))
    let spectrum = try point.spectrum()
    measurements.add(
      CriticalPointCheck(
        id: "c6-relu-slice-minimum",
        statement: "C6: with the output weight frozen at a = s*, w = ŵ = Σⱼ vⱼ/√k (k = "
          + "\(family.teachers), d = \(d)) is critical and a strict minimum in w: the critical "
          + "curve a|w| = s* crosses the slice there, transversally",
        inertia: Inertia(positive: d, negative: 0, zero: 0),
        zeroTolerance: Rational.pow(2, -instance.precision / 2),
        rejectionThreshold: Self.gradientRejection,
        gradientNorm: { _ in point.gradientNorm() }, eigenvalues: { spectrum },
        certification: point.certification(),
        controls: [
          Self.control(
            "s* × (1 + 10⁻⁶) on the slice",
            onSlice(family.reluPoint(radius: 1, productFactor: 1 + Rational(1, 1_000_000)))),
          .init(
            "a saddle with one descent direction in w", gradientNorm: { _ in point.gradientNorm() },
            eigenvalues: { spectrum }, inertia: Inertia(positive: d - 1, negative: 1, zero: 0)),
        ]))
  }
}
