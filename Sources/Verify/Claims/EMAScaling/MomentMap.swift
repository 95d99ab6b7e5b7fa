import Numeric

/// The affine map one SGD + EMA step applies to the first two moments (spec Section 1),
///
///     (m, P) ↦ (M m + u, M P Mᵀ + Q),      Q = (σ²/B) w wᵀ,
///
/// with `M`, `u`, `w` as in ``MomentRecursion``. Such maps are closed under composition:
/// `(M₁, u₁, Q₁)` then `(M₂, u₂, Q₂)` is `(M₂M₁, M₂u₁ + u₂, M₂Q₁M₂ᵀ + Q₂)`, so `n` steps are
/// one map of the same form, which ``power(_:)`` finds in O(log n) compositions.
///
/// Public and inlinable so that `bench claims` times the claim's own code, specialized.
public struct MomentMap<T: Scalar>: Sendable {
  /// `M`, row-major.
  public let m11: T, m12: T, m21: T, m22: T
  /// `u`.
  public let u1: T, u2: T
  /// The upper triangle of the symmetric `Q`.
  public let q11: T, q12: T, q22: T

  @usableFromInline init(m: (T, T, T, T), u: (T, T), q: (T, T, T)) {
    (m11, m12, m21, m22) = m
    (u1, u2) = u
    (q11, q12, q22) = q
  }

  /// One step at learning rate `η`, momentum `ρ` and gradient-noise variance `σ²/B` on the
  /// ``LinearEMAModel`` with gradient `aθ − cζ − b + ξ/√B`:
  /// `M = [[1 − ηa, ηc], [(1 − ρ)(1 − ηa), ρ + (1 − ρ)ηc]]`, `u = (ηb, (1 − ρ)ηb)`,
  /// `w = (−η, −(1 − ρ)η)`.
  @inlinable public init(
    a: Rational, c: Rational, b: Rational, learningRate eta: T, momentum rho: T, noiseVariance: T
  ) {
    let relax = 1 - rho
    let m11 = 1 - eta * T(a), m12 = eta * T(c)
    let u1 = eta * T(b)
    let w1 = -eta, w2 = -relax * eta
    self.init(
      m: (m11, m12, relax * m11, rho + relax * m12), u: (u1, relax * u1),
      q: (noiseVariance * w1 * w1, noiseVariance * w1 * w2, noiseVariance * w2 * w2))
  }

  /// No step: `(I, 0, 0)`; composing with it is exact.
  @inlinable static var identity: MomentMap { MomentMap(m: (1, 0, 0, 1), u: (0, 0), q: (0, 0, 0)) }

  /// `first`, then `self`.
  @inlinable func after(_ first: MomentMap) -> MomentMap {
    // (M S)ᵢⱼ, then (M S Mᵀ)ᵢⱼ = Σₖ (M S)ᵢₖ Mⱼₖ for S = Q₁; the result stays symmetric.
    let a11 = m11 * first.q11 + m12 * first.q12, a12 = m11 * first.q12 + m12 * first.q22
    let a21 = m21 * first.q11 + m22 * first.q12, a22 = m21 * first.q12 + m22 * first.q22
    return MomentMap(
      m: (
        m11 * first.m11 + m12 * first.m21, m11 * first.m12 + m12 * first.m22,
        m21 * first.m11 + m22 * first.m21, m21 * first.m12 + m22 * first.m22
      ),
      u: (m11 * first.u1 + m12 * first.u2 + u1, m21 * first.u1 + m22 * first.u2 + u2),
      q: (a11 * m11 + a12 * m12 + q11, a11 * m21 + a12 * m22 + q12, a21 * m21 + a22 * m22 + q22))
  }

  /// `n ≥ 0` applications of `self`, by binary powering: ⌊log₂ n⌋ squarings and one
  /// composition per set bit of `n`, instead of `n` steps.
  ///
  /// Rounding: a squaring doubles the error the power already carries
  /// (`(Mᵏ + E)² = M²ᵏ + MᵏE + EMᵏ + E²`) and adds its own, so `Mⁿ` comes out with a relative
  /// error of about `n·ε·max_{j≤n} ‖Mʲ‖` (ε the unit roundoff), and `u`, `Q` (sums of powers)
  /// likewise: the conditioning of `Mⁿ` under a perturbation of `M` itself, and the bound on
  /// what the `n` steps of the plain loop accumulate too. For the claim's contracting runs
  /// `‖Mʲ‖` stays near 1, so both lose at most about `log₂ n` bits (14 for 12,288 steps);
  /// against 1024 bits, E2's 12,288 steps at 256 bits lose 9 here and 5 in the loop, whose
  /// errors partly cancel.
  @inlinable public func power(_ n: Int) -> MomentMap {
    precondition(n >= 0, "a negative number of steps")
    var (result, square, rest) = (Self.identity, self, n)
    while rest > 0 {
      if rest & 1 == 1 { result = square.after(result) }
      rest >>= 1
      if rest > 0 { square = square.after(square) }
    }
    return result
  }

  /// The mean `M m + u` the map takes `m` to.
  @inlinable public func mean(from m: (T, T)) -> (T, T) {
    (m11 * m.0 + m12 * m.1 + u1, m21 * m.0 + m22 * m.1 + u2)
  }
}
