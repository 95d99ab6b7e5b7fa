@_exported import RealModule

/// A real number type in which ClaimCheck's formulas are written once and evaluated in any
/// arithmetic: `Double` for speed, `BigFloat` for digits, `Ball` for certainty (enclosures),
/// `Dual`/`Jet`/reverse scalars for derivatives.
///
/// Mathematically a `Scalar` models the ordered field ℝ with the elementary functions, `erf`
/// and `erfc`. Conversions from `Int`, `Double` and `Rational` round to the type's working
/// precision (for `BigFloat`, the task-local `Precision.bits`). The gamma function, log-gamma
/// and the polygamma functions are requirements too, for the expression language.
///
/// Comparisons order values by their real (primal) part; for differentiable scalars they
/// ignore the derivative parts, which is what branching code (`max`, leaky ReLU) needs. For
/// `Ball` a comparison is true only when it holds for every enclosed number, so a branch
/// taken on an undecided comparison must be a correct formula there too; `maxOrNaN`,
/// `minOrNaN` and `signum` are requirements so that balls can enclose them instead.
public protocol Scalar: AlgebraicField, ElementaryFunctions, Comparable, Sendable,
  CustomStringConvertible
where Magnitude == Self {
  /// The integer `value`, rounded to the working precision.
  init(_ value: Int)
  /// The binary64 `value`, rounded to the working precision (exact for `BigFloat` at ≥ 53 bits).
  init(_ value: Double)
  /// The rational `value`, correctly rounded to the working precision.
  init(_ value: Rational)

  /// The error function `erf x = (2/√π) ∫₀ˣ e^{−t²} dt`.
  static func erf(_ x: Self) -> Self
  /// The complementary error function `erfc x = 1 − erf x`, accurate for large `x`.
  static func erfc(_ x: Self) -> Self
  /// The angle of the point `(x, y)`, in `(−π, π]`.
  static func atan2(y: Self, x: Self) -> Self
  /// The gamma function `Γ(x)`, with poles at 0, −1, −2, ….
  static func gamma(_ x: Self) -> Self
  /// `log |Γ(x)|`, whose derivative is the digamma function `ψ = ψ⁽⁰⁾` on all of ℝ minus the poles.
  static func logGamma(_ x: Self) -> Self
  /// The polygamma function `ψ⁽ⁿ⁾(x) = dⁿ⁺¹/dxⁿ⁺¹ log |Γ(x)|` for n ≥ 0.
  static func polygamma(_ n: Int, _ x: Self) -> Self

  /// π at the working precision.
  static var pi: Self { get }

  /// The machine epsilon of the working precision: the gap between 1 and the next larger
  /// value, `2^(1 − p)` for a `p`-bit significand. Convergence thresholds throughout the
  /// module derive from it, so it is a requirement returned directly rather than found by
  /// halving ε while `1 + ε/2` rounds above 1 (256 operations at 256 bits, more than a whole
  /// Newton solve).
  static var workingEpsilon: Self { get }

  /// False when the value, or any part of it, is NaN or infinite.
  var isFinite: Bool { get }

  /// The nearest binary64 value of the (primal part of the) value, for plots and summaries.
  var doubleValue: Double { get }

  /// The larger of `x` and `y`, or a NaN if either is NaN (default: `Scalar+Extrema.swift`).
  /// A requirement so that `Ball` can return a ball containing the maximum, which no
  /// comparison of overlapping balls can select.
  static func maxOrNaN(_ x: Self, _ y: Self) -> Self
  /// The smaller of `x` and `y`, or a NaN if either is NaN.
  static func minOrNaN(_ x: Self, _ y: Self) -> Self
  /// `sign(x)`: −1, 0 or 1 (a requirement for the same reason as `maxOrNaN`).
  static func signum(_ x: Self) -> Self

  /// Whether values are certified enclosures (`Ball`, and derivative scalars over balls), so
  /// that an algorithm whose result is an estimate without a rigorous bound (a quadrature's)
  /// must give an indeterminate value rather than one that would read as certified.
  /// Default: false.
  static var isEnclosure: Bool { get }

  /// `self += a · b` with the operators' two roundings (the product, then the sum), so a loop
  /// written either way computes the same bits. A requirement so that `BigFloat` can keep the
  /// product in a local MPFR is handed directly (no temporary value to copy), which the Taylor
  /// recurrences' Cauchy products and matrix products are made of. Default: `self += a * b`.
  mutating func addRoundedProduct(_ a: Self, _ b: Self)

  /// `self ± Σ_{j ∈ terms} a[j]·b[k − j]`, one term at a time in ascending `j`, each product
  /// and each sum (or difference) rounded as the operators round them: the same bits as the
  /// loop of `addRoundedProduct(a[j], b[k − j])` (or `self -= a[j] * b[k − j]`). The Cauchy
  /// sums of the Taylor recurrences; a requirement so that `BigFloat` can hand MPFR the
  /// elements where the arrays hold them, since reading one out of an array copies it
  /// (~40 % of a term at 256 bits). Default: that loop.
  mutating func accumulateRoundedProducts(
    _ a: [Self], _ b: [Self], reversedFrom k: Int, over terms: Range<Int>, subtracting: Bool)

  /// `self + Σ_{j ∈ terms} a[j]·b[j]`, one term at a time in ascending `j`, each product and
  /// each sum rounded as the operators round them: the same bits as the loop of
  /// `addRoundedProduct(a[j], b[j])`. Dot products (a Jacobi sweep's column norms and inner
  /// products); a requirement for the same reason as the reversed form. Default: that loop.
  mutating func accumulateRoundedProducts(_ a: [Self], _ b: [Self], over terms: Range<Int>)
}

