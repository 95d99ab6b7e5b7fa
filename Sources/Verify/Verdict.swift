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
  /// The machinery could not decide: a negative control was not rejected (or there was none),
  /// the evidence could not decide, or a precision ladder needs more precision than it has.
  /// Never reported as a pass.
  case inconclusive
  /// The statement does not apply to the instance (C2's mispairing across the units of a
  /// network whose hidden layers have one unit each): nothing was checked, and the check's
  /// detail says why. Neutral when verdicts combine; only a check has it, never a claim or a run.
  case notApplicable = "not-applicable"

  /// Whether a run with this verdict succeeded (exit status 0).
  public var succeeded: Bool { self == .proved || self == .pass }

  /// The weakest of `verdicts`, not-applicable ones aside: `fail` if any fails, else
  /// `inconclusive` if any is (or every one is not applicable), else `pass` if any merely
  /// passed, else `proved` (also for no verdicts at all: a run that selected nothing has
  /// nothing wrong in it, and a claim with no checks is judged by its report).
  public static func combining<S: Sequence>(_ verdicts: S) -> Verdict where S.Element == Verdict {
    var result = Verdict.proved
    var onlyNotApplicable: Bool?
    for verdict in verdicts {
      onlyNotApplicable = (onlyNotApplicable ?? true) && verdict == .notApplicable
      switch verdict {
      case .fail: return .fail
      case .inconclusive: result = .inconclusive
      case .pass: if result == .proved { result = .pass }
      case .proved, .notApplicable: break
      }
    }
    return onlyNotApplicable == true ? .inconclusive : result
  }
}
