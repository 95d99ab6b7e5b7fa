import Numeric

/// The run of claim M9: 40 steps of the discrete scheme on `f = ½‖AW − B‖²` at a step that is a
/// multiple of `h_max = 2γ√ε/L_f`, with the heavy-ball Muon form run alongside.
struct DiscreteRun: Sendable {
  typealias T = BigFloat
  /// `H_0 … H_K`.
  let energies: [T]
  /// `max_k |(H_{k+1} − H_k) − (−γh D − B_Ψ + (h²/2)‖A∇Ψ‖²)| / H_0`.
  let identityResidual: T
  /// `max_k [(H_{k+1} − H_k) − (−γh D + (L_f h²/2)‖∇Ψ‖²)]`, ≤ 0 when the inequality holds.
  let inequalityExcess: T
  /// `max_k ‖W_k(heavy ball) − W_k(scheme)‖_max`.
  let heavyBallMismatch: T
  let scheme: RegularizedMuonScheme<LeastSquaresObjective<T>>
  let smoothness: T

  /// The number of steps with `H_{k+1} > H_k`.
  var increases: Int { zip(energies, energies.dropFirst()).filter { $1 > $0 }.count }

  /// `L_f = λ_max(AᵀA)`, by numeric's Jacobi eigen-decomposition.
  static func smoothness(of objective: LeastSquaresObjective<T>) throws -> T {
    try (objective.a.transposed * objective.a).symmetricEigendecomposition().eigenvalues.last!
  }

  /// Runs the instance at `stepMultiple · h_max`.
  init(_ instance: HamiltonianInstances.Discrete, stepMultiple: Rational) throws {
    let objective = instance.objective(as: T.self)
    let kinetic = SmoothedNuclearNorm<T>(epsilon: instance.epsilon)
    let damping = T(instance.damping)
    smoothness = try Self.smoothness(of: objective)
    let hMax = 2 * damping * kinetic.rootEpsilon / smoothness
    scheme = RegularizedMuonScheme(
      objective: objective, kinetic: kinetic, damping: damping, step: T(stepMultiple) * hMax)
    var w: Matrix<T> = matrix(instance.w0, 3, 2)
    var p: Matrix<T> = matrix(instance.p0, 3, 2)
    var heavyW = w
    var momentum = p / (-scheme.step * scheme.momentumFactor)
    var energies = [scheme.energy(w, p)]
    var identity = T.zero, excess = -T(Double.infinity), mismatch = T.zero
    for _ in 0..<instance.steps {
      let (nextW, nextP) = scheme.advance(w, p)
      energies.append(scheme.energy(nextW, nextP))
      let change = energies[energies.count - 1] - energies[energies.count - 2]
      identity = max(identity, T.abs(change - scheme.energyChange(from: p, to: nextP)))
      excess = max(excess, change - scheme.energyChangeBound(next: nextP, smoothness: smoothness))
      (heavyW, momentum) = scheme.heavyBallAdvance(heavyW, momentum)
      mismatch = max(mismatch, (heavyW - nextW).maximumMagnitude)
      (w, p) = (nextW, nextP)
    }
    self.energies = energies
    identityResidual = identity / energies[0]
    inequalityExcess = excess
    heavyBallMismatch = mismatch
  }
}
