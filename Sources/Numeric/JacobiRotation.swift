/// The plane rotation `[[c, s], [−s, c]]` that diagonalises the symmetric 2×2 block
/// `[[app, apq], [apq, aqq]]`: `tan` of the angle is the smaller root `t` of
/// `t² + 2θt − 1 = 0`, `θ = (aqq − app) / (2 apq)`, which keeps the angle below π/4 and makes
/// the cyclic Jacobi methods converge quadratically.
///
/// Shared by the two-sided (symmetric eigenvalue) and one-sided (SVD) Jacobi methods.
@usableFromInline
struct JacobiRotation<T: Scalar> {
  /// `tan φ`; the diagonal becomes `app − t·apq` and `aqq + t·apq`.
  @usableFromInline let t: T
  @usableFromInline let c: T
  @usableFromInline let s: T
  /// `s / (1 + c)`, with which the updates below lose no accuracy when φ is tiny.
  @usableFromInline let tau: T

  @inlinable
  init(app: T, aqq: T, apq: T) {
    let h = aqq - app
    if h.magnitude + 100 * apq.magnitude == h.magnitude {
      // θ is so large that θ² could overflow; t = 1/(2θ) to the working precision.
      t = apq / h
    } else {
      let theta = h / (2 * apq)
      let root = 1 / (theta.magnitude + T.sqrt(1 + theta * theta))
      t = theta < 0 ? -root : root
    }
    c = 1 / T.sqrt(1 + t * t)
    s = t * c
    tau = s / (1 + c)
  }

  /// `(x, y) ↦ (c·x − s·y, s·x + c·y)`, written as corrections `x − s(y + τx)` and
  /// `y + s(x − τy)`, rounded in that order. In place: for `BigFloat` at the Jacobi methods'
  /// working precisions each new value is a copy of the MPFR header and limbs, and this makes
  /// three where the expression form made eight, with the same bits.
  @inlinable
  func rotate(_ x: inout T, _ y: inout T) {
    var first = tau * x
    first += y
    first *= s
    var second = tau * y
    second = x - second
    second *= s
    x -= first
    y += second
  }

  /// ``rotate(_:_:)`` on copies, for entries that cannot be borrowed together (two of a matrix).
  @inlinable
  func rotated(_ x: T, _ y: T) -> (T, T) {
    var (x, y) = (x, y)
    rotate(&x, &y)
    return (x, y)
  }
}
