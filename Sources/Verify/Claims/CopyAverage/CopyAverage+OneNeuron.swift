import Numeric

/// C5 and C6: one student. erf: the closed-form critical pair `±(w*, a*)`, a strict minimum,
/// whose scale Newton recovers from the reduced equation `φ(c) = 0`. ReLU: the critical curve
/// `a|w| = s*` with exactly one flat Hessian direction.
extension CopyAverage {
  /// A wrong point of a critical-point check, judged on its own gradient and Hessian, and
  /// disproved when its Krawczyk box holds no zero of the gradient.
  static func control(
    _ description: String, _ configuration: StudentConfiguration
  ) -> CriticalPointCheck.Control {
    .init(
      description, gradientNorm: { _ in configuration.gradientNorm() },
      eigenvalues: { try configuration.spectrum() },
      certification: configuration.certification())
  }

  func measureOneNeuron(_ instance: Instance, _ measurements: Measurements) throws {
    let family = instance.oneNeuron
    let k = family.teachers
    let parameters = family.dimension + 1
    let point = family.erfPoint()
    let spectrum = try point.spectrum()
    let strictMinimum = Inertia(positive: parameters, negative: 0, zero: 0)
    let tolerance = Rational.pow(2, -instance.precision / 2)
    measurements.add(
      CriticalPointCheck(
        id: "c5-one-erf-neuron",
        statement: "C5: one erf(z/√2) student, k = \(k), d = \(family.dimension): ±(w*, a*), "
          + "w* = Σⱼ vⱼ/√(k(2k−1)), a* = k, are critical (the larger gradient norm of the two) "
          + "and a strict minimum in (w, a) (certified at +(w*, a*); L(−θ) = L(θ) as erf is odd)",
        inertia: strictMinimum, zeroTolerance: tolerance,
        rejectionThreshold: Self.gradientRejection,
        gradientNorm: { _ in
          BigFloat.maximum(point.gradientNorm(), family.erfPoint(sign: -1).gradientNorm())
        },
        eigenvalues: { spectrum }, certification: point.certification(),
        controls: [
          Self.control("c* × (1 + 10⁻⁶)", family.erfPoint(scaleFactor: 1 + Rational(1, 1_000_000))),
          Self.control("the plain mean c = 1/k, a = k", family.erfPlainMean()),
          Self.control("the one-neuron point of the first k − 1 teachers only", family.erfSubset()),
        ]))
    measurements.add(
      IdentityCheck(
        id: "c5-one-erf-loss",
        statement: "C5: L(w*, a*) = L*(k) = k/6 − (k²/π) asin(1/(2k))",
        residual: { _ in Self.residual(point.value(), ClosedForms.averagingLoss(k)) },
        controls: [
          .init(
            "the plain mean attains L*(k)",
            residual: { _ in
              Self.residual(family.erfPlainMean().value(), ClosedForms.averagingLoss(k))
            }),
          .init(
            "without the ½ of the loss: 2L*(k)",
            residual: { _ in
              Self.residual(point.value(), 2 * ClosedForms.averagingLoss(k))
            }),
        ]))
    let reduction = OneNeuronReduction(teachers: k)
    let newton = { (bits: Int) throws -> (c: BigFloat, a: BigFloat, iterations: Int) in
      let iteration = try reduction.solve(bits: bits)
      return (iteration.root, reduction.output(iteration.root), iteration.iterates.count - 1)
    }
    measurements.add(
      IdentityCheck(
        id: "c5-newton-scale",
        statement: "C5: Newton on φ(c) = 2G₁′G₀ − G₁G₀′ (derivatives by nested forward mode) "
          + "from c₀ = 1/(√2 k) converges in at most 12 steps to c* = 1/√(k(2k−1)), with "
          + "a = k G₁/G₀ = k (residual: the larger error, within 2^(16−p))",
        slack: 16,
        residual: { bits in
          let solution = try newton(bits)
          return BigFloat.maximum(
            (solution.c - ClosedForms.averagingScale(k)).magnitude,
            (solution.a - BigFloat(k)).magnitude)
        },
        controls: [
          .init(
            "Newton's root is the plain mean 1/k",
            residual: { bits in
              (try newton(bits).c - 1 / BigFloat(k)).magnitude
            })
        ]))
    let solution = try newton(instance.precision)
    measurements.record("one_c_star", solution.c)
    measurements.record("one_a_star", solution.a)
    measurements.record("one_newton_iterations", solution.iterations)
    measurements.record("one_loss", point.value())
    measurements.record("one_hessian_min_eig", spectrum.first!)
    measurements.record("one_hessian_max_eig", spectrum.last!)
    try measureReLUNeuron(instance, measurements)
  }

