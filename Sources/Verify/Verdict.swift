/// The outcome of a check, of a claim, or of a whole run.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
  /// The statement was decided rigorously for its instance (exact arithmetic, or an enclosure
  /// that lies strictly on the right side, or a certified zero of the gradient), and every
  /// negative control was rejected.
  case proved
  /// The statement held numerically (a residual falling along the ladder, a fit in its band)
  /// and every negative control was rejected.
  case pass
  /// The statement did not hold, or a value was NaN or infinite.
  case fail
  /// The statement held but the machinery could not tell it from a wrong variant: a negative
  /// control was not rejected (or there was none), or the evidence could not decide. Never
  /// reported as a pass.
  case inconclusive

  /// Whether a run with this verdict succeeded (exit status 0).
  public var succeeded: Bool { self == .proved || self == .pass }

  /// The weakest of `verdicts`: `fail` if any fails, else `inconclusive` if any is, else `pass`
  /// if any merely passed, else `proved` (also for no verdicts at all: a run that selected
  /// nothing has nothing wrong in it, and a claim with no checks is judged by its report).
  public static func combining<S: Sequence>(_ verdicts: S) -> Verdict where S.Element == Verdict {
    var result = Verdict.proved
    for verdict in verdicts {
      switch verdict {
      case .fail: return .fail
      case .inconclusive: result = .inconclusive
      case .pass: if result == .proved { result = .pass }
      case .proved: break
      }
    }
    return result
  }
}
