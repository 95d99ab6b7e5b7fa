import Numeric
import Symbolic
import Verify

// The hot computation of each claim's default run, on the claim's default instance, for
// `bench claims`; each has its mpmath twin in `Benchmarks/mpmath/<id>.py`.

/// frobenius-imbalance: the loss gradients `∇_{W_l} L` of the biasless tanh MLP by
/// back-propagation (what the identity checks C1–C3 evaluate at every rung of the ladder), on
/// the default instance: widths 3,4,3,1, 5 samples, seed 1, scale 4/5, squared loss.
func frobeniusKernel() -> ClaimKernel {
  let instance = NetworkInstance(widths: [3, 4, 3, 1], samples: 5, seed: 1, scale: Rational(4, 5))
  let widths = instance.widths
  return ClaimKernel(
    id: "frobenius-imbalance",
    summary: "back-propagated gradients of the 3-4-3-1 tanh MLP on 5 samples",
    instance: [
      "weights": instance.weightEntries.enumerated().map { json($1, widths[$0 + 1], widths[$0]) },
      "inputs": instance.inputs.map { $0.map(\.description) },
      "targets": instance.targets.map { $0.map(\.description) },
    ],
    calls: 20
  ) {
    let network = instance.network(.tanh, as: BigFloat.self)
    return weightedChecksum(network.gradients(on: instance.dataset(as: BigFloat.self), .squared))
  }
}

/// hamiltonian-dissipation: the trajectory of the damped Hamiltonian flow
/// `Ẇᵢ = ∇Ψ_ε(Pᵢ)`, `Ṗᵢ = −∇_W (δJ/δρ)(Wᵢ) − γPᵢ` of the default dynamics instance (two
/// 3×2 particles, three tanh features, dynamics seed 12, ε = 1/4, γ = 7/10) from t = 0 to 1/4 (the
/// first of the claim's trajectory samples, t = 1/4, 1/2, …, 2) by
/// the Taylor integrator at the claim's trajectory settings (order 20, local tolerance 10⁻³⁰):
/// the computation where the default run spends most of its time. mpmath integrates the same
/// system with its own Taylor method, `odefun`, to the same tolerance; the value is the
/// checksum of the state at t = 1/4, so agreement is asked to 25 digits.
func hamiltonianKernel() -> ClaimKernel {
  let dynamics = HamiltonianInstances.Dynamics()
  let (epsilon, damping, horizon) = (Rational(1, 4), Rational(7, 10), Rational(1, 4))
  let tolerance = Rational.pow(10, -30)
  return ClaimKernel(
    id: "hamiltonian-dissipation",
    summary: "flow of 2 particles (3×2) from t = 0 to 1/4, Taylor order 20, tolerance 1e-30",
    instance: [
      "rows": dynamics.rows, "columns": dynamics.columns, "epsilon": epsilon.description,
      "damping": damping.description, "horizon": horizon.description,
      "tolerance": tolerance.description, "order": 20,
      "left": dynamics.left.map { $0.map(\.description) },
      "right": dynamics.right.map { $0.map(\.description) },
      "target": dynamics.target.map(\.description),
      "positions": dynamics.positions.map { $0.map(\.description) },
      "momenta": dynamics.momenta.map { $0.map(\.description) },
    ],
    calls: 1,
    digits: 25,
    mpmathRepetitions: 1
  ) {
    typealias J = Jet<BigFloat>
    let system = DampedHamiltonianSystem(
      objective: dynamics.objective(as: J.self), kinetic: SmoothedNuclearNorm<J>(epsilon: epsilon),
      damping: J(damping))
    let start: PhasePoint<BigFloat> = dynamics.state()
    let flow = TaylorIntegrator<BigFloat>(order: 20, tolerance: BigFloat(tolerance)) { y in
      system.velocity(start.reshaped(y)).flattened
    }
    let end = flow.solve(from: start.flattened, at: [BigFloat(horizon)]).states[0]
    return weightedChecksum([Matrix(rowCount: 1, columnCount: end.count, entries: end)])
  }
}

