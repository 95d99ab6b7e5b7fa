extension SymmetricTridiagonal {
  /// The eigenvalues, ascending, by the implicit QL iteration with Wilkinson's shift (the
  /// `tqli` of Numerical Recipes, LAPACK's `dsteqr` without vectors).
  ///
  /// Each sweep chases a bulge from the first undeflated row down to the next negligible
  /// off-diagonal entry; `eᵢ` is negligible once it no longer changes `|dᵢ| + |dᵢ₊₁|` or the
  /// norm `max |dⱼ| + |eⱼ|` (`s + |eᵢ| == s`), so the stopping rule follows the precision of
  /// `T`. The second test (EISPACK's `tql1`) is what makes it terminate on clusters of small
  /// eigenvalues: there the bulge chase leaves rounding noise of order `ε‖T‖` in `eᵢ`, which no
  /// sweep removes and the first test never accepts; dropping it perturbs `T` by `ε‖T‖`, inside
  /// the backward error already stated. Convergence is cubic near the end; 30 sweeps per
  /// eigenvalue are allowed.
  /// Throws `.notConverged` if they run out and `.nonFinite` for a NaN or infinite result.
  @inlinable
  public func eigenvalues(maximumSweepsPerEigenvalue: Int = 30) throws -> [T] {
    var d = diagonal
    let n = d.count
    var e = offDiagonal + [T.zero]
    let norm = (0..<n).reduce(T.zero) { Swift.max($0, d[$1].magnitude + e[$1].magnitude) }
    for l in 0..<n {
      var sweeps = 0
      while true {
        var m = l
        while m < n - 1 {
          let size = d[m].magnitude + d[m + 1].magnitude
          if size + e[m].magnitude == size || norm + e[m].magnitude == norm { break }
          m += 1
        }
        if m == l { break }
        sweeps += 1
        guard sweeps <= maximumSweepsPerEigenvalue else {
          throw NumericError.notConverged(algorithm: Self.algorithm, iterations: sweeps - 1)
        }
        // Wilkinson's shift: the eigenvalue of the leading 2×2 block nearer d_l.
        var g = (d[l + 1] - d[l]) / (2 * e[l])
        var r = Self.hypotenuse(g, 1)
        g = d[m] - d[l] + e[l] / (g + (g < .zero ? -r : r))
        var (s, c, p) = (T(1), T(1), T.zero)
        var underflow = false
        var i = m - 1
        while i >= l {
          let f = s * e[i]
          let b = c * e[i]
          r = Self.hypotenuse(f, g)
          e[i + 1] = r
          if r == .zero {
            // The rotation splits the matrix: deflate and start the sweep again.
            d[i + 1] -= p
            e[m] = .zero
            underflow = true
            break
          }
          s = f / r
          c = g / r
          g = d[i + 1] - p
          r = (d[i] - g) * s + 2 * c * b
          p = s * r
          d[i + 1] = g + p
          g = c * r - b
          i -= 1
        }
        if underflow { continue }
        d[l] -= p
        e[l] = g
        e[m] = .zero
      }
    }
    guard d.allSatisfy({ $0.isFinite }) else {
      throw NumericError.nonFinite(algorithm: Self.algorithm)
    }
    return d.sorted { $0 < $1 }
  }

  /// `√(x² + y²)` without overflow or underflow in the squares.
  @inlinable
  static func hypotenuse(_ x: T, _ y: T) -> T {
    let (a, b) = (x.magnitude, y.magnitude)
    let (large, small) = a < b ? (b, a) : (a, b)
    guard large > .zero else { return .zero }
    let ratio = small / large
    return large * T.sqrt(1 + ratio * ratio)
  }
}
