import Numeric

/// C8: the Hessian classifies CA points: the optimal CA (one averaging block) is a strict
/// minimum, two or more averaging blocks make a saddle, and no eigenvalue is zero.
extension CopyAverage {
  func measureClassification(_ instance: Instance, _ measurements: Measurements) throws {
    let family = instance.copyAverage
    let tolerance = Self.zeroTolerance(instance.precision)
    let partitions = [family.partition, family.secondPartition]
    let configurations = partitions.map { family.configuration($0) }
    let spectra = try configurations.map { try $0.spectrum() }
    let inertias = spectra.map { Inertia(eigenvalues: $0, zeroTolerance: tolerance) }
    let blocks = partitions.map { $0.filter { $0 >= 2 }.count }
    // The same margins over balls: each point's Krawczyk box holds exactly one critical point,
    // and the margin is computed from the Hessian's eigenvalues enclosed over the whole box.
    let enclosure = { () -> (value: Ball, bound: Ball)? in
      var margins: [Ball] = []
      for (configuration, blocks) in zip(configurations, blocks) {
        let (outcome, spectrum) = configuration.certification().decide()
        guard case .uniqueZero = outcome, let (_, eigenvalues) = spectrum else { return nil }
        margins.append(Self.classMargin(eigenvalues, averagingBlocks: blocks, Ball(tolerance)))
      }
      return (margins.minOrNaN()!, Ball(0))
    }
    measurements.add(
      InequalityCheck(
        id: "c8-classification",
        statement: "C8: at the CA configurations of (\(Self.list(family.partition))) and "
          + "(\(Self.list(family.secondPartition))) the (W, a) Hessian has no eigenvalue within "
          + "2^(−p/2) of zero; at most one averaging block makes a strict minimum, two or more a "
          + "saddle (value: the smaller margin beyond 2^(−p/2), λ_min for a minimum, "
          + "min(−λ_min, min |λ|) for a saddle; enclosed over a Krawczyk box around each point)",
        value: {
          zip(spectra, blocks).map { Self.classMargin($0, averagingBlocks: $1, tolerance) }
            .minOrNaN()!
        },
        .greaterThan, bound: { 0 }, enclosure: enclosure,
        controls: [
          .init(
            "every CA point is a local minimum",
            value: {
              spectra.map { Self.classMargin($0, averagingBlocks: 1, tolerance) }
                .minOrNaN()!
            })
        ]))
    for (prefix, (spectrum, inertia)) in zip(["ca", "ca2"], zip(spectra, inertias)) {
      measurements.record("\(prefix)_hessian_min_eig", spectrum.first!)
      measurements.record("\(prefix)_hessian_max_eig", spectrum.last!)
      measurements.record("\(prefix)_hessian_negative", inertia.negative)
      if let smallest = spectrum.first(where: { $0 > tolerance }) {
        measurements.record("\(prefix)_hessian_min_positive_eig", smallest)
      }
    }
  }

  /// The margin by which a spectrum is of C8's class beyond the zero tolerance `tol`: positive
  /// exactly when the class holds. At most one averaging block, a minimum: `λ_min − tol`. More,
  /// a saddle: a negative eigenvalue and none near zero, `min(−λ_min, min |λ|) − tol`.
  static func classMargin<S: Scalar>(_ spectrum: [S], averagingBlocks: Int, _ tol: S) -> S {
    let lowest = spectrum.minOrNaN()!
    if averagingBlocks <= 1 { return lowest - tol }
    return S.minOrNaN(-lowest, spectrum.map(\.magnitude).minOrNaN()!) - tol
  }

  /// The ReLU contrast: with ReLU, copying plus the one-neuron ReLU average is not critical.
  func measureContrast(_ instance: Instance, _ measurements: Measurements) {
    let family = instance.copyAverage
    let partitions = [family.partition, family.secondPartition]
    let relu = partitions.map {
      StudentConfiguration.reluCopyAverage(partition: $0, teacher: family.teacher())
    }
    measurements.add(
      CounterexampleCheck(
        id: "contrast-relu-ca",
        statement: "Contrast (not a paper claim): with ReLU the CA points of "
          + "(\(Self.list(family.partition))) and (\(Self.list(family.secondPartition))) (copies "
          + "w = vⱼ, a = 1; averages w = Σ_G vⱼ/√m, a = s*(m); explicit gradient) are not "
          + "critical (effect: the smaller gradient norm)",
        threshold: Self.gradientRejection,
        effect: { relu.map { $0.gradientNorm() }.minOrNaN()! },
        controls: [
          .init("the erf(z/√2) CA points of C1") {
            partitions.map { family.configuration($0).gradientNorm() }.minOrNaN()!
          }
        ]))
    measurements.record("relu_ca_gradient_norm", relu[0].gradientNorm())
    measurements.record("relu_ca2_gradient_norm", relu[1].gradientNorm())
  }
}
