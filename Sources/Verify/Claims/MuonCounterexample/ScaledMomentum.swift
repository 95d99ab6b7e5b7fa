import Numeric

/// The heavy-ball momentum `mₜ = β mₜ₋₁ + (1−β) gₜ`, `m₋₁ = 0`, of an exact run whose method
/// reads only its signs, held as integers: with `β = p/q` in lowest terms and `D` a common
/// denominator of the gradients so far, `mₜ = Nₜ / (D qᵗ⁺¹)` for the integer vector
///
///     Nₜ = p Nₜ₋₁ + (q − p) qᵗ (D gₜ),
///
/// so `sgn mₜ = sgn Nₜ`, exactly. The numbers grow by `log₂ q` bits a step either way; a
/// reduced fraction would also take a gcd against its `t log₂ q`-bit denominator at every
/// operation, where this takes two products by small integers, one by `qᵗ`, and a sum.
struct ScaledMomentum {
  private let p: BigInt
  private let q: BigInt
  /// `N_{t−1}`.
  private var numerators: [BigInt]
  /// `D`, grown (and `N` rescaled with it) when a gradient brings a new denominator.
  private var denominator: BigInt = 1
  /// `qᵗ` for the next step `t`.
  private var power: BigInt = 1

  init(beta: Rational, dimension: Int) {
    (p, q) = (beta.numerator, beta.denominator)
    numerators = Array(repeating: 0, count: dimension)
  }

  /// `sgn mₜ` entrywise for the last gradient added.
  var signs: [Int] { numerators.map(\.signum) }

  /// Advances to `mₜ` with the gradient `gₜ`.
  mutating func add(_ gradient: [Rational]) {
    precondition(gradient.count == numerators.count, "a gradient of the momentum's dimension")
    let common = gradient.reduce(denominator) { d, g in
      let e = g.denominator
      return d / BigInt.gcd(d, e) * e
    }
    if common != denominator {
      let factor = common / denominator
      numerators = numerators.map { $0 * factor }
      denominator = common
    }
    let weight = (q - p) * power
    numerators = zip(numerators, gradient).map { n, g in
      p * n + weight * (g.numerator * (denominator / g.denominator))
    }
    power = power * q
  }
}
