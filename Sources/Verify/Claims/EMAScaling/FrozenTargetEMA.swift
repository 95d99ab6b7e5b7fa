import Numeric

/// C1: EMA updates `ζ ← ρζ + (1 − ρ)θ` against a frozen target `θ`, in exact rationals.
///
/// The update is the affine map `ζ ↦ ρζ + (1 − ρ)θ`; composing it κ times gives
/// `ζ ↦ ρ^κ ζ + (1 − ρ^κ)θ` (a geometric series), one update with momentum `ρ^κ`. The linear
/// rule `ρ̂ = 1 − κ(1 − ρ)` agrees to first order in `1 − ρ` only.
struct FrozenTargetEMA: Sendable {
  var momentum: Rational
  var kappa: Int
  var theta: Rational
  var zeta: Rational

  /// An affine map `ζ ↦ slope·ζ + offset·θ` (both coefficients exact).
  struct Update: Sendable, Equatable {
    var slope: Rational
    var offset: Rational

    /// One EMA update with momentum `rho`.
    init(momentum rho: Rational) { (slope, offset) = (rho, 1 - rho) }
    init(slope: Rational, offset: Rational) { (self.slope, self.offset) = (slope, offset) }

    /// `self` after `other`.
    func composed(after other: Update) -> Update {
      Update(slope: slope * other.slope, offset: slope * other.offset + offset)
    }

    func apply(_ zeta: Rational, target theta: Rational) -> Rational {
      slope * zeta + offset * theta
    }
  }

  /// κ updates with momentum ρ, composed as maps.
  var iteratedUpdate: Update {
    let step = Update(momentum: momentum)
    return (1..<kappa).reduce(step) { map, _ in step.composed(after: map) }
  }

  /// ζ after κ updates with momentum ρ, iterated on the value itself.
  var kappaSteps: Rational {
    (0..<kappa).reduce(zeta) { z, _ in momentum * z + (1 - momentum) * theta }
  }

  /// One update with momentum `ρ^κ`.
  var scaledUpdate: Update { Update(momentum: Rational.pow(momentum, kappa)) }

  /// One update with the linear rule's momentum `1 − κ(1 − ρ)`.
  var linearUpdate: Update { Update(momentum: 1 - Rational(kappa) * (1 - momentum)) }

  /// `ρ^κ − 1 + κ(1 − ρ)`, the factor of `(θ − ζ)` in the linear rule's defect.
  var predictedDefectFactor: Rational {
    Rational.pow(momentum, kappa) - 1 + Rational(kappa) * (1 - momentum)
  }

  /// (linear rule's one-step value) − (κ-step value).
  var linearDefect: Rational { linearUpdate.apply(zeta, target: theta) - kappaSteps }
}
