/// Brent's derivative-free root finder (Brent 1973, ch. 4): inverse quadratic or secant
/// interpolation inside a bracket that always shrinks, with bisection whenever interpolation is
/// slow, so it converges superlinearly on smooth functions and never worse than bisection.
public enum Brent {
  /// A root of `f` in `bracket`, whose ends must give `f` opposite signs, to within
  /// `2ε|x| + absoluteTolerance / 2` (ε the working epsilon): the working precision by default.
  /// Throws `NumericError.notBracketed`, `.nonFinite`, or `.notConverged`.
  public static func root<T: Scalar>(
    of f: (T) throws -> T, in bracket: ClosedRange<T>, absoluteTolerance: T = T.zero,
    maximumIterations: Int = 10_000
  ) throws -> T {
    let epsilon = T.workingEpsilon
    var (a, b) = (bracket.lowerBound, bracket.upperBound)
    var (fa, fb) = try (f(a), f(b))
    guard fa.isFinite && fb.isFinite else { throw NumericError.nonFinite(algorithm: "Brent") }
    if fa == T.zero { return a }
    if fb == T.zero { return b }
    guard (fa < T.zero) != (fb < T.zero) else { throw NumericError.notBracketed }
    // b is the best estimate, a the previous one, c the far end of the bracket [b, c].
    var (c, fc) = (a, fa)
    var (d, e) = (b - a, b - a)
    for _ in 0..<maximumIterations {
      if (fb < T.zero) == (fc < T.zero) {
        (c, fc) = (a, fa)
        (d, e) = (b - a, b - a)
      }
      if fc.magnitude < fb.magnitude {
        (a, b, c) = (b, c, b)
        (fa, fb, fc) = (fb, fc, fb)
      }
      let tolerance = 2 * epsilon * b.magnitude + absoluteTolerance / 2
      let m = (c - b) / 2
      if m.magnitude <= tolerance || fb == T.zero { return b }
      if e.magnitude >= tolerance && fa.magnitude > fb.magnitude {
        // Interpolate: secant if only two distinct points, inverse quadratic otherwise.
        let s = fb / fa
        var p: T
        var q: T
        if a == c {
          p = 2 * m * s
          q = 1 - s
        } else {
          let (qa, r) = (fa / fc, fb / fc)
          p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
          q = (qa - 1) * (r - 1) * (s - 1)
        }
        if p > T.zero { q = -q } else { p = -p }
        // Accept the interpolation only if it falls well inside the bracket and shrinks fast.
        if 2 * p < 3 * m * q - (tolerance * q).magnitude && p < (e * q / 2).magnitude {
          (e, d) = (d, p / q)
        } else {
          (d, e) = (m, m)
        }
      } else {
        (d, e) = (m, m)
      }
      (a, fa) = (b, fb)
      b += d.magnitude > tolerance ? d : (m > T.zero ? tolerance : -tolerance)
      fb = try f(b)
      guard fb.isFinite else { throw NumericError.nonFinite(algorithm: "Brent") }
    }
    throw NumericError.notConverged(algorithm: "Brent", iterations: maximumIterations)
  }
}