extension Scalar {
  public static var isEnclosure: Bool { false }

  @inlinable public mutating func addRoundedProduct(_ a: Self, _ b: Self) { self += a * b }

  @inlinable
  public mutating func accumulateRoundedProducts(
    _ a: [Self], _ b: [Self], reversedFrom k: Int, over terms: Range<Int>, subtracting: Bool
  ) {
    accumulateRoundedProductsTermByTerm(a, b, reversedFrom: k, over: terms, subtracting: subtracting)
  }

  @inlinable
  public mutating func accumulateRoundedProducts(_ a: [Self], _ b: [Self], over terms: Range<Int>) {
    accumulateRoundedProductsTermByTerm(a, b, over: terms)
  }

  /// The operators' loops that the two `accumulateRoundedProducts` are defined by: their
  /// defaults, and `BigFloat`'s route where precisions are mixed.
  @inlinable
  mutating func accumulateRoundedProductsTermByTerm(
    _ a: [Self], _ b: [Self], reversedFrom k: Int, over terms: Range<Int>, subtracting: Bool
  ) {
    for j in terms {
      if subtracting { self -= a[j] * b[k - j] } else { addRoundedProduct(a[j], b[k - j]) }
    }
  }

  @inlinable
  mutating func accumulateRoundedProductsTermByTerm(_ a: [Self], _ b: [Self], over terms: Range<Int>) {
    for j in terms { addRoundedProduct(a[j], b[j]) }
  }

  /// `1/2`, a convenience that is exact in every conforming type.
  @inlinable public static var half: Self { Self(1) / Self(2) }

  /// `x²`.
  @inlinable public static func square(_ x: Self) -> Self { x * x }

  /// `sign(x)`: −1, 0 or 1, and NaN for NaN (an undefined argument stays undefined). It is
  /// the derivative of `|x|` away from 0; its own derivative is 0 away from 0.
  @inlinable
  public static func signum(_ x: Self) -> Self {
    x > Self(0) ? Self(1) : (x < Self(0) ? Self(-1) : (x == Self(0) ? Self(0) : x))
  }
}
