import Numeric

/// C8: the Hessian classifies CA points: the optimal CA (one averaging block) is a strict
/// minimum, two or more averaging blocks make a saddle, and no eigenvalue is zero.
extension CopyAverage {
  func measureClassification(_ instance: Instance, _ measurements: Measurements) throws {
    let family = instance.copyAverage
    let tolerance = Self.zeroTolerance(instance.precision)
    let partitions = [family.partition, family.secondPartition]
    let spectra = try partitions.map { try family.configuration($0).spectrum() }
    let inertias = spectra.map { Inertia(eigenvalues: $0, zeroTolerance: tolerance) }
    let describe = { (i: Int) in "(\(Self.list(partitions[i]))): inertia \(inertias[i])" }
    let minimum = { (i: Int) in Inertia(positive: spectra[i].count, negative: 0, zero: 0) }
    measurements.add(
      ExactCheck(
        id: "c8-classification",
        statement: "C8: at the CA configurations of (\(Self.list(family.partition))) and "
          + "(\(Self.list(family.secondPartition))) the (W, a) Hessian has no zero eigenvalue "
          + "(|λ| <= 2^(−p/2)); at most one averaging block makes a strict minimum, two or more "
          + "a saddle (at least one negative eigenvalue)",
        decide: {
          .all(
            partitions.indices.map { i in
              let averaging = partitions[i].filter { $0 >= 2 }.count
              let holds =
                averaging <= 1
                ? inertias[i] == minimum(i)
                : inertias[i].negative >= 1 && inertias[i].zero == 0
              return .condition(
                holds, describe(i) + (averaging <= 1 ? ", a strict minimum" : ", a saddle"),
                witness: describe(i) + " with \(averaging) averaging blocks")
            }, "CA Hessian classes")
        },
        controls: [
          .init("every CA point is a local minimum") {
            .all(
              partitions.indices.map { i in
                .condition(
                  inertias[i] == minimum(i), describe(i), witness: describe(i) + " is not a minimum"
                )
              }, "CA minima")
          }
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
