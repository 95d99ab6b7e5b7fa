import Numeric
import Symbolic

extension PopulationLoss {
  /// `∇²_θ L` by the chain rule through the Gram entries, `θ = (w₁, …, wₙ, a₁, …, aₙ)`.
  ///
  /// `L` sees the student rows only through `qᵢᵢ' = wᵢ·wᵢ'` and `rᵢⱼ = wᵢ·vⱼ`, and is a sum of
  /// terms of at most five such inputs `s`: the self term `½aᵢ² D(qᵢᵢ)`, the pair term
  /// `aᵢaᵢ' P(qᵢᵢ, qᵢ'ᵢ', qᵢᵢ')` (`i < i'`) and the cross term `−aᵢbⱼ P(qᵢᵢ, |vⱼ|², rᵢⱼ)`, where
  /// `D` and `P` are the activation's `diagonal` and `pair` kernels (the teachers' own terms are
  /// constant). For a term `T(s)`,
  ///
  ///     ∇²_θ T = Σₖₗ (∂²T/∂sₖ∂sₗ) ∇sₖ ∇sₗᵀ + Σₖ (∂T/∂sₖ) ∇²sₖ,
  ///
  /// with `∇qᵢᵢ = 2wᵢ` in block `i`, `∇qᵢᵢ' = wᵢ'` in block `i` and `wᵢ` in block `i'`,
  /// `∇rᵢⱼ = vⱼ` in block `i`, `∇aᵢ = eᵢ`; `∇²qᵢᵢ = 2I` on block `(i, i)`, `∇²qᵢᵢ' = I` on
  /// blocks `(i, i')` and `(i', i)`, and the others vanish. The term's own derivatives are AD's
  /// (forward over reverse on its few inputs), so no kernel derivative is written by hand.
  ///
  /// The result is the same matrix as forward over reverse on `L` itself, up to rounding: the
  /// same kernels evaluated at the same Gram entries, the products summed in another order. The
  /// cost is the outer products, `O((n² + nk) d²)` operations, where forward over reverse on
  /// `L` records `n(d + 1)` tapes of `O((n² + nk) d)` each: about `n` times fewer, and no tape.
  /// Only entries on and above the diagonal are summed, and mirrored, so the matrix is
  /// symmetric by construction. With `S = Ball` (and a box for `θ`) every entry encloses the
  /// exact second derivative, as each operation does.
  ///
  /// With `leading`, only the Hessian in the first `leading` entries of `θ` (the others held
  /// fixed): the committee machine's, in `W` alone.
  func hessian<S: Scalar>(at theta: [S], leading: Int? = nil) -> Matrix<S> {
    precondition(
      theta.count == parameterCount, "θ has \(theta.count) entries, expected \(parameterCount)")
    let (n, d) = (students, dimension)
    let w = (0..<n).map { Array(theta[($0 * d)..<(($0 + 1) * d)]) }
    let a = Array(theta[(n * d)...])
    let v: [[S]] = teacher.vectors()
    // The teachers' factors are constants of every cross term: made once, not once per student.
    let weights = teacher.outputs.map { Reverse<Dual<S>>(constant: Dual(constant: S($0))) }
    let teacherNorms = v.map { Reverse<Dual<S>>(constant: Dual(constant: $0.dot($0))) }
    let norms = w.map { $0.dot($0) }
    let doubled = w.map { row in row.map { 2 * $0 } }
    let one = S(1)
    let output = (0..<n).map { [GramInput(offset: n * d + $0, vector: [one])] }
    var sum = UpperTriangleSum<S>(size: parameterCount, blockSize: d)
    for i in 0..<n {
      let norm = [GramInput(offset: i * d, vector: doubled[i])]
      sum.add(
        [norm, output[i]], at: [norms[i], a[i]], squareBlocks: [i],
        { [activation] s in s[1] * s[1] * activation.diagonal(s[0]) / 2 })
      for i2 in (i + 1)..<n {
        let overlap = [
          GramInput(offset: i * d, vector: w[i2]), GramInput(offset: i2 * d, vector: w[i]),
        ]
        sum.add(
          [norm, [GramInput(offset: i2 * d, vector: doubled[i2])], overlap, output[i], output[i2]],
          at: [norms[i], norms[i2], w[i].dot(w[i2]), a[i], a[i2]], squareBlocks: [i, i2],
          overlapBlocks: (i, i2),
          { [activation] s in s[3] * s[4] * activation.pair(s[0], s[1], s[2]) })
      }
      for j in v.indices {
        let (weight, teacherNorm) = (weights[j], teacherNorms[j])
        sum.add(
          [norm, [GramInput(offset: i * d, vector: v[j])], output[i]],
          at: [norms[i], w[i].dot(v[j]), a[i]], squareBlocks: [i],
          { [activation] s in -s[2] * weight * activation.pair(s[0], teacherNorm, s[1]) })
      }
    }
    return sum.matrix(leading: leading ?? parameterCount)
  }
}

