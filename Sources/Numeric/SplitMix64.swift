/// The SplitMix64 generator of `shared/claims/CONVENTIONS.md`: every random instance of a claim
/// is drawn from it, so that Swift and independent oracles (mpmath, SymPy, NumPy) see
/// bit-identical inputs.
///
/// `next()` is `state += 0x9E3779B97F4A7C15; z = state; z = (z ^ (z >> 30)) · 0xBF58476D1CE4E5B9;
/// z = (z ^ (z >> 27)) · 0x94D049BB133111EB; return z ^ (z >> 31)`, all wrapping.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  /// Stored under another name so that `next()` can be inlined into a caller's loop (an
  /// inlinable body cannot use a private setter) while `state` stays read-only.
  @usableFromInline var current: UInt64

  /// The state after the draws so far (the seed before any).
  public var state: UInt64 { current }

  public init(seed: UInt64) {
    current = seed
  }

  @inlinable public mutating func next() -> UInt64 {
    current &+= 0x9E37_79B9_7F4A_7C15
    var z = current
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// `u = (next() >> 11) · 2⁻⁵³`, uniform on [0, 1): an exact dyadic rational.
  public mutating func nextUniform() -> Rational {
    Rational(BigInt(next() >> 11), BigInt(1 << 53))
  }

  /// `scale · (2u − 1)`, uniform on [−scale, scale), exactly.
  public mutating func nextSymmetric(scale: Rational) -> Rational {
    scale * (Rational(2) * nextUniform() - Rational(1))
  }

  /// `scale · (2u − 1)` rounded once to the working precision of `T`.
  public mutating func nextSymmetric<T: Scalar>(scale: Rational, as type: T.Type = T.self) -> T {
    T(nextSymmetric(scale: scale))
  }

  /// `count` symmetric entries, in draw order, exactly: a row-major matrix of a claim's
  /// instance is drawn this way and rounded once per precision.
  public mutating func symmetricEntries(_ count: Int, scale: Rational) -> [Rational] {
    (0..<count).map { _ in nextSymmetric(scale: scale) }
  }

  /// `count` symmetric entries, in draw order, each rounded once to `T`.
  public mutating func symmetricEntries<T: Scalar>(
    _ count: Int, scale: Rational, as type: T.Type = T.self
  ) -> [T] {
    (0..<count).map { _ in nextSymmetric(scale: scale) }
  }

  /// Two independent standard normal variates by Box–Muller on two consecutive uniforms,
  /// `√(−2 ln(1 − u₁)) · (cos 2πu₂, sin 2πu₂)`, evaluated in `T`.
  ///
  /// Each uniform is rounded to `T` as `T((next() >> 11)) · 2⁻⁵³`: the 53-bit integer is exact
  /// in binary64 and scaling by a power of two commutes with rounding, so this is `T(u)` for
  /// the rational `u` of `nextUniform()`, without building the rational (a Monte-Carlo run in
  /// `Double` draws millions).
  public mutating func nextNormalPair<T: Scalar>(as type: T.Type = T.self) -> (T, T) {
    let u1 = T(Double(next() >> 11)) * T(0x1p-53)
    let u2 = T(Double(next() >> 11)) * T(0x1p-53)
    let radius = T.sqrt(-T(2) * T.log(onePlus: -u1))
    let angle = T(2) * T.pi * u2
    return (radius * T.cos(angle), radius * T.sin(angle))
  }
}

extension SplitMix64 {
  /// `u = (next() >> 11) · 2⁻⁵³` rounded to `T`, without building the rational: exact in
  /// binary64 and wider, since the 53-bit integer is exact and the scaling a power of two. For
  /// Monte-Carlo runs in `Double` that draw millions of uniforms; inlinable, so that such a run
  /// is specialized to its type (called through the generic entry point, the conversion and
  /// the product were witness calls: a fifth of C3's largest Monte Carlo).
  @inlinable public mutating func nextUniform<T: Scalar>(as type: T.Type) -> T {
    T(Double(next() >> 11)) * T(0x1p-53)
  }
}