/// ema-scaling: the exact first- and second-moment recursion of SGD + EMA on the linear model
/// by the claim's `MomentMap` (the step's affine map on mean and covariance, its power by binary
/// powering), for the base run of the finest step of the C2 studies: `a = 1, c = 0, b = 1,
/// γ = 1/2, β = 2, T = 2`, `η = 2⁻¹²`, `ρ = 1 − βη`, noise `γ/η`, `T/η = 8192` steps, from
/// `m₀ = 0`, `P₀ = 0`. mpmath runs the 8192 steps. The value is
/// `E θ + 2 E ζ + 3 P₁₁ + 4 P₁₂ + 5 P₂₂`.
func emaKernel() -> ClaimKernel {
  let (a, c, b, gamma, beta, horizon) = (
    Rational(1), Rational(0), Rational(1), Rational(1, 2), Rational(2), Rational(2)
  )
  let eta = Rational.pow(2, -12)
  let (rho, noise) = (1 - beta * eta, gamma / eta)
  let steps = (horizon / eta).numerator.intValue!
  return ClaimKernel(
    id: "ema-scaling",
    summary: "mean and covariance recursion of SGD + EMA, η = 2^-12, 8192 steps",
    instance: [
      "a": a.description, "c": c.description, "b": b.description, "eta": eta.description,
      "rho": rho.description, "noise": noise.description, "steps": steps,
    ],
    calls: 100,
    mpmathRepetitions: 3
  ) {
    let run = MomentMap(
      a: a, c: c, b: b, learningRate: BigFloat(eta), momentum: BigFloat(rho),
      noiseVariance: BigFloat(noise)
    ).power(steps)
    // P₀ = 0 and m₀ = 0: the moments after the run are the map's Q and u.
    return run.u1 + 2 * run.u2 + 3 * run.q11 + 4 * run.q12 + 5 * run.q22
  }
}

/// muon-counterexample: EF-Muon on the C4 matrix instance's shape, `f(W) = Σᵢ |uᵢᵀ W vᵢ − cᵢ|`
/// on 3×2 matrices with `cᵢ = uᵢᵀ A vᵢ` (4 terms, `uᵢ, vᵢ, A` from SplitMix64 seed 11 in that
/// order), `W₀ = 0`, `β = 1/4`, `L = Σᵢ ‖uᵢ‖‖vᵢ‖`, 64 steps of `γ = 1/64`, each with the
/// polar factor `msign` by one-sided Jacobi SVD (the matrix checks' loop, `MatrixMuonRun`).
/// The value is the checksum of `W₆₄` and `E₆₄`.
func muonKernel() -> ClaimKernel {
  let (rows, columns, terms, steps) = (3, 2, 4, 64)
  var generator = SplitMix64(seed: 11)
  let left: [[Rational]] = (0..<terms).map { _ in generator.symmetricEntries(rows, scale: 1) }
  let right: [[Rational]] = (0..<terms).map { _ in generator.symmetricEntries(columns, scale: 1) }
  let target: [Rational] = generator.symmetricEntries(rows * columns, scale: 1)
  let (beta, step) = (Rational(1, 4), Rational(1, 64))
  return ClaimKernel(
    id: "muon-counterexample",
    summary: "EF-Muon, 64 steps on 3×2 matrices, polar factor by SVD each step",
    instance: [
      "rows": rows, "columns": columns, "left": left.map { $0.map(\.description) },
      "right": right.map { $0.map(\.description) }, "target": target.map(\.description),
      "beta": beta.description, "step": step.description, "steps": steps,
    ],
    calls: 1,
    mpmathRepetitions: 3
  ) {
    let u = left.map { Matrix<BigFloat>(rounding: $0, rows, 1) }
    let v = right.map { Matrix<BigFloat>(rounding: $0, columns, 1) }
    let a = Matrix<BigFloat>(rounding: target, rows, columns)
    let forms = zip(u, v).map { $0 * $1.transposed }
    let offsets = forms.map { $0.frobeniusInnerProduct(a) }
    let lipschitz = zip(u, v).reduce(BigFloat.zero) {
      $0 + BigFloat.sqrt($1.0.frobeniusInnerProduct($1.0)) * BigFloat.sqrt($1.1.frobeniusInnerProduct($1.1))
    }
    let (decay, gamma) = (BigFloat(beta), BigFloat(step))
    var w = Matrix<BigFloat>.zeros(rows, columns)
    var (momentum, memory) = (w, w)
    for _ in 0..<steps {
      var g = Matrix<BigFloat>.zeros(rows, columns)
      for (form, offset) in zip(forms, offsets) {
        let r = form.frobeniusInnerProduct(w) - offset
        if r > .zero { g += form } else if r < .zero { g -= form }
      }
      momentum = decay * momentum + (1 - decay) * g
      let p = memory + gamma * momentum
      let d = (gamma * lipschitz) * (try! p.matrixSign())
      w = w - d
      memory = p - d
    }
    return weightedChecksum([w, memory])
  }
}

