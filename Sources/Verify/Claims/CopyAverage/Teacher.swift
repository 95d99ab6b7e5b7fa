import Numeric

/// The teacher network `f*(x) = Σⱼ bⱼ σ(vⱼ·x)`: each vector is `vⱼ = νⱼ dⱼ/|dⱼ|` with an exact
/// rational direction `dⱼ`, norm `νⱼ` and output weight `bⱼ`.
///
/// Keeping the data rational lets every arithmetic (`BigFloat` at any rung, the AD scalars,
/// `Double`) build the same teacher with one rounding per entry; only the normalisation of a
/// direction that is not already a unit vector (the tilted controls) costs a square root.
struct Teacher: Sendable {
  var directions: [[Rational]]
  var norms: [Rational]
  var outputs: [Rational]

  var count: Int { directions.count }
  var dimension: Int { directions[0].count }

  /// The unit-orthonormal teacher of spec §4.1: `u` drawn from SplitMix64(`seed`) with scale 1
  /// (`u = 2U − 1`, `dimension` entries), and `vⱼ = P eⱼ` for the Householder reflection
  /// `P = I − 2uuᵀ/(uᵀu)`, `j = 1…count`: `vⱼ = eⱼ − (2uⱼ/(uᵀu)) u`, orthonormal exactly (the
  /// directions are exact rationals), with `νⱼ = bⱼ = 1`.
  static func householder(seed: UInt64, dimension: Int, count: Int) -> Teacher {
    precondition(count <= dimension, "an orthonormal teacher needs d ≥ k")
    var generator = SplitMix64(seed: seed)
    let u = (0..<dimension).map { _ in generator.nextSymmetric(scale: Rational(1)) }
    let uu = u.reduce(Rational(0)) { $0 + $1 * $1 }
    let directions = (0..<count).map { j in
      let factor = Rational(2) * u[j] / uu
      return (0..<dimension).map { l in Rational(l == j ? 1 : 0) - factor * u[l] }
    }
    return Teacher(
      directions: directions, norms: Array(repeating: 1, count: count),
      outputs: Array(repeating: 1, count: count))
  }

  /// `dⱼ/|dⱼ|` in `S`.
  func unitVector<S: Scalar>(_ j: Int, as type: S.Type = S.self) -> [S] {
    let d = directions[j]
    let squared = d.reduce(Rational(0)) { $0 + $1 * $1 }
    let entries = d.map { S($0) }
    if squared == 1 { return entries }
    let norm = S.sqrt(S(squared))
    return entries.map { $0 / norm }
  }

  /// `vⱼ = νⱼ dⱼ/|dⱼ|` in `S`.
  func vector<S: Scalar>(_ j: Int, as type: S.Type = S.self) -> [S] {
    let unit: [S] = unitVector(j)
    if norms[j] == 1 { return unit }
    let norm = S(norms[j])
    return unit.map { norm * $0 }
  }

  /// `scale · Σ_{j ∈ indices} dⱼ/|dⱼ|`, the (scaled) sum of unit directions an averaging
  /// student is built from.
  func unitSum<S: Scalar>(_ indices: some Sequence<Int>, scaledBy scale: S = 1) -> [S] {
    indices.reduce([S](repeating: 0, count: dimension)) {
      $0.adding(unitVector($1), scaledBy: scale)
    }
  }

  /// Every `vⱼ`, in teacher order.
  func vectors<S: Scalar>(as type: S.Type = S.self) -> [[S]] { (0..<count).map { vector($0) } }
}
