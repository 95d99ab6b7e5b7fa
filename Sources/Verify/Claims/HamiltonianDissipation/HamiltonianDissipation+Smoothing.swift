import Numeric
import Symbolic

/// The measurements of claims M1–M4 (the smoothing `Ψ_ε`) on one smoothing instance, each
/// computed from the exact instance at the working precision when called.
struct SmoothingMeasurements: Sendable {
  let instance: HamiltonianInstances.Smoothing
  let epsilon: Rational

  typealias T = BigFloat
  var psi: SmoothedNuclearNorm<T> { SmoothedNuclearNorm(epsilon: epsilon) }
  var g: Matrix<T> { Matrix(rounding: instance.g, instance.rows, instance.columns) }
  var delta: Matrix<T> { Matrix(rounding: instance.delta, instance.rows, instance.columns) }

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
    psi.conjugateGradient(psi.gradient(g)).relativeDistance(to: g)
  }

  // MARK: M3

  /// `Ψ_ε(G) − max(‖G‖_*, n√ε)` (≥ 0) and `‖G‖_* + n√ε − Ψ_ε(G)` (≥ 0).
  func boundMargins() -> (lower: T, upper: T) {
    let nuclear = SmoothedNuclearNorm<T>.singularValues(g).reduce(T.zero, +)
    let floor = T(instance.columns) * psi.rootEpsilon
    let value = psi.value(g)
    return (value - T.maxOrNaN(nuclear, floor), nuclear + floor - value)
  }

  /// ``boundMargins()`` enclosed in Arb balls, from the exact instance: `σᵢ²` are the
  /// certified eigenvalues of `GᵀG` (``Matrix/certifiedSymmetricEigenvalues()``), so
  /// `Ψ_ε(G) = Σᵢ √(σᵢ² + ε)` and `‖G‖_* = Σᵢ σᵢ` are enclosed for the instance itself; nil when
  /// the eigenvalues cannot be separated or one is not certainly positive (a rank-deficient G).
  func enclosedBoundMargins() -> (lower: Ball, upper: Ball)? {
    let g = Matrix<Ball>(rounding: instance.g, instance.rows, instance.columns)
    guard let squares = (g.transposed * g).certifiedSymmetricEigenvalues(),
      squares.allSatisfy(\.isCertainlyPositive)
    else { return nil }
    let epsilon = Ball(self.epsilon)
    let value = squares.map { Ball.sqrt($0 + epsilon) }.reduce(Ball.zero, +)
    let nuclear = squares.map(Ball.sqrt).reduce(Ball.zero, +)
    let floor = Ball(instance.columns) * Ball.sqrt(epsilon)
    return (value - Ball.maxOrNaN(nuclear, floor), nuclear + floor - value)
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

// MARK: - M1: the gradient by three routes

extension SmoothingMeasurements {
  /// `G f(GᵀG + cI)` through numeric's symmetric eigen-decomposition of the Gram matrix.
  func gramRoute(shift: T, _ f: @escaping (T) -> T) throws -> Matrix<T> {
    let gram = g.transposed * g + shift * Matrix<T>.identity(instance.columns)
    return g * (try gram.symmetricFunction(f))
  }

  /// `max` over the routes of `‖route − U diag(σ/√(σ²+ε)) Vᵀ‖_max / ‖·‖_max`: the closed form
  /// (n = 2) or the Gram eigen route `G (GᵀG + εI)^{−1/2}`, and reverse-mode AD of `Ψ_ε`.
  func gradientResidual() throws -> T {
    let svd = psi.spectralGradient(g)
    let gram = try gramRoute(shift: psi.epsilon) { 1 / T.sqrt($0) }
    return [
      psi.gradient(g).relativeDistance(to: svd), gram.relativeDistance(to: svd),
      try reverseModeGradient().relativeDistance(to: svd),
    ].maxOrNaN()!
  }
}

// MARK: - Checks and values

extension SmoothingMeasurements {
  func record(in measurements: Measurements) {
    let sigma = SmoothedNuclearNorm<T>.singularValues(g)
    for (i, s) in sigma.enumerated() { measurements.record("sigma_\(i + 1)", s) }
    measurements.record("psi", psi.value(g))
    measurements.record("nuclear", sigma.reduce(T.zero, +))
    let gradient = psi.gradient(g)
    if let conjugate = psi.conjugate(gradient) { measurements.record("psi_star_at_grad", conjugate) }
    measurements.record("dissipation_G", psi.dissipation(g))
  }

  func checks() -> [any Check] {
    let eps = psi.epsilon
    func versusGradient(_ variant: @escaping () throws -> Matrix<T>) -> (Int) throws -> T {
      { _ in try variant().relativeDistance(to: psi.spectralGradient(g)) }
    }
    // The spec's ε = 1e−4, 1e−6, 1e−8 for entries of scale 1; since ∇Ψ_{s²ε}(sG) = ∇Ψ_ε(G), a
    // G of scale s is probed at s²ε, which keeps the same distance from the asymptotic regime.
    let squaredScale = instance.scale * instance.scale
    let polarEpsilons = [Rational(1, 10_000), Rational(1, 1_000_000), Rational(1, 100_000_000)]
      .map { $0 * squaredScale }
    return [
      IdentityCheck(
        id: "M1-gradient",
        statement:
          "∇Ψ_ε(G) = G(GᵀG + εI)^{−1/2} = U diag(σᵢ/√(σᵢ²+ε)) Vᵀ: reverse-mode AD of Ψ_ε, the closed form and the Gram eigen route agree with the SVD route",
        residual: { _ in try gradientResidual() },
        controls: [
          .init(
            "wrong power G(GᵀG + εI)^{−1}",
            residual: versusGradient { try gramRoute(shift: eps) { 1 / $0 } }),
          .init(
            "wrong parametrisation G(GᵀG + ε²I)^{−1/2}",
            residual: versusGradient { try gramRoute(shift: eps * eps) { 1 / T.sqrt($0) } }),
          .init(
            "unregularized polar factor UVᵀ",
            residual: versusGradient { SmoothedNuclearNorm<T>.polar(g) }),
        ]),
      IdentityCheck(
        id: "M2-fenchel-young",
        statement:
          "Ψ_ε(G) + Ψ_ε^*(∇Ψ_ε(G)) = ⟨G, ∇Ψ_ε(G)⟩ with Ψ_ε^*(Δ) = −√ε Σ√(1 − σᵢ(Δ)²) (relative to Ψ_ε(G))",
        residual: { _ in try fenchelYoungResidual() },
        controls: [
          .init(
            "conjugate −ε Σ√(1 − σᵢ²) instead of −√ε Σ…",
            residual: { _ in try fenchelYoungResidual(conjugateFactor: eps) })
        ]),
      InequalityCheck(
        id: "M2-strict-gap",
        statement:
          "Ψ_ε(G) + Ψ_ε^*(Δ) − ⟨G, Δ⟩ > 2^(−p+20) at the instance's generic Δ (‖Δ‖_op < 1): only ∇Ψ_ε(G) attains equality",
        value: { try fenchelYoungGapAtGenericDelta() }, .greaterThan,
        bound: { T(Rational.pow(2, 20 - Precision.bits)) },
        controls: [
          .init("the same gap at Δ = ∇Ψ_ε(G)", value: { try fenchelYoungResidual() * psi.value(g) })
        ]),
      IdentityCheck(
        id: "M2-mirror-inversion",
        statement: "∇Ψ_ε^*(∇Ψ_ε(G)) = G, with ∇Ψ_ε^*(Δ) = √ε Δ(I − ΔᵀΔ)^{−1/2}", slack: 24,
        residual: { _ in mirrorInversionResidual() },
        controls: [
          .init(
            "∇Ψ_ε^* with ε in place of √ε",
            residual: { _ in
              (psi.conjugateGradient(psi.gradient(g)) * (eps / psi.rootEpsilon))
                .relativeDistance(to: g)
            })
        ]),
      InequalityCheck(
        id: "M3-lower-bound", statement: "Ψ_ε(G) − max(‖G‖_*, n√ε) ≥ 0",
        value: { boundMargins().lower }, .greaterThanOrEqual, bound: { 0 },
        enclosure: { enclosedBoundMargins().map { ($0.lower, Ball.zero) } },
        controls: [
          .init(
            "the upper bound as a lower bound: Ψ_ε(G) ≥ ‖G‖_* + n√ε",
            value: { -boundMargins().upper })
        ]),
      InequalityCheck(
        id: "M3-upper-bound", statement: "‖G‖_* + n√ε − Ψ_ε(G) ≥ 0",
        value: { boundMargins().upper }, .greaterThanOrEqual, bound: { 0 },
        enclosure: { enclosedBoundMargins().map { ($0.upper, Ball.zero) } },
        controls: [
          .init(
            "no smoothing offset: Ψ_ε(G) ≤ ‖G‖_*",
            value: { boundMargins().upper - T(instance.columns) * psi.rootEpsilon })
        ]),
      IdentityCheck(
        id: "M3-operator-norm", statement: "‖∇Ψ_ε(G)‖_op = σ₁/√(σ₁² + ε) (< 1)",
        residual: { _ in operatorNormResidual() },
        controls: [
          .init(
            "σ₁/√(σ₁² + ε²)",
            residual: { _ in
              let sigma = SmoothedNuclearNorm<T>.singularValues(g)[0]
              return T.abs(
                SmoothedNuclearNorm<T>.singularValues(psi.gradient(g))[0] - sigma
                  / T.sqrt(sigma * sigma + eps * eps))
            })
        ]),
      RateCheck(
        id: "M3-polar-rate",
        statement: "e(ε) = ‖∇Ψ_ε(G) − UVᵀ‖_F is linear in ε for ε = (1e−4, 1e−6, 1e−8)·scale²",
        xLabel: "ε", yLabel: "‖∇Ψ_ε(G) − UVᵀ‖_F", exponent: 1, tolerance: Rational(1, 100),
        data: { (polarEpsilons.map { T($0) }, polarErrors(polarEpsilons)) },
        controls: [.init("exponent 1/2 (a √ε-shift smoothing)", exponent: Rational(1, 2))]),
      InequalityCheck(
        id: "M3-polar-constant", statement: "|e(ε)/((ε/2)√(Σσᵢ⁻⁴)) − 1| ≤ 1e−6 at ε = 1e−8·scale²",
        value: { T.abs(polarErrorRatio(at: polarEpsilons[2]) - 1) }, .lessThanOrEqual,
        bound: { T(Rational(1, 1_000_000)) },
        controls: [
          .init(
            "constant ε√(Σσᵢ⁻⁴) (without the 1/2)",
            value: { T.abs(polarErrorRatio(at: polarEpsilons[2]) / 2 - 1) })
        ]),
    ] + hessianChecks()
  }
}

// MARK: - AD routes: M1 reverse mode, M4 forward mode on the gradient

extension SmoothingMeasurements {
  /// `∇Ψ_ε(G)` by one reverse sweep over the recorded evaluation of `Ψ_ε` (the closed form for
  /// n = 2, the Jacobi SVD otherwise).
  func reverseModeGradient() throws -> Matrix<T> {
    let (rows, columns) = (instance.rows, instance.columns)
    let psi = SmoothedNuclearNorm<Reverse<T>>(epsilon: epsilon)
    let (_, gradient) = Symbolic.gradient(
      of: { psi.value(Matrix(rowCount: rows, columnCount: columns, entries: $0)) }, at: g.entries)
    return Matrix(rowCount: rows, columnCount: columns, entries: gradient)
  }

  /// `∇²Ψ_ε(X)[V] = d/dt ∇Ψ_ε(X + tV)` at `t = 0`, by forward mode on the gradient: the
  /// closed form for n = 2, otherwise `X (XᵀX + εI)^{−1/2}` through the Jacobi eigen-decomposition
  /// of the Gram matrix (smooth at `X = 0`, where the SVD route is not differentiable).
  func hessianVectorProduct(at x: Matrix<T>, _ v: Matrix<T>) -> Matrix<T> {
    let point = Matrix(
      rowCount: x.rowCount, columnCount: x.columnCount,
      entries: zip(x.entries, v.entries).map { Dual($0, derivative: $1) })
    let psi = SmoothedNuclearNorm<Dual<T>>(epsilon: epsilon)
    let gram = point.transposed * point + psi.epsilon * Matrix.identity(x.columnCount)
    let gradient =
      x.columnCount == 2
      ? psi.gradient(point)
      : point
        * ((try? gram.symmetricFunction { 1 / Dual.sqrt($0) })
          ?? gram.map { _ in Dual<T>(Double.nan) })
    return Matrix(
      rowCount: x.rowCount, columnCount: x.columnCount, entries: gradient.entries.map(\.derivative))
  }

  /// The Rayleigh quotients `⟨V, ∇²Ψ_ε(G)[V]⟩ / ‖V‖²` for the instance's three directions.
  func rayleighQuotients() -> [T] {
    instance.directions.map { entries in
      let v: Matrix<T> = Matrix(rounding: entries, instance.rows, instance.columns)
      return v.frobeniusInnerProduct(hessianVectorProduct(at: g, v)) / v.frobeniusInnerProduct(v)
    }
  }

  /// `‖∇²Ψ_ε(0)[V] − c·V‖_max / ‖c·V‖_max` for the claimed curvature `c` at 0.
  func hessianAtZeroResidual(claimed c: T) -> T {
    let v: Matrix<T> = Matrix(rounding: instance.directionAtZero, instance.rows, instance.columns)
    let zero = Matrix<T>.zeros(instance.rows, instance.columns)
    return hessianVectorProduct(at: zero, v).relativeDistance(to: c * v)
  }

  /// `t = s·√ε/‖V‖_F` for each `s`: the expansion is asymptotic for `σ(tV) ≪ √ε`, so the
  /// probe points scale with `√ε` (fixed `t` would leave the regime when ε is small).
  func expansionPoints(_ scales: [Rational]) -> [T] {
    let v: Matrix<T> = Matrix(rounding: instance.directionAtZero, instance.rows, instance.columns)
    return scales.map { T($0) * psi.rootEpsilon / v.frobeniusNorm }
  }

  /// `|Ψ_ε(tV) − n√ε − t²‖V‖²/(2√ε)|` for the direction used at 0: the remainder of the
  /// quadratic expansion near 0, claimed `O(t⁴)`.
  func expansionRemainders(_ scales: [Rational]) -> [T] {
    let v: Matrix<T> = Matrix(rounding: instance.directionAtZero, instance.rows, instance.columns)
    let n = T(instance.columns)
    return expansionPoints(scales).map { t in
      let quadratic = t * t * v.frobeniusInnerProduct(v) / (2 * psi.rootEpsilon)
      return T.abs(psi.value(t * v) - n * psi.rootEpsilon - quadratic)
    }
  }

  func hessianChecks() -> [any Check] {
    let bound = 1 / psi.rootEpsilon
    let scales = [Rational(1, 100), Rational(1, 1000), Rational(1, 10_000)]
    return [
      RateCheck(
        id: "M4-quadratic-near-zero",
        statement:
          "Ψ_ε(tV) = n√ε + t²‖V‖²/(2√ε) + O(t⁴) for t‖V‖ = (1e−2, 1e−3, 1e−4)·√ε: the remainder has slope 4",
        xLabel: "t", yLabel: "|Ψ_ε(tV) − n√ε − t²‖V‖²/(2√ε)|", exponent: 4,
        tolerance: Rational(1, 100),
        data: { (expansionPoints(scales), expansionRemainders(scales)) },
        controls: [.init("remainder O(t³)", exponent: 3)]),
      InequalityCheck(
        id: "M4-curvature-bounds",
        statement:
          "0 ≤ ⟨V, ∇²Ψ_ε(G)[V]⟩/‖V‖² ≤ 1/√ε for the three V of the instance: reported is the largest excursion max(q − 1/√ε, −q)",
        value: { rayleighQuotients().map { T.maxOrNaN($0 - bound, -$0) }.maxOrNaN()! }, .lessThanOrEqual,
        bound: { 0 },
        controls: [.init("curvature 1/ε at 0 (∇²Ψ_ε(0) = I/ε)", value: { 1 / psi.epsilon - bound })]
      ),
      IdentityCheck(
        id: "M4-hessian-at-zero", statement: "∇²Ψ_ε(0)[V] = V/√ε (forward mode on ∇Ψ_ε)",
        residual: { _ in hessianAtZeroResidual(claimed: 1 / psi.rootEpsilon) },
        controls: [
          .init(
            "∇²Ψ_ε(0) = I/ε", residual: { _ in hessianAtZeroResidual(claimed: 1 / psi.epsilon) })
        ]),
    ]
  }
}