  private func measureReLUNeuron(_ instance: Instance, _ measurements: Measurements) throws {
    let family = instance.relu
    let k = family.teachers
    let parameters = family.dimension + 1
    let curve = [1, 2].map { family.reluPoint(radius: $0) }
    let perturbed = family.reluPoint(radius: 1, productFactor: 1 + Rational(1, 1_000_000))
    let copy = family.reluCopyDirection()
    measurements.add(
      IdentityCheck(
        id: "c6-relu-critical-curve",
        statement: "C6: one ReLU student, k = \(k), d = \(family.dimension): (r ŵ, s*/r) with "
          + "ŵ = Σⱼ vⱼ/√k, s* = (√k/π)[√(k−1) + π − acos(1/√k)] is critical at r = 1 and r = 2 "
          + "(the larger gradient norm)",
        rejectionThreshold: Self.gradientRejection,
        residual: { _ in curve.map { $0.gradientNorm() }.maxOrNaN()! },
        controls: [
          .init("s* × (1 + 10⁻⁶)", residual: { _ in perturbed.gradientNorm() }),
          .init(
            "the copy direction w = v₁, a = (π + k − 1)/π (explicit gradient: aligned)",
            residual: { _ in copy.gradientNorm() }),
        ]))
    let spectrum = try curve[0].spectrum()
    // The one flat direction is the rescaling (r ŵ, s*/r): exact, so zero to rounding.
    let tolerance = Rational.pow(2, 20 - instance.precision)
    measurements.add(
      CriticalPointCheck(
        id: "c6-relu-hessian",
        statement: "C6: at r = 1 the Hessian in (w, a) has exactly one zero eigenvalue (the "
          + "rescaling along the critical curve, |λ| <= 2^(20−p)) and the others positive",
        inertia: Inertia(positive: parameters - 1, negative: 0, zero: 1), zeroTolerance: tolerance,
        rejectionThreshold: Self.gradientRejection,
        gradientNorm: { _ in curve[0].gradientNorm() }, eigenvalues: { spectrum },
        controls: [
          Self.control("s* × (1 + 10⁻⁶)", perturbed),
          .init(
            "a strict minimum, no flat direction", gradientNorm: { _ in curve[0].gradientNorm() },
            eigenvalues: { spectrum }, inertia: Inertia(positive: parameters, negative: 0, zero: 0)),
        ]))
    try measureReLUSlice(instance, measurements)
    let optimum: BigFloat = ClosedForms.reluLoss(k)
    measurements.add(
      IdentityCheck(
        id: "c6-relu-loss",
        statement: "C6: L = L*_ReLU(k) = ½[k/2 + k(k−1)/(2π) − s*²/2] at r = 1 and r = 2",
        residual: { _ in
          curve.map { Self.residual($0.value(), ClosedForms.reluLoss(k)) }.maxOrNaN()!
        },
        controls: [
          .init(
            "the copy direction attains L*_ReLU(k)",
            residual: { _ in
              Self.residual(copy.value(), ClosedForms.reluLoss(k))
            })
        ]))
    measurements.add(
      InequalityCheck(
        id: "c6-copy-direction-worse",
        statement:
          "C6: the copy direction w = v₁ with its best a has a higher loss than L*_ReLU(k)",
        value: { copy.value() - optimum }, .greaterThan, bound: { 0 },
        controls: [
          .init("the copy direction is at least as good", value: { optimum - copy.value() })
        ]))
    measurements.record("relu_s_star", ClosedForms.reluProduct(k) as BigFloat)
    measurements.record("relu_loss", curve[0].value())
    if let smallest = spectrum.first(where: { $0 > BigFloat(tolerance) }) {
      measurements.record("relu_hessian_min_positive_eig", smallest)
    }
    measurements.record("relu_hessian_max_eig", spectrum.last!)
    measurements.record(
      "relu_hessian_zero", Inertia(eigenvalues: spectrum, zeroTolerance: BigFloat(tolerance)).zero)
    measurements.record("relu_copy_loss", copy.value())
    measurements.record("relu_copy_gradient_norm", copy.gradientNorm())
  }
}
