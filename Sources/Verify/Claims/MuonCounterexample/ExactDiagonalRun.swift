import Numeric

/// A first-order method on `f(W) = φ(diag W)` run on the diagonal `x = diag W` in exact
/// rational arithmetic: every iterate, momentum and error-memory entry is a GMP rational, so
/// conservation laws and floors are decided by exact equality and comparison.
///
/// With `m₋₁ = 0`, `mₜ = β mₜ₋₁ + (1−β) gₜ`, `gₜ` the oracle's subgradient at `xₜ`:
/// - `.muon`: `xₜ₊₁ = xₜ − γₜ sign(mₜ)` (by C1, Muon on diagonal matrices, since
///   `msign(Diag(d)) = Diag(sign d)` with `sign 0 = 0`);
/// - `.errorFeedback(lipschitz: L)`: EF-Muon, `Pₜ = Eₜ + γₜ mₜ`, `Dₜ = ηₜ sign(Pₜ)` with
///   `ηₜ = γₜ L`, `xₜ₊₁ = xₜ − Dₜ`, `Eₜ₊₁ = Pₜ − Dₜ`, `E₀ = 0`;
/// - `.subgradientDescent`: `xₜ₊₁ = xₜ − γₜ gₜ` (no momentum, no sign).
struct ExactDiagonalRun {
  enum Method {
    case muon
    case errorFeedback(lipschitz: Rational)
    case subgradientDescent
  }

  /// `x₀…x_T`.
  private(set) var iterates: [[Rational]]
  /// `g₀…g_{T−1}`.
  private(set) var gradients: [[Rational]] = []
  /// `sgn mₜ` entrywise, `t = 0…T−1`.
  private(set) var momentumSigns: [[Int]] = []
  /// `m₀…m_{T−1}`, kept by a run started with `keepingMomenta: true` only: for `β = p/q` their
  /// denominators grow as `qᵗ`, so one run of T steps would hold O(T²) bits of them (at the
  /// declared T = 20000, 8 GB over C2's and C3's runs, half the time spent faulting pages in),
  /// where the sign conditions need `momentumSigns` only.
  var momenta: [[Rational]] {
    guard let keptMomenta else { preconditionFailure("this run did not keep its momenta") }
    return keptMomenta
  }
  private var keptMomenta: [[Rational]]?
  /// `maxₜ maxᵢ |Eₜ,ᵢ|` over `E₀…E_T`, the largest operator norm of the (diagonal) error
  /// memory; 0 without error feedback. The memories themselves are not kept: like the momenta,
  /// their denominators grow as `qᵗ`.
  private(set) var largestMemoryEntry = Rational(0)
  /// Per coefficient `c` asked for, the virtual iterate `Zₜ = xₜ − Eₜ − c mₜ₋₁` (`m₋₁ = 0`)
  /// compared with `Zₜ₊₁ = Zₜ − γₜ gₜ` at every step as the run goes: (ii) of EF-Muon's
  /// analysis, whose `c` is `γβ/(1−β)`.
  private(set) var virtualIterateComparisons: [ExactOutcome.EntrywiseEquality]
  /// `γ₀…γ_{T−1}`.
  private(set) var steps: [Rational] = []
  /// `f(xₜ) − f*`, `t = 0…T`.
  private(set) var gaps: [Rational] = []

  /// Runs `horizon` steps from `start`. Throws when a step size is negative, or zero away from a
  /// minimiser (the spec's methods take positive steps; a schedule that rounds to 0 is
  /// reported, not run). Polyak's step is 0 exactly at a minimiser, where the run stays.
  init(
    objective: AffinePenaltySum, minimum: Rational = 0, start: [Rational], beta: Rational,
    horizon: Int, steps rule: StepSizes, method: Method, keepingMomenta: Bool = false,
    virtualIterateCoefficients coefficients: [Rational] = []
  ) throws {
    iterates = [start]
    if keepingMomenta { keptMomenta = [] }
    virtualIterateComparisons = coefficients.map { _ in ExactOutcome.EntrywiseEquality() }
    var x = start
    var momentum = start.map { _ in Rational(0) }
    var memory = momentum
    // Z₀ = x₀ − E₀ − c·m₋₁ = x₀.
    var virtualIterates = coefficients.map { _ in start }
    for t in 0..<horizon {
      let gap = objective.value(at: x) - minimum
      let g = objective.subgradient(at: x)
      gaps.append(gap)
      gradients.append(g)
      let gamma = rule.size(at: t, gap: gap, gradient: g)
      guard gamma.signum > 0 || (gamma.isZero && gap.isZero) else {
        throw CheckFailure(description: "the step size at t = \(t) is \(gamma), not positive")
      }
      steps.append(gamma)
      let predicted = virtualIterates.map { z in zip(z, g).map { $0 - gamma * $1 } }
      momentum = zip(momentum, g).map { beta * $0 + (1 - beta) * $1 }
      momentumSigns.append(momentum.map(\.signum))
      keptMomenta?.append(momentum)
      switch method {
      case .muon:
        x = zip(x, momentumSigns[t]).map { $0 - gamma * Rational($1) }
      case .errorFeedback(let lipschitz):
        let eta = gamma * lipschitz
        let p = zip(memory, momentum).map { $0 + gamma * $1 }
        let d = p.map { eta * Rational($0.signum) }
        x = zip(x, d).map(-)
        memory = zip(p, d).map(-)
        largestMemoryEntry = memory.reduce(largestMemoryEntry) { Swift.max($0, $1.magnitude) }
      case .subgradientDescent:
        x = zip(x, g).map { $0 - gamma * $1 }
      }
      iterates.append(x)
      let withoutMemory = zip(x, memory).map(-)
      for (k, c) in coefficients.enumerated() {
        virtualIterates[k] = zip(withoutMemory, momentum).map { $0 - c * $1 }
        for (z, prediction) in zip(virtualIterates[k], predicted[k]) {
          virtualIterateComparisons[k].compare(z, prediction)
        }
      }
    }
    gaps.append(objective.value(at: x) - minimum)
  }
}

extension ExactDiagonalRun {
  /// `min_{t ≤ T} (f(xₜ) − f*)`.
  var minimumGap: Rational { gaps.min()! }
  /// `f(x_T) − f*`.
  var finalGap: Rational { gaps.last! }

  /// `min_{s<t} (f(xₛ) − f*)`, the best gap before step `t` (`1 ≤ t ≤ T`).
  func bestGap(before t: Int) -> Rational { gaps[..<t].min()! }
  /// `(1/t) Σ_{s<t} (f(xₛ) − f*)`.
  func averageGap(before t: Int) -> Rational {
    gaps[..<t].reduce(Rational(0), +) / Rational(t)
  }

  /// The first `t` with `tr Wₜ ≠ tr W₀` (the sum of the diagonal), nil if the trace is conserved.
  var firstTraceChange: Int? {
    let trace = { (x: [Rational]) in x.reduce(Rational(0), +) }
    let initial = trace(iterates[0])
    return iterates.firstIndex { trace($0) != initial }
  }

  /// The first `t` at which the two diagonal entries of `mₜ` are not of strictly opposite signs.
  var firstStepWithoutOppositeSigns: Int? {
    momentumSigns.firstIndex { $0[0] * $0[1] >= 0 }
  }
}
