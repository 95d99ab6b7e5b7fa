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

  /// `(x, y) ↦ (c·x − s·y, s·x + c·y)`, written as corrections to `x` and `y`.
  @inlinable
  func rotated(_ x: T, _ y: T) -> (T, T) {
    (x - s * (y + tau * x), y + s * (x - tau * y))
  }
}
