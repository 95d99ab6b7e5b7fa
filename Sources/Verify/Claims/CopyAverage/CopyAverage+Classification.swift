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
    // The margin by which a spectrum is of a class beyond the zero tolerance: positive exactly
    // when the class holds. A minimum: λ_min − tol. A saddle: a negative eigenvalue and none
    // near zero, min(−λ_min, min |λ|) − tol.
    let minimumMargin = { (spectrum: [BigFloat]) in spectrum.first! - tolerance }
    let saddleMargin = { (spectrum: [BigFloat]) in
      BigFloat.minimum(-spectrum.first!, spectrum.map(\.magnitude).minOrNaN()!) - tolerance
    }
    let predicted = partitions.indices.map { i in
      partitions[i].filter { $0 >= 2 }.count <= 1
        ? minimumMargin(spectra[i]) : saddleMargin(spectra[i])
    }
    measurements.add(
      InequalityCheck(
        id: "c8-classification",
        statement: "C8: at the CA configurations of (\(Self.list(family.partition))) and "
          + "(\(Self.list(family.secondPartition))) the (W, a) Hessian has no eigenvalue within "
          + "2^(−p/2) of zero; at most one averaging block makes a strict minimum, two or more a "
          + "saddle (value: the smaller margin beyond 2^(−p/2), λ_min for a minimum, "
          + "min(−λ_min, min |λ|) for a saddle)",
        value: { predicted.minOrNaN()! }, .greaterThan, bound: { 0 },
        controls: [
          .init(
            "every CA point is a local minimum", value: { spectra.map(minimumMargin).minOrNaN()! })
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