/// One input `s` of a loss term as a function of `θ`: `∇s` is `vector` at `offset` (a Gram
/// entry's slice of a student block, or an output weight's single 1).
private struct GramInput<S: Scalar> {
  var offset: Int
  var vector: [S]
}

/// The entries on and above the diagonal of a sum of term Hessians, row-major.
private struct UpperTriangleSum<S: Scalar> {
  let size: Int
  let blockSize: Int
  private var entries: [S]

  init(size: Int, blockSize: Int) {
    self.size = size
    self.blockSize = blockSize
    entries = Array(repeating: S.zero, count: size * size)
  }

  /// Adds `∇²_θ T` of the term `T(s)` with inputs `inputs` (each the pieces of its `∇s`) at
  /// the values `values`. The leading inputs are the squared norms `qᵢᵢ` of the students
  /// `squareBlocks`, in order (`∇²qᵢᵢ = 2I` on block `(i, i)`); with `overlapBlocks = (i, i')`,
  /// `i < i'`, the next is their overlap `qᵢᵢ'` (`∇²qᵢᵢ' = I` on block `(i, i')`, its mirror
  /// left to `matrix`).
  mutating func add(
    _ inputs: [[GramInput<S>]], at values: [S], squareBlocks: [Int],
    overlapBlocks: (Int, Int)? = nil, _ term: ([Reverse<Dual<S>>]) -> Reverse<Dual<S>>
  ) {
    let local = gradientAndHessian(of: term, at: values)
    for k in inputs.indices {
      for l in inputs.indices {
        for p in inputs[k] {
          for q in inputs[l] where p.offset <= q.offset {
            addOuterProduct(local.hessian[k, l], p, q)
          }
        }
      }
    }
    for (k, block) in squareBlocks.enumerated() {
      addIdentity(2 * local.gradient[k], rowBlock: block, columnBlock: block)
    }
    if let (i, i2) = overlapBlocks { addIdentity(local.gradient[squareBlocks.count], rowBlock: i, columnBlock: i2) }
  }

  /// `h p qᵀ` on and above the diagonal; `p` starts at or before `q`, and two pieces either
  /// share their block or do not overlap.
  private mutating func addOuterProduct(_ h: S, _ p: GramInput<S>, _ q: GramInput<S>) {
    for r in p.vector.indices {
      let row = p.offset + r
      let scaled = h * p.vector[r]
      let start = p.offset == q.offset ? r : 0
      for c in start..<q.vector.count {
        entries[row * size + q.offset + c].addRoundedProduct(scaled, q.vector[c])
      }
    }
  }

  /// `g I` on block `(rowBlock, columnBlock)`, `rowBlock ≤ columnBlock`.
  private mutating func addIdentity(_ g: S, rowBlock: Int, columnBlock: Int) {
    for r in 0..<blockSize {
      entries[(rowBlock * blockSize + r) * size + columnBlock * blockSize + r] += g
    }
  }

  /// The symmetric matrix of the first `count` rows and columns: each entry below the
  /// diagonal is its mirror's.
  func matrix(leading count: Int) -> Matrix<S> {
    Matrix(rowCount: count, columnCount: count) { r, c in
      r <= c ? entries[r * size + c] : entries[c * size + r]
    }
  }
}
