import Numeric

/// The nine step-size schedules of the muon-counterexample spec (Section 1), over a horizon `T`
/// with base `γ̄`, `t = 0…T−1`.
enum StepSchedule: String, CaseIterable, Sendable {
  /// `γ̄`.
  case constant
  /// `γ̄/√(t+1)`.
  case inverseSquareRoot = "inv_sqrt"
  /// `γ̄/(t+1)`.
  case inverse = "inv_t"
  /// `(γ̄/2)(1 + cos(πt/T))`.
  case cosine
  /// `γ̄(1 − t/T)`.
  case linear
  /// `γ̄ · 2^{−⌊4t/T⌋}`.
  case step
  /// `γ̄ · uₜ` with `uₜ` uniform from SplitMix64(seed), non-monotone.
  case random
  /// `(f(Wₜ) − f*)/‖Gₜ‖_F²`, adaptive.
  case polyak
  /// The constant `2^{−k}`, `k ∈ 1…12`, with the smallest final gap (ties: smallest `k`).
  case tunedConstant = "tuned_constant"

  /// The seven schedules fixed in advance (not adaptive, not tuned), NC2b's.
  static let fixedInAdvance: [StepSchedule] = allCases.filter { $0 != .polyak && $0 != .tunedConstant }

  /// The grid of the spec's rounding rule: multiples of `2^gridExponent`.
  static let gridExponent = -60

  /// `value` rounded to the nearest multiple of `2⁻⁶⁰` (ties to even), exactly: the spec's
  /// rounding rule for inv_sqrt, inv_t, cosine, linear, polyak and the EF steps.
  static func onGrid(_ value: BigFloat) -> Rational {
    Rational(exactly: value.rounded(toMultipleOfPowerOfTwo: gridExponent))!
  }

  /// The sizes `γ₀…γ_{T−1}` of a schedule fixed in advance; nil for polyak (adaptive) and
  /// tuned_constant (chosen by runs). inv_sqrt, inv_t, cosine and linear are evaluated in MPFR
  /// at `bits` (≥ 128, as the spec asks) and put on the grid, the others are exact.
  func sizes(horizon: Int, base: Rational, seed: UInt64, bits: Int) -> [Rational]? {
    guard self != .polyak && self != .tunedConstant else { return nil }
    var generator = SplitMix64(seed: seed)
    return withPrecision(bits) {
      let gammaBar = BigFloat(base)
      let horizonValue = BigFloat(horizon)
      return (0..<horizon).map { t -> Rational in
        switch self {
        case .constant: return base
        case .inverseSquareRoot: return Self.onGrid(gammaBar / BigFloat.sqrt(BigFloat(t + 1)))
        case .inverse: return Self.onGrid(BigFloat(base / Rational(t + 1)))
        case .cosine:
          let angle = BigFloat.pi * BigFloat(t) / horizonValue
          return Self.onGrid(gammaBar / 2 * (1 + BigFloat.cos(angle)))
        case .linear: return Self.onGrid(BigFloat(base * (1 - Rational(t, horizon))))
        case .step: return base * Rational.pow(2, -(4 * t / horizon))
        case .random: return base * generator.nextUniform()
        case .polyak, .tunedConstant: preconditionFailure("\(self) is not fixed in advance")
        }
      }
    }
  }
}

/// The step-size rule of one run: sizes fixed in advance, or Polyak's
/// `γₜ = (f(xₜ) − f*)/‖gₜ‖²` evaluated in MPFR at `bits` and put on the `2⁻⁶⁰` grid.
enum StepSizes: Sendable {
  case fixed([Rational])
  case polyak(bits: Int)

  /// `γₜ` at the iterate with gap `f(xₜ) − f*` and subgradient `gₜ`.
  func size(at t: Int, gap: Rational, gradient: [Rational]) -> Rational {
    switch self {
    case .fixed(let sizes): return sizes[t]
    case .polyak(let bits):
      let normSquared = gradient.reduce(Rational(0)) { $0 + $1 * $1 }
      guard !normSquared.isZero else { return 0 }
      return StepSchedule.onGrid(BigFloat(gap / normSquared, precision: bits))
    }
  }

  /// The same rule with every size multiplied by `factor` (the LMO radius `ηₜ = γₜ L`).
  func scaled(by factor: Rational) -> StepSizes {
    switch self {
    case .fixed(let sizes): return .fixed(sizes.map { $0 * factor })
    case .polyak: preconditionFailure("the spec scales no adaptive schedule")
    }
  }
}
