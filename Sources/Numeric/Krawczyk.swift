/// Existence and uniqueness of a zero of `f: ℝⁿ → ℝⁿ` in a box, decided in ball arithmetic by
/// the Krawczyk operator
///
///     K(X) = c − Y f(c) + (I − Y J(X)) (X − c),
///
/// where `X = c ± r` is the box, `J(X)` encloses the Jacobian of `f` over the whole box, and
/// `Y` is any real matrix (here the inverse of the Jacobian's midpoint at `c`, computed in
/// `BigFloat`: only its being close to `J⁻¹` matters for success, not its accuracy). Every zero
/// of `f` in `X` lies in `K(X)`; if `K(X)` lies in the interior of `X`, `f` has exactly one zero
/// in `X`, and if `K(X)` misses `X`, none (Krawczyk 1969; Moore, Kearfott and Cloud,
/// *Introduction to Interval Analysis*, SIAM 2009, §8.2).
///
/// For a critical point, `f` is the gradient and `J` the Hessian. The balls are Arb's, so the
/// decision accounts for every rounding.
public enum Krawczyk {
  public enum Outcome: Sendable {
    /// `K(X) ⊂ int X`: exactly one zero in the box, and it lies in `image`.
    case uniqueZero(image: [Ball])
    /// `f(X)` or `K(X)` excludes a zero: the box holds none.
    case noZero(reason: String)
    /// Neither: a smaller box, more precision or a better centre might decide.
    case undecided(reason: String)
  }

  /// Tests the box `center ± radius` (every coordinate) at the centre's precision.
  ///
  /// - Parameters:
  ///   - value: `f` on balls; called at the centre (exact balls) and on the whole box.
  ///   - jacobian: an enclosure of `∂f/∂x` over the balls it is given.
  public static func test(
    center: [BigFloat], radius: BigFloat, value: ([Ball]) -> [Ball],
    jacobian: ([Ball]) -> Matrix<Ball>
  ) -> Outcome {
    let n = center.count
    let precision = center.map(\.precision).max() ?? Precision.bits
    let c = center.map { Ball($0, precision: precision) }
    let box = center.map { Ball(midpoint: $0, radius: radius, precision: precision) }
    let onBox = value(box)
    if let i = onBox.indices.first(where: { !onBox[$0].containsZero && onBox[$0].isFinite }) {
      return .noZero(reason: "component \(i) of f over the box is \(onBox[i]), which excludes 0")
    }
    let fc = value(c)
    let jx = jacobian(box)
    guard fc.allSatisfy(\.isFinite), jx.isFinite else {
      return .undecided(reason: "f or its Jacobian is not finite on the box")
    }
    let middle = Matrix<BigFloat>(rowCount: n, columnCount: n) { i, j in jx[i, j].midpoint }
    guard let inverse = try? middle.solve(Matrix<BigFloat>.identity(n)) else {
      return .undecided(reason: "the Jacobian's midpoint is singular")
    }
    let yBall = Matrix<Ball>(rowCount: n, columnCount: n) { i, j in Ball(inverse[i, j], precision: precision) }
    let step = yBall * fc
    let contraction = Matrix<Ball>.identity(n) - yBall * jx
    let offsets = zip(box, c).map { $0 - $1 }
    let spread = contraction * offsets
    let image = (0..<n).map { i in c[i] - step[i] + spread[i] }
    if let i = image.indices.first(where: { Ball.intersection(image[$0], box[$0]) == nil }) {
      return .noZero(reason: "K(X) misses the box in coordinate \(i)")
    }
    guard zip(box, image).allSatisfy({ $0.containsInInterior($1) }) else {
      return .undecided(reason: "K(X) is not inside the box")
    }
    return .uniqueZero(image: image)
  }
}
