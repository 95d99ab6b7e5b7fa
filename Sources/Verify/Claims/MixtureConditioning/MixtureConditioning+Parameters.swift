import Numeric

/// The run parameters of spec Section 3.1; defaults are the Section 4 instance.
extension MixtureConditioning {
  static let mixture = Parameter<[Rational]>.rationalList(
    "mix",
    default: decimals("0.5,0,0,1,0.6,1,0.3,2,-1,0.5,-0.2,0.8,0.2,-1.5,1.5,0.7,0.3,0.4"),
    entries: Rational(-100)...Rational(100), count: 12...24,
    help: "P1 (dy = 1): per component pi, mx, my, Sxx, Sxy, Syy; 6K entries, K in 2...4, pi > 0 (normalised)")
  static let ys = Parameter<[Rational]>.rationalList(
    "ys", default: decimals("0.3,-2.5,1.2"), entries: Rational(-20)...Rational(20), count: 1...4,
    help: "observed y of C1")
  static let xs = Parameter<[Rational]>.rationalList(
    "xs", default: decimals("-1,0.5,2"), entries: Rational(-20)...Rational(20), count: 1...4,
    help: "points x of the conditional density (C1)")
  static let mixture2 = Parameter<[Rational]>.rationalList(
    "mix2",
    default: decimals("0.6,0.5,0,1,1,0.3,-0.2,1,0.1,0.5,0.4,-1,1,-0.5,0.6,-0.1,0.2,0.8,0,0.9"),
    entries: Rational(-100)...Rational(100), count: 10...30,
    help: "P2 (dy = 2): per component pi, mx, my1, my2, S11, S12, S13, S22, S23, S33; 10K entries, K in 1...3")
  static let y2 = Parameter<[Rational]>.rationalList(
    "y2", default: decimals("0.4,0.2"), entries: Rational(-20)...Rational(20), count: 2...2,
    help: "observed y of the dy = 2 mixture")
  static let shift = Parameter<[Rational]>.rationalList(
    "shift", default: [1, 1], entries: Rational(-10)...Rational(10), count: 2...2,
    help: "direction (x, y) of the C2 shift of component 1's mean, not zero")
  static let deltas = Parameter<[Rational]>.rationalList(
    "deltas", default: decimals("0.1,0.01,0.001,0.0001"),
    entries: RationalInterval(lower: 0, upper: Rational(1, 10), lowerIsOpen: true), count: 2...5,
    help: "C2 step sizes delta, distinct")
  static let yLipschitz = Parameter<Rational>.rational(
    "y_lip", default: Rational(3, 10), in: Rational(-20)...Rational(20), help: "y of C2")
  static let bump = Parameter<[Rational]>.rationalList(
    "bump", default: decimals("4,-6,0.3,0,0.3"), entries: Rational(-100)...Rational(100),
    count: 5...5, help: "C3 bump r: mx, my, Sxx, Sxy, Syy")
  static let epsilon = Parameter<Rational>.rational(
    "eps", default: Rational(1, 1_000_000),
    in: Rational(1, 1_000_000_000_000)...Rational(1, 100), help: "C3 mixing weight eps")
  static let yTail = Parameter<[Rational]>.rationalList(
    "y_tail", default: decimals("0,-3,-4.5,-6"), entries: Rational(-20)...Rational(20),
    count: 1...5, help: "y values of C3")

  public var parameters: [any ParameterDeclaration] {
    [
      Self.mixture, Self.ys, Self.xs, Self.mixture2, Self.y2, Self.shift, Self.deltas,
      Self.yLipschitz, Self.bump, Self.epsilon, Self.yTail,
    ]
  }

  /// The comma-separated decimals of a default, read exactly.
  private static func decimals(_ text: String) -> [Rational] {
    text.split(separator: ",").map { NumberSyntax.rational($0)! }
  }

  /// The mixture a flat list describes: `stride` entries per component, the weight first, then
  /// the mean and the upper triangle of the covariance (row by row) in the order `(x, y₁, …)`.
  /// Weights must be positive (they are normalised to sum 1) and covariances positive definite.
  static func mixture(_ entries: [Rational], dimension d: Int, name: String) throws(UsageError)
    -> GaussianMixture
  {
    let stride = 1 + d + d * (d + 1) / 2
    guard entries.count % stride == 0 else {
      throw UsageError("\(name) has \(entries.count) entries: it needs \(stride) per component")
    }
    var components: [MixtureComponent] = []
    for k in 0..<(entries.count / stride) {
      let row = Array(entries[(k * stride)..<((k + 1) * stride)])
      guard row[0] > 0 else {
        throw UsageError("\(name): the weight pi of component \(k + 1) is \(row[0]), it must be positive")
      }
      var covariance = Array(repeating: Array(repeating: Rational(0), count: d), count: d)
      var next = 1 + d
      for i in 0..<d {
        for j in i..<d {
          (covariance[i][j], covariance[j][i]) = (row[next], row[next])
          next += 1
        }
      }
      let matrix = ExactSymmetric(rows: covariance)
      guard matrix.isPositiveDefinite else {
        throw UsageError("\(name): the covariance of component \(k + 1) is not positive definite")
      }
      components.append(MixtureComponent(weight: row[0], mean: Array(row[1...d]), covariance: matrix))
    }
    let total = components.reduce(Rational(0)) { $0 + $1.weight }
    for k in components.indices { components[k].weight /= total }
    return GaussianMixture(components: components)
  }

  public func instance(_ arguments: Arguments) throws(UsageError) -> Instance {
    let bumpEntries = arguments[Self.bump]
    let bump = try Self.mixture([1] + bumpEntries, dimension: 2, name: "bump").components[0]
    let shift = arguments[Self.shift]
    guard shift.contains(where: { $0 != 0 }) else {
      throw UsageError("shift = 0,0 moves nothing: C2 needs a non-zero direction")
    }
    let deltas = arguments[Self.deltas]
    guard Set(deltas).count == deltas.count else {
      throw UsageError("deltas repeats an entry: the C2 slope needs distinct deltas")
    }
    return Instance(
      mixture: try Self.mixture(arguments[Self.mixture], dimension: 2, name: "mix"),
      ys: arguments[Self.ys], xs: arguments[Self.xs],
      mixture2: try Self.mixture(arguments[Self.mixture2], dimension: 3, name: "mix2"),
      y2: arguments[Self.y2], shift: shift, deltas: deltas, yLipschitz: arguments[Self.yLipschitz],
      bump: bump, epsilon: arguments[Self.epsilon], yTail: arguments[Self.yTail])
  }
}
