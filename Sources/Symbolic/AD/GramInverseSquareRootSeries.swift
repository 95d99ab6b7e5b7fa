import Numeric

/// The Taylor coefficients of `Z(t) = (G(t)ᵀG(t) + εI)^{−1/2}` for a matrix jet
/// `G(t) = Σ Gₖ tᵏ` (m × n, ε > 0), with one decomposition at the value and none of jets.
///
/// At the value `G₀ᵀG₀ + εI = V diag(μᵢ²) Vᵀ`, from the one-sided Jacobi SVD of `G₀` (so `G₀ᵀG₀`
/// is never formed there and the small `μᵢ` keep their relative accuracy; for a wide `G₀`, the
/// symmetric eigen-decomposition of `G₀ᵀG₀`). In the basis `V` the square root `S = M^{1/2}`
/// of `M = GᵀG + εI` solves `S² = M` order by order, a Sylvester equation with the diagonal
/// `S̃₀ = diag(μ)`, and `Z = S^{−1}` follows from `S Z = I`:
///
///     (S̃ₖ)ᵢₗ = (M̃ₖ − Σ_{j=1…k−1} S̃ⱼ S̃ₖ₋ⱼ)ᵢₗ / (μᵢ + μₗ),
///     Z̃ₖ = −diag(1/μ) Σ_{j=1…k} S̃ⱼ Z̃ₖ₋ⱼ,
///
/// with `M̃ₖ = Vᵀ (Σⱼ Gⱼᵀ Gₖ₋ⱼ) V` and `Zₖ = V Z̃ₖ Vᵀ`. This is the Daleckii–Krein expansion
/// unrolled: at first order `(S̃₁)ᵢₗ = (M̃₁)ᵢₗ / (μᵢ + μₗ)`, the divided difference of `√` at
/// `μᵢ², μₗ²`, and every higher order is the same diagonal Sylvester operator applied to
/// products of lower ones, so no higher divided differences and no special case for repeated
/// eigenvalues (`μᵢ + μₗ ≥ 2√ε`, where the eigenvector derivatives a Jacobi iteration on jets
/// follows blow up). Coefficient k costs O(k(n³ + mn²)), so order K costs O(K²n³); a
/// Newton–Schulz or Denman–Beavers iteration on jets would need about log₂ p iterations of
/// several matrix-jet products each for p bits, and a Jacobi SVD on jets makes every rotation
/// a jet operation. Accuracy: products and sums of earlier coefficients, divided by at least
/// `2√ε`; it agrees with the Jacobi SVD on jets to within a few bits of the working precision
/// (tested).
@usableFromInline struct GramInverseSquareRootSeries<T: Scalar> {
  @usableFromInline let rowCount: Int
  @usableFromInline let columnCount: Int
  /// The tape operations holding `G`'s entries, row-major (empty when evaluated eagerly).
  @usableFromInline let entries: [Int]
  /// `V`, n × n row-major, and `μᵢ = √(σᵢ² + ε)`.
  @usableFromInline let basis: [T]
  @usableFromInline let roots: [T]
  /// `G₀, G₁, …` (m × n row-major), `S̃₀, S̃₁, …` and `Z̃₀, Z̃₁, …` (n × n, in the basis `V`).
  @usableFromInline var g: [[T]]
  @usableFromInline var s: [[T]]
  @usableFromInline var z: [[T]]

  /// The series at `G₀` (row-major `m × n` entries); throws when the decomposition fails.
  @inlinable init(value g0: Matrix<T>, epsilon: T, entries: [Int] = []) throws {
    let n = g0.columnCount
    (rowCount, columnCount, self.entries) = (g0.rowCount, n, entries)
    let squaredSingularValues: [T]
    let v: Matrix<T>
    if g0.rowCount >= n {
      let svd = try SingularValueDecomposition(g0)
      (squaredSingularValues, v) = (svd.singularValues.map { $0 * $0 }, svd.v)
    } else {
      let eigen = try SymmetricEigendecomposition(g0.transposed * g0)
      (squaredSingularValues, v) = (eigen.eigenvalues, eigen.eigenvectors)
    }
    basis = v.entries
    roots = squaredSingularValues.map { T.sqrt($0 + epsilon) }
    g = [g0.entries]
    s = [Self.diagonal(roots)]
    z = [Self.diagonal(roots.map { 1 / $0 })]
  }

