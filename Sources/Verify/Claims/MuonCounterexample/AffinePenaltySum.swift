import Numeric

/// A convex objective `f(x) = Σⱼ wⱼ ρ(⟨aⱼ, x⟩ − bⱼ)` of a vector `x` (a matrix's diagonal, or
/// its entries row-major) with rational weights `wⱼ ≥ 0`, forms `aⱼ` and offsets `bⱼ`, and
/// `ρ = |·|` or the Huber function `H_μ`.
///
/// Every objective of the muon-counterexample spec has this form: the trap
/// `ε|W₁₁ + W₂₂| + |W₁₁ − W₂₂|`, its Huber smoothing (NC2a), the reduction objective of C1, the
/// non-diagonal objective of NC1 and the matrix instance `Σᵢ |uᵢᵀ W vᵢ − cᵢ|` of C4. The oracle is
/// the spec's: `∇ = Σⱼ wⱼ ρ'(rⱼ) aⱼ` with `ρ' = sgn⁺` (`+1` at a kink) for `|·|`.
struct AffinePenaltySum: Sendable {
  struct Term: Sendable {
    var weight: Rational
    var form: [Rational]
    var offset: Rational
  }

  enum Penalty: Sendable, Equatable {
    case absolute
    /// `H_μ(z) = z²/(2μ)` for `|z| ≤ μ`, `|z| − μ/2` otherwise.
    case huber(Rational)
  }

  var terms: [Term]
  var penalty: Penalty = .absolute

  /// The trap `f_ε(W) = ε|W₁₁ + W₂₂| + |W₁₁ − W₂₂|` on the diagonal `(W₁₁, W₂₂)`.
  static func trap(epsilon: Rational) -> AffinePenaltySum {
    AffinePenaltySum(terms: [
      Term(weight: epsilon, form: [1, 1], offset: 0), Term(weight: 1, form: [1, -1], offset: 0),
    ])
  }

  /// The same terms with `ρ = H_μ`.
  func smoothed(huber mu: Rational) -> AffinePenaltySum {
    AffinePenaltySum(terms: terms, penalty: .huber(mu))
  }

  /// `rⱼ = ⟨aⱼ, x⟩ − bⱼ`, exactly.
  func residuals(_ x: [Rational]) -> [Rational] {
    terms.map { term in zip(term.form, x).reduce(-term.offset) { $0 + $1.0 * $1.1 } }
  }

  /// `wⱼ ρ(rⱼ)`, the `j`-th term at `x`, exactly.
  func termValue(_ j: Int, at x: [Rational]) -> Rational {
    termValue(j, residual: residuals(x)[j])
  }

  func value(at x: [Rational]) -> Rational {
    zip(terms.indices, residuals(x)).reduce(0) { $0 + termValue($1.0, residual: $1.1) }
  }

  private func termValue(_ j: Int, residual r: Rational) -> Rational {
    switch penalty {
    case .absolute: return terms[j].weight * r.magnitude
    case .huber(let mu):
      return terms[j].weight * (r.magnitude <= mu ? r * r / (2 * mu) : r.magnitude - mu / 2)
    }
  }

  /// The oracle's subgradient, exactly.
  func subgradient(at x: [Rational]) -> [Rational] {
    combination(zip(terms, residuals(x)).map { term, r in
      switch penalty {
      case .absolute: return term.weight * (r.signum >= 0 ? 1 : -1)
      case .huber(let mu):
        return term.weight * (r.magnitude <= mu ? r / mu : Rational(r.signum))
      }
    })
  }

  /// `f(x)` in `T` (`ρ = |·|` only).
  func value<T: Scalar>(at x: [T]) -> T {
    let residuals = RoundedOracle<T>(self).residuals(x)
    return zip(terms, residuals).reduce(T.zero) { $0 + T($1.0.weight) * $1.1.magnitude }
  }

  /// The oracle's subgradient at one rounded point (``RoundedOracle``, used once).
  func subgradient<T: Scalar>(at x: [T]) -> [T] {
    var oracle = RoundedOracle<T>(self)
    return oracle.subgradient(at: x)
  }

  /// The objective's residuals and oracle at rounded points (`ρ = |·|` only): the signs are
  /// decided in `T`, the combination `Σⱼ wⱼ sⱼ aⱼ` is exact and rounded once. The forms and
  /// offsets are rounded once, and each sign pattern's combination is computed once: a run of
  /// EF-Muon on the matrix instance meets a few of the `2ᵏ` patterns thousands of times, and
  /// would otherwise redo `k·m·n` rational products and as many conversions at every step.
  struct RoundedOracle<T: Scalar> {
    let objective: AffinePenaltySum
    private let forms: [[T]]
    private let offsets: [T]
    private var combinations: [[Bool]: [T]] = [:]

    /// Rounds to the working precision of the caller.
    init(_ objective: AffinePenaltySum) {
      precondition(objective.penalty == .absolute, "the rounded oracle is only needed for ρ = |·|")
      self.objective = objective
      forms = objective.terms.map { $0.form.map { T($0) } }
      offsets = objective.terms.map { T($0.offset) }
    }

    /// `rⱼ = ⟨aⱼ, x⟩ − bⱼ` in `T`, each product and sum rounded in turn.
    func residuals(_ x: [T]) -> [T] {
      zip(forms, offsets).map { form, offset in zip(form, x).reduce(-offset) { $0 + $1.0 * $1.1 } }
    }

    mutating func subgradient(at x: [T]) -> [T] {
      let signs = residuals(x).map { $0 >= T.zero }
      if let cached = combinations[signs] { return cached }
      let combination = objective.combination(zip(objective.terms, signs).map { $0.weight * ($1 ? 1 : -1) })
        .map { T($0) }
      combinations[signs] = combination
      return combination
    }
  }

  /// `Σⱼ cⱼ aⱼ`.
  private func combination(_ coefficients: [Rational]) -> [Rational] {
    let dimension = terms.first?.form.count ?? 0
    return (0..<dimension).map { i in
      zip(terms, coefficients).reduce(0) { $0 + $1.1 * $1.0.form[i] }
    }
  }
}
