import Numeric

/// The Taylor recurrences, one small one per operation (as in TaylorSeries.jl): coefficient `k`
/// of a result from its operands' coefficients `0…k` and its own (or a partner series')
/// coefficients `0…k−1`, O(k) each.
///
/// Both routes to jet coefficients use them: an eager `Jet` operation runs one recurrence for
/// k = 0…K, and a `JetTape` runs every recorded operation's recurrence once per order, so a
/// field evaluated to order K costs O(K²) per operation, not O(K³).
///
/// An operand array shorter than `k + 1` is a series whose later coefficients are zero (a
/// constant, or a known series mixed in); its missing terms are skipped, not multiplied by zero.
/// `integers[j]` is `T(j)`, made once per evaluation rather than once per term. The order of
/// every sum is fixed (ascending `j`), so both routes round identically.
@usableFromInline enum TaylorRecurrence<T: Scalar> {
  /// `aₖ + bₖ`.
  @inlinable static func sum(_ a: [T], _ b: [T], _ k: Int) -> T {
    switch (k < a.count, k < b.count) {
    case (true, true): a[k] + b[k]
    case (true, false): a[k]
    case (false, true): b[k]
    case (false, false): T.zero
    }
  }

  /// `aₖ − bₖ`.
  @inlinable static func difference(_ a: [T], _ b: [T], _ k: Int) -> T {
    switch (k < a.count, k < b.count) {
    case (true, true): a[k] - b[k]
    case (true, false): a[k]
    case (false, true): -b[k]
    case (false, false): T.zero
    }
  }

  /// `−aₖ`.
  @inlinable static func negation(_ a: [T], _ k: Int) -> T { k < a.count ? -a[k] : T.zero }

  /// The Cauchy product `Σⱼ aⱼ bₖ₋ⱼ`.
  @inlinable static func product(_ a: [T], _ b: [T], _ k: Int) -> T {
    let low = Swift.max(0, k - b.count + 1)
    let high = Swift.min(k, a.count - 1)
    guard low <= high else { return T.zero }
    var s = a[low] * b[k - low]
    s.accumulateRoundedProducts(a, b, reversedFrom: k, over: low + 1..<high + 1, subtracting: false)
    return s
  }

  /// `c = a/b` from `a = b·c`: `cₖ = (aₖ − Σ_{j≥1} bⱼ cₖ₋ⱼ) / b₀`, with `c` the quotient so far.
  @inlinable static func quotient(_ a: [T], _ b: [T], _ c: [T], _ k: Int) -> T {
    let terms = 1..<Swift.min(k, b.count - 1) + 1
    var s: T
    if k < a.count {
      s = a[k]
      s.accumulateRoundedProducts(b, c, reversedFrom: k, over: terms, subtracting: true)
    } else if !terms.isEmpty {
      // No aₖ: the sum starts at −b₁cₖ₋₁, not at 0 − b₁cₖ₋₁, whose zero would bring the
      // working precision and turn a −0 into +0.
      s = -(b[1] * c[k - 1])
      s.accumulateRoundedProducts(b, c, reversedFrom: k, over: terms.dropFirst(), subtracting: true)
    } else {
      s = T.zero
    }
    return s / b[0]
  }

  /// `y = √u` from `y² = u`: `yₖ = (uₖ − Σ_{0<j<k} yⱼ yₖ₋ⱼ) / 2y₀` (k ≥ 1).
  @inlinable static func squareRoot(_ u: [T], _ y: [T], _ k: Int) -> T {
    var s = k < u.count ? u[k] : T.zero
    s.accumulateRoundedProducts(y, y, reversedFrom: k, over: 1..<k, subtracting: true)
    return s / (2 * y[0])
  }

  /// `y = uʳ` from `u·y′ = r·y·u′`: `yₖ = Σ_{j<k} (r(k−j) − j) uₖ₋ⱼ yⱼ / (k u₀)` (k ≥ 1).
  @inlinable static func power(_ u: [T], _ y: [T], _ r: T, _ k: Int, _ integers: [T]) -> T {
    var s = T.zero
    var j = Swift.max(0, k - u.count + 1)
    while j < k {
      s.addRoundedProduct((r * integers[k - j] - integers[j]) * u[k - j], y[j])
      j += 1
    }
    return s / (integers[k] * u[0])
  }

  /// `y′ = ±w·u′` (Griewank–Walther): `yₖ = ±Σ_{j=1…k} (j uⱼ) wₖ₋ⱼ / k` (k ≥ 1). `w` may be
  /// `y` itself (exp) or a series built from `y` (cos beside sin, `1 − y²` for tanh): only
  /// `w₀ … wₖ₋₁` are read.
  @inlinable static func primitive(
    _ u: [T], weight w: [T], negated: Bool, _ k: Int, _ integers: [T]
  ) -> T {
    let low = Swift.max(1, k - w.count + 1)
    let high = Swift.min(k, u.count - 1)
    guard low <= high else { return T.zero }
    var s = integers[low] * u[low] * w[k - low]
    var j = low + 1
    while j <= high {
      s.addRoundedProduct(integers[j] * u[j], w[k - j])
      j += 1
    }
    return (negated ? -s : s) / integers[k]
  }

  /// `q·y′ = u′` (log, atan, asin, …): `k q₀ yₖ = k uₖ − Σ_{j=1…k−1} qⱼ (k−j) yₖ₋ⱼ` (k ≥ 1).
  @inlinable static func quotientPrimitive(
    _ u: [T], _ q: [T], _ y: [T], _ k: Int, _ integers: [T]
  ) -> T {
    var s = k < u.count ? integers[k] * u[k] : T.zero
    var j = 1
    while j <= Swift.min(k - 1, q.count - 1) {
      s -= q[j] * (integers[k - j] * y[k - j])
      j += 1
    }
    return s / (integers[k] * q[0])
  }

  /// `w = 1 ± y²`, the weight of tan (+) and tanh (−): `wₖ = δₖ₀ ± Σⱼ yⱼ yₖ₋ⱼ`.
  @inlinable static func onePlusSquare(_ y: [T], negated: Bool, _ k: Int) -> T {
    let s = product(y, y, k)
    if k == 0 { return negated ? 1 - s : 1 + s }
    return negated ? -s : s
  }
}