  /// `Z₀ = V diag(1/μ) Vᵀ`, row-major.
  @inlinable var value: [T] { fromBasis(z[0]) }

  /// Appends `Gₖ` (row-major, k = the number of coefficients so far) and returns `Zₖ`. Every
  /// matrix formed is symmetric, so only its upper triangle is computed.
  @inlinable mutating func coefficient(after gk: [T]) -> [T] {
    let (m, n) = (rowCount, columnCount)
    g.append(gk)
    let k = g.count - 1
    // Mₖ = Σⱼ Gⱼᵀ Gₖ₋ⱼ, then in the basis V.
    var gram = [T](repeating: T.zero, count: n * n)
    for j in 0...k {
      for a in 0..<n {
        for b in a..<n {
          for r in 0..<m { gram[a * n + b].addRoundedProduct(g[j][r * n + a], g[k - j][r * n + b]) }
        }
      }
    }
    Self.mirrorUpperTriangle(&gram, n)
    var c = [T](repeating: T.zero, count: n * n)
    Self.addUpperProduct(Self.transposed(basis, n), Self.product(gram, basis, n), to: &c, n)
    for j in stride(from: 1, to: k, by: 1) {
      Self.addUpperProduct(s[j], s[k - j], to: &c, n, negated: true)
    }
    for i in 0..<n {
      for l in i..<n { c[i * n + l] /= roots[i] + roots[l] }
    }
    Self.mirrorUpperTriangle(&c, n)
    s.append(c)
    var w = [T](repeating: T.zero, count: n * n)
    for j in 1...k { Self.addUpperProduct(s[j], z[k - j], to: &w, n, negated: true) }
    for i in 0..<n {
      for l in i..<n { w[i * n + l] /= roots[i] }
    }
    Self.mirrorUpperTriangle(&w, n)
    z.append(w)
    return fromBasis(w)
  }

  /// As a tape operation: reads coefficient k of `G`'s entries and appends coefficient k of the
  /// `n²` outputs, which follow at `first…`.
  @inlinable mutating func computeCoefficient(
    _ k: Int, outputs first: Int, of series: inout [[T]]
  ) {
    precondition(g.count == k, "coefficients are computed in order")
    let gk = entries.map { k < series[$0].count ? series[$0][k] : T.zero }
    for (offset, entry) in coefficient(after: gk).enumerated() {
      series[first + offset].append(entry)
    }
  }

  /// `V X Vᵀ` of a symmetric `X`.
  @inlinable func fromBasis(_ x: [T]) -> [T] {
    let n = columnCount
    var y = [T](repeating: T.zero, count: n * n)
    Self.addUpperProduct(basis, Self.product(x, Self.transposed(basis, n), n), to: &y, n)
    Self.mirrorUpperTriangle(&y, n)
    return y
  }

  @inlinable static func diagonal(_ d: [T]) -> [T] {
    var x = [T](repeating: T.zero, count: d.count * d.count)
    for i in d.indices { x[i * d.count + i] = d[i] }
    return x
  }

  @inlinable static func transposed(_ a: [T], _ n: Int) -> [T] {
    (0..<(n * n)).map { a[($0 % n) * n + $0 / n] }
  }

  /// `AB` of n × n row-major matrices.
  @inlinable static func product(_ a: [T], _ b: [T], _ n: Int) -> [T] {
    var c = [T](repeating: T.zero, count: n * n)
    for i in 0..<n {
      for l in 0..<n {
        for j in 0..<n { c[i * n + l].addRoundedProduct(a[i * n + j], b[j * n + l]) }
      }
    }
    return c
  }

  /// `C ± AB` on and above the diagonal, for sums known to be symmetric.
  @inlinable static func addUpperProduct(
    _ a: [T], _ b: [T], to c: inout [T], _ n: Int, negated: Bool = false
  ) {
    for i in 0..<n {
      for l in i..<n {
        for j in 0..<n {
          if negated { c[i * n + l] -= a[i * n + j] * b[j * n + l] } else {
            c[i * n + l].addRoundedProduct(a[i * n + j], b[j * n + l])
          }
        }
      }
    }
  }

  /// Copies the upper triangle onto the lower.
  @inlinable static func mirrorUpperTriangle(_ c: inout [T], _ n: Int) {
    for i in 0..<n {
      for l in 0..<i { c[i * n + l] = c[l * n + i] }
    }
  }
}
