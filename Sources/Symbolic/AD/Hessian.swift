import Numeric

/// The Hessian `∇²f(x)`, by forward over forward mode: entry `(i, j)` is the ε₁ε₂ part of `f`
/// at `xₖ + δₖᵢ ε₁ + δₖⱼ ε₂` in `Dual<Dual<T>>`, for `i ≤ j`, mirrored below the diagonal, so
/// `n(n+1)/2` evaluations of `f`, each exact in its differentiation (only `T` rounds).
///
/// With `T = Ball` each entry is an enclosure of the exact second derivative at the point (or
/// over a box, when `x` holds balls of positive radius): what an interval Newton (Krawczyk)
/// step needs.
@inlinable
public func hessian<T: Scalar>(
  of f: ([Dual<Dual<T>>]) -> Dual<Dual<T>>, at x: [T]
) -> Matrix<T> {
  var result = Matrix<T>.zeros(x.count, x.count)
  for i in x.indices {
    for j in i..<x.count {
      let seeded = x.indices.map { k in
        Dual(Dual(x[k], derivative: k == j ? 1 : 0), derivative: Dual(k == i ? 1 : 0, derivative: 0))
      }
      let entry = f(seeded).derivative.derivative
      result[i, j] = entry
      result[j, i] = entry
    }
  }
  return result
}
