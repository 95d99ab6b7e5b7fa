import Numeric

/// "Should Under-parameterized Student Networks Copy or Average Teacher Weights?" (Şimşek,
/// Bendjeddou, Gerstner, Brea; NeurIPS 2023, arXiv:2311.01644): for `erf` students of width
/// `n < k` and a unit-orthonormal teacher, copy-average (CA) configurations are exact critical
/// points, the best copies `n − 1` teachers and averages the rest, the one-neuron problem has
/// closed forms, and the best CA is not always the global optimum. Spec:
/// `claims/copy-average.md`, claims C1–C9 and the ReLU contrast; the parameters and instance
/// are in `CopyAverage+Instance.swift`, the checks in the other `CopyAverage+*.swift` files.
public struct CopyAverage: Claim {
  public init() {}

  public let id = "copy-average"
  /// A scheduling hint: the default run takes about 6 s.
  public var schedulingWeight: Int { 6 }
  public let title = "Copy-average critical points of under-parameterized two-layer students"
  public let source = Source(
    title: "Should Under-parameterized Student Networks Copy or Average Teacher Weights?",
    arxiv: "2311.01644",
    location: "abstract and Fig. 1; recipes, closed forms and Hessians derived in the spec, C1–C9")
  public let statement = """
    Students `f(x) = Σᵢ aᵢ σ(wᵢ·x)` against a teacher `f*(x) = Σⱼ bⱼ σ(vⱼ·x)`, `x ~ N(0, I_d)`, \
    with the loss `L = ½ E_x[(f(x) − f*(x))²]` (the ½ is the spec's convention, Saad and \
    Solla's normalisation: without it every loss, gradient and eigenvalue doubles), evaluated \
    exactly through the closed-form kernels (arcsine for `erf(z/√2)`, arc-cosine for ReLU) and \
    differentiated by AD. (C1) For σ = erf(z/√2) and a unit-orthonormal teacher every CA \
    configuration (copy `wᵢ = vⱼ`, or average `wᵢ = Σ_G vⱼ/√(m(2m−1))`, `aᵢ = m`) is a \
    critical point; (C2) so it is with block-wise equal norms and weights and C2's recipe, and \
    for plain erf with its own recipe; (C3) its loss is `Σᵢ L*(mᵢ)`, \
    `L*(m) = m/6 − (m²/π) asin(1/(2m))`; (C4) the optimum among CA configurations is `n − 1` \
    copies and one average, `L*` being increasing and concave; (C5) one erf student has the \
    critical point `±(Σⱼ vⱼ/√(k(2k−1)), k)`, a strict minimum; (C6) one ReLU student has the \
    critical curve `s* = a|w| = (√k/π)[√(k−1) + π − acos(1/√k)]` with one flat direction; (C7) \
    with outputs frozen at 1 these are the committee machine's symmetric plateaus, saddles; \
    (C8) the optimal CA is a strict minimum and CA points with two or more averaging blocks are \
    saddles; (C9) for `n = k − 1` an approximate-copy strict minimum lies below the best CA \
    when `k ≥ 6`. Contrast: ReLU CA points are not critical. `--seed` is not used: each \
    family of instances has its own seed parameter.
    """
  public let defaultSeed: UInt64 = 11

  public func measure(_ instance: Instance, _ measurements: Measurements) throws {
    measurements.record("loss_convention", text: "L = 1/2 E_x[(f(x) - f*(x))^2]")
    try measureCriticalPoints(instance, measurements)
    measureLosses(instance, measurements)
    measureOrdering(instance, measurements)
    try measureOneNeuron(instance, measurements)
    try measurePlateau(instance, measurements)
    try measureClassification(instance, measurements)
    measureApproximateCopy(instance, measurements)
    measureContrast(instance, measurements)
  }
}
