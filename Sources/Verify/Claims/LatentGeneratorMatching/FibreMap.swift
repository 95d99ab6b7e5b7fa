import Numeric

/// A surjection `Φ: {0..nY−1} → {0..nX−1}` and what it does to laws and rate matrices.
///
/// The projected generator of latent-process generator matching is, for `x′ ≠ x`,
///
///     Q̄(x, x′) = Σ_{Φ(y)=x} w(y) Σ_{Φ(y′)=x′} Q(y, y′),     Q̄(x, x) = −Σ_{x′≠x} Q̄(x, x′),
///
/// with the fibre weights `w(y) = p(y)/pX(Φ(y))`, the conditional law of `Y` given `Φ(Y)`:
/// it is `E[(Q(f∘Φ))(Y) | Φ(Y) = x]` written as rates. Moves inside a fibre do not enter.
struct FibreMap: Sendable {
  /// `Φ(y)` for each latent state `y`.
  let image: [Int]
  /// `nX`.
  let count: Int
  /// The states of each fibre `Φ⁻¹(x)`, ascending.
  let fibres: [[Int]]

  /// `image` must be onto `{0..max}` (checked by the claim's instance).
  init(_ image: [Int]) {
    self.image = image
    count = (image.max() ?? -1) + 1
    fibres = (0..<count).map { x in image.indices.filter { image[$0] == x } }
  }

  /// `pX(x) = Σ_{Φ(y)=x} p(y)`: the law of `Φ(Y)` (also the image of a row vector such as `pQ`).
  func pushforward<T: FieldElement>(_ p: [T]) -> [T] {
    fibres.map { fibre in fibre.map { p[$0] }.total }
  }

  /// `R(y, x′) = Σ_{Φ(y′)=x′} Q(y, y′)`: the rates out of `y` into each fibre (`nY × nX`).
  func fibreRates<T: FieldElement>(_ q: [[T]]) -> [[T]] {
    q.map { row in fibres.map { fibre in fibre.map { row[$0] }.total } }
  }

  /// `Q̄` for the rate matrix `q` and the fibre weights `w` (each fibre's weights sum to 1).
  func projectedGenerator<T: FieldElement>(_ q: [[T]], weights w: [T]) -> [[T]] {
    let rates = fibreRates(q)
    var generator: [[T]] = (0..<count).map { x in
      (0..<count).map { x2 in
        x2 == x ? T(Rational(0)) : fibres[x].map { w[$0] * rates[$0][x2] }.total
      }
    }
    for x in 0..<count {
      generator[x][x] = T(Rational(0)) - generator[x].total
    }
    return generator
  }
}

/// How the fibre weights of ``FibreMap/projectedGenerator(_:weights:)`` are chosen: the
/// conditional law `p(y)/pX(Φ(y))` of the claim, or one of the spec's wrong constructions.
enum FibreWeighting: Sendable {
  /// `p(y)/pX(Φ(y))`, the claim's.
  case conditional
  /// `1/|Φ⁻¹(Φ(y))|`, ignoring the law (negative control).
  case uniform
  /// `p₀(y)/pX₀(Φ(y))`, the conditional law frozen at `t = 0` (negative control).
  case frozen([Rational])

  func weights<T: FieldElement>(_ p: [T], on map: FibreMap) -> [T] {
    switch self {
    case .conditional:
      let marginal = map.pushforward(p)
      return p.indices.map { p[$0] / marginal[map.image[$0]] }
    case .uniform:
      return map.image.map { T(Rational(1, map.fibres[$0].count)) }
    case .frozen(let initial):
      let marginal = map.pushforward(initial)
      return initial.indices.map { T(initial[$0] / marginal[map.image[$0]]) }
    }
  }
}