/// copy-average: the population loss `L = ½ E_x[(f − f*)²]` of an erf(z/√2) student through
/// the closed-form arcsine pair kernel `g(u, v) = (2/π) asin(u·v / √((1 + |u|²)(1 + |v|²)))`
/// (the claim's `PopulationLoss`, internal to it, written out again here: norms once, each
/// unordered pair once, the diagonal by `g(u, u)`; mpmath sums all ordered pairs), at the default
/// sizes `d = 5`, 4 teacher units with `b = 1`, 2 student units; the rows and output weights
/// drawn from SplitMix64 seed 11 (teacher rows, student rows, student outputs).
func copyAverageKernel() -> ClaimKernel {
  let (d, teachers, students) = (5, 4, 2)
  var generator = SplitMix64(seed: 11)
  let v: [[Rational]] = (0..<teachers).map { _ in generator.symmetricEntries(d, scale: 1) }
  let w: [[Rational]] = (0..<students).map { _ in generator.symmetricEntries(d, scale: 1) }
  let a: [Rational] = generator.symmetricEntries(students, scale: 1)
  return ClaimKernel(
    id: "copy-average",
    summary: "population loss of a 2-unit erf student against a 4-unit teacher, d = 5",
    instance: [
      "teacher": v.map { $0.map(\.description) }, "students": w.map { $0.map(\.description) },
      "outputs": a.map(\.description),
    ],
    calls: 100
  ) {
    func dot(_ x: [BigFloat], _ y: [BigFloat]) -> BigFloat { zip(x, y).reduce(.zero) { $0 + $1.0 * $1.1 } }
    // Teacher units enter with output −1, so one sum over all units is f − f*; as the claim's
    // `PopulationLoss`, the norms are formed once, each unordered pair once (g is symmetric)
    // and the diagonal by its own closed form g(u, u).
    let units = v.map { $0.map { BigFloat($0) } } + w.map { $0.map { BigFloat($0) } }
    let outputs = v.map { _ in BigFloat(-1) } + a.map { BigFloat($0) }
    let norms = units.map { dot($0, $0) }
    var total = BigFloat.zero
    for i in units.indices {
      total += outputs[i] * outputs[i] * (2 / BigFloat.pi * BigFloat.asin(norms[i] / (1 + norms[i])))
      for j in units.indices where j > i {
        let rho = dot(units[i], units[j]) / BigFloat.sqrt((1 + norms[i]) * (1 + norms[j]))
        total += 2 * outputs[i] * outputs[j] * (2 / BigFloat.pi * BigFloat.asin(rho))
      }
    }
    return total / 2
  }
}

