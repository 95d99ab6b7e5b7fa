import Numeric

/// The measurements of claims M1–M4 (the smoothing `Ψ_ε`) on one smoothing instance, each
/// computed from the exact instance at the working precision when called.
struct SmoothingMeasurements: Sendable {
  let instance: HamiltonianInstances.Smoothing
  let epsilon: Rational

  typealias T = BigFloat
  var psi: SmoothedNuclearNorm<T> { SmoothedNuclearNorm(epsilon: epsilon) }
  var g: Matrix<T> { matrix(instance.g, instance.rows, instance.columns) }
  var delta: Matrix<T> { matrix(instance.delta, instance.rows, instance.columns) }

  /// `max |Xᵢⱼ − Yᵢⱼ| / max |Yᵢⱼ|`, the comparison of two matrix routes.
  static func relativeDifference(_ x: Matrix<T>, _ y: Matrix<T>) -> T {
    (x - y).maximumMagnitude / y.maximumMagnitude
  }

  // MARK: M2

  /// `|Ψ_ε(G) + Ψ_ε^*(∇Ψ_ε(G)) − ⟨G, ∇Ψ_ε(G)⟩| / Ψ_ε(G)`: Fenchel–Young with equality.
  func fenchelYoungResidual(conjugateFactor: T? = nil) throws -> T {
    let gradient = psi.gradient(g)
    guard let conjugate = psi.conjugate(gradient) else { throw HamiltonianError.outsideBall }
    // The negative control replaces √ε by another factor in front of Σ√(1 − σᵢ²).
    let scaled = conjugateFactor.map { conjugate / psi.rootEpsilon * $0 } ?? conjugate
    return T.abs(psi.value(g) + scaled - g.frobeniusInnerProduct(gradient)) / psi.value(g)
  }

  /// `Ψ_ε(G) + Ψ_ε^*(Δ) − ⟨G, Δ⟩` at the instance's generic `Δ` (strictly positive).
  func fenchelYoungGapAtGenericDelta() throws -> T {
    guard let conjugate = psi.conjugate(delta) else { throw HamiltonianError.outsideBall }
    return psi.value(g) + conjugate - g.frobeniusInnerProduct(delta)
  }

  /// `‖∇Ψ_ε^*(∇Ψ_ε(G)) − G‖_max / ‖G‖_max`: the mirror map is inverted by the conjugate's.
  func mirrorInversionResidual() -> T {
    Self.relativeDifference(psi.conjugateGradient(psi.gradient(g)), g)
  }

  // MARK: M3

  /// `Ψ_ε(G) − max(‖G‖_*, n√ε)` (≥ 0) and `‖G‖_* + n√ε − Ψ_ε(G)` (≥ 0).
  func boundMargins() -> (lower: T, upper: T) {
    let nuclear = SmoothedNuclearNorm<T>.singularValues(g).reduce(T.zero, +)
    let floor = T(instance.columns) * psi.rootEpsilon
    let value = psi.value(g)
    return (value - max(nuclear, floor), nuclear + floor - value)
  }

  /// `|‖∇Ψ_ε(G)‖_op − σ₁/√(σ₁² + ε)|`, with the operator norm from the singular values of the
  /// gradient itself.
  func operatorNormResidual() -> T {
    let sigma = SmoothedNuclearNorm<T>.singularValues(g)[0]
    let claimed = sigma / T.sqrt(sigma * sigma + psi.epsilon)
    return T.abs(SmoothedNuclearNorm<T>.singularValues(psi.gradient(g))[0] - claimed)
  }

  /// `e(ε) = ‖∇Ψ_ε(G) − UVᵀ‖_F` for each `ε` of `epsilons`.
  func polarErrors(_ epsilons: [Rational]) -> [T] {
    let polar = SmoothedNuclearNorm<T>.polar(g)
    return epsilons.map { (SmoothedNuclearNorm<T>(epsilon: $0).gradient(g) - polar).frobeniusNorm }
  }

  /// `e(ε) / ((ε/2) √(Σᵢ σᵢ⁻⁴))`, which tends to 1 as `ε → 0`.
  func polarErrorRatio(at epsilon: Rational) -> T {
    let sigma = SmoothedNuclearNorm<T>.singularValues(g)
    let inverseFourth = sigma.map { 1 / ($0 * $0 * $0 * $0) }.reduce(T.zero, +)
    return polarErrors([epsilon])[0] / (T(epsilon) / 2 * T.sqrt(inverseFourth))
  }
}

/// Why a measurement could not be made.
enum HamiltonianError: Error, CustomStringConvertible {
  case outsideBall

  var description: String {
    switch self {
    case .outsideBall: "Δ lies outside the operator-norm unit ball, where Ψ_ε^* = +∞"
    }
  }
}
