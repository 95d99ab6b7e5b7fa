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

/// The value, gradient and Hessian `∇²f(x)ᵢⱼ = ∂²f/∂xᵢ∂xⱼ` of a scalar function of a vector,
/// by forward-over-reverse differentiation: `n` evaluations of `f` where `hessian(of:at:)`
/// (forward over forward) needs `n(n+1)/2`, and the gradient with them, which is what Newton
/// for a stationary point (`Newton.stationaryPoint`) and the many-parameter Hessians of a
/// claim need.
///
/// Column `i` of the Hessian is the directional derivative of the gradient along `eᵢ`: `f` is
/// recorded on a reverse-mode tape whose primal values are duals `xⱼ + δᵢⱼε`, and the backward
/// sweep then carries `∂f/∂xⱼ + (∂²f/∂xⱼ∂xᵢ) ε` in every adjoint. So `n` recordings of `f` give
/// the whole `n × n` Hessian (and the gradient, from the primal parts of any of them), with
/// the accuracy of evaluating `f` itself: there is no step size and no truncation error.
///
/// Mathematically `∂²f/∂xᵢ∂xⱼ = ∂²f/∂xⱼ∂xᵢ` for twice continuously differentiable `f`; the two
/// computed entries differ only by rounding, and the result is their mean, so it is symmetric
/// by construction (what `SymmetricEigendecomposition` and `Inertia` expect).
///
/// `f` is written once, generically over `Scalar`, and passed as `{ x in f(x) }`; it must not
/// branch on derivative parts. Where `f` is not twice differentiable (a `√t` at `t = 0`) the
/// entries are NaN or infinite, which `Matrix.isFinite` reports.
@inlinable
public func gradientAndHessian<T: Scalar>(
  of f: ([Reverse<Dual<T>>]) -> Reverse<Dual<T>>, at point: [T]
) -> (value: T, gradient: [T], hessian: Matrix<T>) {
  let n = point.count
  guard n > 0 else { return (f([]).value.value, [], Matrix.zeros(0, 0)) }
  var value = T.zero
  var gradient: [T] = []
  var columns: [[T]] = []
  columns.reserveCapacity(n)
  var tapeLength = (nodes: 0, slopes: 0)
  for i in 0..<n {
    let tape = Tape<Dual<T>>()
    // Every column records the same operations: room for them at once, not by doubling
    // copies of slopes two BigFloats wide (12 % of a 136-parameter Hessian when the slopes
    // were stored in the nodes).
    tape.reserveCapacity(nodes: tapeLength.nodes, slopes: tapeLength.slopes)
    let inputs = point.indices.map { j in tape.variable(Dual(point[j], derivative: j == i ? 1 : 0))
    }
    let output = f(inputs)
    let adjoint = tape.adjoints(of: output)
    tapeLength = (tape.entries.count, tape.slopes.count)
    value = output.value.value
    gradient = inputs.map { adjoint[$0.index].value }
    columns.append(inputs.map { adjoint[$0.index].derivative })
  }
  let symmetric = Matrix<T>(rowCount: n, columnCount: n) { r, c in
    r == c ? columns[c][r] : (columns[c][r] + columns[r][c]) / 2
  }
  return (value, gradient, symmetric)
}
