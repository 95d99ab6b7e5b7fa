import Numeric

/// C1 and C2: CA configurations are exact critical points (the gradient norm vanishes along
/// the precision ladder), for any partition and teacher rotation, and for C2's generalisations;
/// every spec control (a wrong recipe, a broken hypothesis) has a gradient norm >= 1e-8.
extension CopyAverage {
  /// A gradient-norm control's rejection threshold: the `1 + 10⁻⁶` controls give 7e−7 … 1e−5.
  static let gradientRejection = Rational(1, 100_000_000)

  /// `‖∇L‖₂` rebuilt from scratch at each rung.
  static func gradientNorm(_ configuration: StudentConfiguration) -> IdentityCheck.Residual {
    { _ in configuration.gradientNorm() }
  }

  /// The criticality of one CA configuration, with the controls that apply to its partition.
  static func criticalityCheck(
    id: String, _ family: CopyAverageFamily, _ partition: [Int]
  ) -> IdentityCheck {
    IdentityCheck(
      id: id,
      statement: "C1: the erf(z/√2) CA configuration of partition (\(Self.list(partition))) is "
        + "critical: ‖∇_{W,a} L‖₂ = 0 (d = \(family.dimension), Householder seed \(family.seed))",
      rejectionThreshold: gradientRejection,
      residual: gradientNorm(family.configuration(partition)),
      controls: family.controls(partition).map { control, configuration in
        .init(control.description, residual: gradientNorm(configuration))
      })
  }

  func measureCriticalPoints(_ instance: Instance, _ measurements: Measurements) throws {
    let family = instance.copyAverage
    measurements.add(Self.criticalityCheck(id: "c1-critical", family, family.partition))
    measurements.add(Self.criticalityCheck(id: "c1-critical-2", family, family.secondPartition))
    for (control, configuration) in family.controls(family.partition) {
      measurements.record(
        "ca_control_\(control.rawValue)_gradient_norm", configuration.gradientNorm())
    }
    let other = family.seed + 1
    let reference = family.configuration(family.partition)
    let rotated = { (recipe: CopyAverageRecipe) -> IdentityCheck.Residual in
      let loss = PopulationLoss(
        activation: .erf, teacher: family.teacher(seed: other), students: recipe.partition.count)
      let turned = StudentConfiguration.copyAverage(recipe, loss)
      return { _ in try Self.largestDifference(reference, turned) }
    }
    let unperturbed = CopyAverageRecipe(partition: family.partition, rule: .matched(kappa: 1))
    var perturbed = unperturbed
    perturbed.scaleFactor = 1 + Rational(1, 1_000_000)
    measurements.add(
      IdentityCheck(
        id: "c1-rotation-invariance",
        statement: "C1: the CA configuration of (\(Self.list(family.partition))) has the same "
          + "loss, gradient norm and Hessian spectrum for Householder seeds \(family.seed) and "
          + "\(other) (the loss is rotation invariant)",
        rejectionThreshold: Self.gradientRejection, residual: rotated(unperturbed),
        controls: [
          .init("seed \(other) with c(m) of G⁰ × (1 + 10⁻⁶)", residual: rotated(perturbed))
        ]))
    try measureGeneralisations(instance, measurements)
  }

  /// C2: the general recipe (block norms and weights), plain erf with its own recipe, and the
  /// norm-2 teacher with the matched recipe.
  private func measureGeneralisations(_ instance: Instance, _ measurements: Measurements) throws {
    let general = instance.general
    var unitRecipe = general.configuration
    unitRecipe.point = { [teacher = general.teacher, partition = general.partition] in
      CopyAverageRecipe(partition: partition, rule: .unitNorm(kappa: 1)).parameters(for: teacher)
    }
    var perturbedOutput = general.configuration
    perturbedOutput.point = { [teacher = general.teacher, partition = general.partition] in
      CopyAverageRecipe(
        partition: partition, rule: .matched(kappa: 1), outputFactor: 1 + Rational(1, 1_000_000)
      )
      .parameters(for: teacher)
    }
    measurements.add(
      IdentityCheck(
        id: "c2-general-critical",
        statement: "C2: with block norms ν = (\(general.norms[0]), \(general.norms[1])) and "
          + "weights b = (\(general.outputs[0]), \(general.outputs[1])) on (\(Self.list(general.partition))), "
          + "w = c Σ_G v̂ⱼ, c = ν/√(m(m + (m−1)ν²)), a = m b_G is critical",
        rejectionThreshold: Self.gradientRejection,
        residual: Self.gradientNorm(general.configuration),
        controls: [
          .init(
            "the unit recipe c(m) = 1/√(m(2m−1)), ignoring ν",
            residual: Self.gradientNorm(unitRecipe)),
          .init("a of G⁰ × (1 + 10⁻⁶)", residual: Self.gradientNorm(perturbedOutput)),
        ]))
    let family = instance.copyAverage
    let plain = [family.partition, family.secondPartition].map(family.plainErfConfiguration)
    measurements.add(
      IdentityCheck(
        id: "c2-plain-erf-critical",
        statement: "C2: for plain erf(z) the CA configurations of (\(Self.list(family.partition))) "
          + "and (\(Self.list(family.secondPartition))) with c = 1/√(m(3m−2)), a = m are critical",
        rejectionThreshold: Self.gradientRejection,
        residual: { _ in plain.map { $0.gradientNorm() }.maxOrNaN()! },
        controls: [
          .init(
            CopyAverageControl.plainErf.description,
            residual: Self.gradientNorm(
              CopyAverageControl.plainErf.configuration(
                partition: family.partition, teacher: family.teacher())!))
        ]))
    measurements.add(
      IdentityCheck(
        id: "c2-norm-two-critical",
        statement: "C2: for the teacher of norm 2, the recipe c = ν/√(m(m + (m−1)ν²)) with ν = 2 "
          + "gives a critical point on (\(Self.list(family.partition)))",
        rejectionThreshold: Self.gradientRejection,
        residual: Self.gradientNorm(family.normTwoConfiguration(family.partition)),
        controls: [
          .init(
            CopyAverageControl.normTwo.description,
            residual: Self.gradientNorm(
              CopyAverageControl.normTwo.configuration(
                partition: family.partition, teacher: family.teacher())!))
        ]))
    let spectrum = try general.configuration.spectrum()
    measurements.record("g_loss", general.configuration.value())
    measurements.record("g_hessian_min_eig", spectrum.first!)
    measurements.record("g_hessian_max_eig", spectrum.last!)
    measurements.record(
      "g_hessian_negative",
      Inertia(eigenvalues: spectrum, zeroTolerance: Self.zeroTolerance(instance.precision)).negative
    )
  }

  /// The largest difference between two configurations' loss, gradient norm and Hessian
  /// eigenvalues, at the working precision.
  static func largestDifference(
    _ a: StudentConfiguration, _ b: StudentConfiguration
  ) throws -> BigFloat {
    let (first, second) = (try a.spectrum(), try b.spectrum())
    let differences =
      [a.value() - b.value(), a.gradientNorm() - b.gradientNorm()] + zip(first, second).map(-)
    return differences.map(\.magnitude).maxOrNaN()!
  }

  /// `2^(−p/2)`: eigenvalues this small count as zero (spec §3; at 256 bits any tolerance
  /// between 1e−30 and 1e−5 gives the same counts on every instance).
  static func zeroTolerance(_ precision: Int) -> BigFloat {
    BigFloat(Rational.pow(2, -precision / 2), precision: precision)
  }

  /// `1,3` for `[1, 3]`.
  static func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ",") }
}
