/// Why a numerical algorithm gave up instead of returning an answer it cannot vouch for.
///
/// Every iterative routine in this module caps its work and reports failure with one of these
/// rather than looping forever or returning a silently wrong value; a NaN or infinity met
/// inside an algorithm is reported as `nonFinite`.
public enum NumericError: Error, Equatable, CustomStringConvertible {
  /// A linear system whose matrix is singular to the working precision.
  case singularMatrix
  /// An iteration that did not meet its tolerance within its budget.
  case notConverged(algorithm: String, iterations: Int)
  /// A NaN or infinity appeared in the input or during the computation.
  case nonFinite(algorithm: String)
  /// A root search whose interval does not bracket a sign change.
  case notBracketed
  /// An adaptive integrator whose step size fell below the resolution of the time variable.
  case stepSizeUnderflow(time: Double)

  public var description: String {
    switch self {
    case .singularMatrix:
      "the matrix is singular to the working precision"
    case .notConverged(let algorithm, let iterations):
      "\(algorithm) did not converge in \(iterations) iterations"
    case .nonFinite(let algorithm):
      "\(algorithm) met a NaN or infinite value"
    case .notBracketed:
      "the interval does not bracket a sign change"
    case .stepSizeUnderflow(let time):
      "the step size underflowed at t ≈ \(time)"
    }
  }
}
