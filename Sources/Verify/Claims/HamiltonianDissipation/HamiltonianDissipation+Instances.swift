import Numeric

/// The random instances of the hamiltonian-dissipation spec (Section 4), drawn exactly as
/// rationals from SplitMix64 in the spec's order, so that every precision rounds the same
/// inputs once. These are the questions only: the checks that use them, each with its negative
/// controls, are in the other `HamiltonianDissipation` files.
public enum HamiltonianInstances {
  /// Section 4.2: `G` (m×n, `scale`), a generic `Δ` (m×n, 0.3), three `V` (m×n, 1) for the
  /// Hessian quotients, one more `V` for the Hessian at 0.
  public struct Smoothing: Sendable {
    public let rows: Int
    public let columns: Int
    public let g: [Rational]
    public let delta: [Rational]
    public let directions: [[Rational]]
    public let directionAtZero: [Rational]
    /// The entry scale of `G`.
    public let scale: Rational

    public init(rows: Int = 3, columns: Int = 2, seed: UInt64 = 11, scale: Rational = 1) {
      var rng = SplitMix64(seed: seed)
      let count = rows * columns
      func draw(_ s: Rational) -> [Rational] { rng.symmetricEntries(count, scale: s) }
      self.rows = rows
      self.columns = columns
      self.scale = scale
      g = draw(scale)
      delta = draw(Rational(3, 10))
      directions = (0..<3).map { _ in draw(1) }
      directionAtZero = draw(1)
    }
  }

  /// Section 4.3: `u₁…u_k` (m, scale 1), `v₁…v_k` (n, 1), `b` (k, 1), `W₁…W_N` (m×n, 0.8),
  /// `P₁…P_N` (m×n, 1.5).
  public struct Dynamics: Sendable {
    public let left: [[Rational]]
    public let right: [[Rational]]
    public let target: [Rational]
    public let positions: [[Rational]]
    public let momenta: [[Rational]]
    public let rows: Int
    public let columns: Int

    public init(
      rows: Int = 3, columns: Int = 2, features: Int = 3, particles: Int = 2, seed: UInt64 = 12
    ) {
      var rng = SplitMix64(seed: seed)
      self.rows = rows
      self.columns = columns
      func draw(_ count: Int, _ s: Rational) -> [Rational] {
        rng.symmetricEntries(count, scale: s)
      }
      left = (0..<features).map { _ in draw(rows, 1) }
      right = (0..<features).map { _ in draw(columns, 1) }
      target = draw(features, 1)
      positions = (0..<particles).map { _ in draw(rows * columns, Rational(4, 5)) }
      momenta = (0..<particles).map { _ in draw(rows * columns, Rational(3, 2)) }
    }

    public func objective<T: Scalar>(as type: T.Type = T.self) -> TanhFeatureObjective<T> {
      TanhFeatureObjective(left: left, right: right, target: target)
    }

    public func state<T: Scalar>(as type: T.Type = T.self) -> PhasePoint<T> {
      PhasePoint(
        positions: positions.map { Matrix(rounding: $0, rows, columns) },
        momenta: momenta.map { Matrix(rounding: $0, rows, columns) })
    }
  }

  /// Section 4.4: a 2×2 quadratic `f = (λ/2)‖W − W*‖²`, `P(0) = 0`; draws `W*` then `W(0)`.
  public struct Rate: Sendable {
    public let name: String
    public let curvature: Rational
    public let epsilon: Rational
    public let damping: Rational
    public let minimizer: [Rational]
    public let start: [Rational]
    /// Sampling step and horizon, and the fit window `[from, to]`.
    public let sampleStep: Rational
    public let horizon: Rational
    public let window: ClosedRange<Double>

    init(
      name: String, curvature: Rational, epsilon: Rational, damping: Rational, seed: UInt64,
      sampleStep: Rational, horizon: Rational, window: ClosedRange<Double>
    ) {
      var rng = SplitMix64(seed: seed)
      self.name = name
      self.curvature = curvature
      self.epsilon = epsilon
      self.damping = damping
      minimizer = rng.symmetricEntries(4, scale: 1)
      start = rng.symmetricEntries(4, scale: 1)
      self.sampleStep = sampleStep
      self.horizon = horizon
      self.window = window
    }

    /// λ = 1, ε = 1, γ = 3, seed 14, samples every 0.5 on [0, 30], fit on [15, 30].
    public static let overdamped = Rate(
      name: "overdamped", curvature: 1, epsilon: 1, damping: 3, seed: 14,
      sampleStep: Rational(1, 2), horizon: 30, window: 15...30)
    /// λ = 2, ε = 1/4, γ = 1, seed 15, samples every 0.25 on [0, 24], fit on [0, 24].
    public static let underdamped = Rate(
      name: "underdamped", curvature: 2, epsilon: Rational(1, 4), damping: 1, seed: 15,
      sampleStep: Rational(1, 4), horizon: 24, window: 0...24)
  }

  /// Section 4.5: `A` (4×3), `B` (4×2), `W₀`, `P₀` (3×2), all scale 1; ε = 1/4, γ = 1/2.
  public struct Discrete: Sendable {
    public let a: [Rational]
    public let b: [Rational]
    public let w0: [Rational]
    public let p0: [Rational]
    public let epsilon = Rational(1, 4)
    public let damping = Rational(1, 2)
    public let steps = 40

    public init(seed: UInt64 = 16) {
      var rng = SplitMix64(seed: seed)
      func draw(_ count: Int) -> [Rational] { rng.symmetricEntries(count, scale: 1) }
      a = draw(12)
      b = draw(8)
      w0 = draw(6)
      p0 = draw(6)
    }

    public func objective<T: Scalar>(as type: T.Type = T.self) -> LeastSquaresObjective<T> {
      LeastSquaresObjective(a: Matrix(rounding: a, 4, 3), b: Matrix(rounding: b, 4, 2))
    }
  }
}