/// chow-rule: the minimiser of the logistic DR-CPE risk
/// `R(s) = ½ Σ_x [W⁺(x) ln(1 + e^{−s(x)}) + W⁻(x) ln(1 + e^{s(x)})]` by the claim's
/// `LogisticDensityRatioRisk.minimizer` (Newton per input on `½[(W⁺ + W⁻) σ(s) − W⁺]`, seeded
/// by its binary64 root), then `R` there: 8 inputs (the default instance's size), one cell
/// each, `W^± = u + 1/20` from SplitMix64 seed 7. mpmath runs Newton from `s = 0`. The value is
/// `Σ_x (x+1) s*(x) + R(s*)`.
func chowKernel() -> ClaimKernel {
  let inputs = 8
  var generator = SplitMix64(seed: 7)
  let plus = (0..<inputs).map { _ in generator.nextUniform() + Rational(1, 20) }
  let minus = (0..<inputs).map { _ in generator.nextUniform() + Rational(1, 20) }
  let risk = LogisticDensityRatioRisk(
    inputCount: inputs, cellInputs: Array(0..<inputs), positive: plus, negative: minus)
  return ClaimKernel(
    id: "chow-rule",
    summary: "Newton minimiser of the logistic DR-CPE risk on 8 inputs, and the risk there",
    instance: ["plus": plus.map(\.description), "minus": minus.map(\.description)],
    calls: 20
  ) {
    let s: [BigFloat] = try! risk.minimizer()
    return s.enumerated().reduce(risk.value(s)) { $0 + BigFloat($1.offset + 1) * $1.element }
  }
}

/// The default value of `claim`'s parameter `name`, as its parser reads it back
/// (`p/q,p/q,…` for a list).
func defaultParameter(_ claim: any Claim, _ name: String) -> String {
  Arguments(defaultsOf: claim).values.first { $0.name == name }!.value.description
}

/// A comma-separated parameter as a list of rationals.
func rationals(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }

/// gaussian-mixture-conditioning: C2's eight L1 norms at the working precision on the default
/// instance (`mix`, `y_lip = 3/10`, `shift`, `deltas`): per δ, `‖C(p)(·|y) − C(q_δ)(·|y)‖₁`
/// and `‖p(·, y) − q_δ(·, y)‖₁`, each by the claim's `L1Norm` (a scan of `[−14, 14]` in steps
/// of 1/50 for sign changes, each refined by Newton, then exact `erfc` integrals over the
/// pieces), through `MixtureConditioning.Instance.stabilityNorms()`. Their ball enclosures, as
/// long again in the claim, are left out: mpmath's counterpart would be another library. The
/// value is `Σ_k (k+1) ‖·‖_k` in that order.
func mixtureKernel() -> ClaimKernel {
  let claim = MixtureConditioning()
  let instance = try! claim.instance(Arguments(defaultsOf: claim))
  return ClaimKernel(
    id: claim.id,
    summary: "C2's 8 L1 norms of differences of Gaussian sums (sign-change scan, Newton, erfc)",
    instance: [
      "mix": rationals(defaultParameter(claim, "mix")), "y": defaultParameter(claim, "y_lip"),
      "shift": rationals(defaultParameter(claim, "shift")),
      "deltas": rationals(defaultParameter(claim, "deltas")),
    ],
    calls: 1,
    mpmathRepetitions: 3
  ) {
    let norms = try! instance.stabilityNorms()
    return norms.enumerated().reduce(BigFloat.zero) { $0 + BigFloat($1.offset + 1) * $1.element }
  }
}

/// latent-generator-matching: the law `p_t` of the default chain (6 states, seed 31, rates
/// `2u`) by the claim's `LawSeries` of radius 1 (the Taylor coefficients of p_t found once, with
/// guard bits, up to a tail bound of `2^−(p+10)` for every t ≤ 1; Horner's rule at each time)
/// at the 48 Gauss–Legendre nodes on [0, 1] where C3's loss integrals evaluate it: most of the
/// claim's run. mpmath sums the series term by term at each node. The nodes go to mpmath as the exact
/// dyadic rationals ClaimCheck rounds them to. The value is `Σ (k+1) p_{t_i}(y)` over the nodes
/// and states in order.
func latentKernel() -> ClaimKernel {
  let claim = LatentGeneratorMatching()
  let chain = try! claim.instance(Arguments(defaultsOf: claim)).chain
  let nodes = withPrecision(claimPrecision) {
    try! GaussLegendre.rule(points: LatentGeneratorMatching.quadraturePoints, as: BigFloat.self)
      .nodes.map { ($0 + 1) / 2 }
  }
  return ClaimKernel(
    id: claim.id,
    summary: "law of the 6-state chain by its Taylor series at 48 Gauss–Legendre nodes",
    instance: [
      "a": chain.a.map { $0.map(\.description) }, "b": chain.b.map { $0.map(\.description) },
      "initial": chain.initial.map(\.description),
      "times": nodes.map { Rational(exactly: $0)!.description },
    ],
    calls: 1,
    mpmathRepetitions: 3
  ) {
    let series = LawSeries(chain, radius: 1)
    return weightedChecksum([Matrix(nodes.map { series.law(at: $0) })])
  }
}

/// transformer-depth-limit: C3's sensitivity `S(L) = (1/n) Σ_l Σ_ab ‖∂X^L/∂V_{l,ab}‖_F²` of the
/// default instance (n = 4 tokens, d = 3, seed 5) at the smallest of its depths, L = 64, by the
/// claim's `DiscreteAdjoint.sensitivity` (reverse mode on one tape, n·d sweeps). mpmath runs the
/// same n·d sweeps by the written-out adjoint recursion `P^l = P^{l+1} + (1/L) J_lᵀ P^{l+1}`,
/// `∂X^L/∂V_l = (1/L) P^{l+1 ᵀ} A(X^l) X^l`. (The claim's other large cost, the head-noise
/// Monte Carlo, is binary64, which mpmath is no anchor for.)
func transformerKernel() -> ClaimKernel {
  let claim = TransformerDepthLimit()
  let instance = try! claim.instance(Arguments(defaultsOf: claim))
  let (attention, depth) = (instance.attention, instance.sensitivityDepths[0])
  let (n, d) = (attention.tokens, attention.dimension)
  return ClaimKernel(
    id: claim.id,
    summary: "sensitivity S(64) of the 4-token attention stack to every layer's values, reverse mode",
    instance: [
      "depth": depth, "x0": json(attention.x0, n, d), "m0": json(attention.m0, d, d),
      "m1": json(attention.m1, d, d), "v0": json(attention.v0, d, d), "v1": json(attention.v1, d, d),
    ],
    calls: 1,
    mpmathRepetitions: 3
  ) {
    DiscreteAdjoint.sensitivity(attention, depth: depth)
  }
}

/// drifting-conservative: the first of the 8 Taylor steps (step T/8 = 1/16) of C1b's flow
/// `x′ = F(x)`, `M′ = DF(x) M`, `L′ = div F`, `L0′` on the default instance D1 (4 particles and 5
/// data points in d = 2, h = 7/10, seed 11), by the claim's `LiouvilleFlow` through
/// `DriftingConservative.Instance.liouvilleFirstStep()`: `DF` by vector-mode forward AD on jets,
/// the Taylor coefficients by the `JetTape`, at the claim's order cap 56 on both sides (the
/// claim's own steps stop at the order their local tolerance needs, 43–50 at D1). mpmath
/// records the field once (DF in closed form) on a tape of jet operations of its own and
/// computes the same 56 coefficients order by order. The value is `Σ_k (k+1) v_k` over `x(h)`,
/// `log det M(h)`, `L(h)`, `L0(h)`.
func driftingKernel() -> ClaimKernel {
  let claim = DriftingConservative()
  let instance = try! claim.instance(Arguments(defaultsOf: claim))
  let setting = instance.liouvilleSetting
  return ClaimKernel(
    id: claim.id,
    summary: "first Taylor step (order 56) of the 4-particle flow with its variational equation",
    instance: [
      "data": setting.data.map { $0.map(\.description) }, "start": setting.start.map(\.description),
      "dimension": setting.dimension, "bandwidth": setting.bandwidth.description,
      "step": setting.step.description, "order": setting.order,
    ],
    calls: 1,
    mpmathRepetitions: 1
  ) {
    let values = try! instance.liouvilleFirstStep()
    return weightedChecksum([Matrix(rowCount: 1, columnCount: values.count, entries: values)])
  }
}
