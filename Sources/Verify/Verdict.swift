/// The outcome of a check, of a claim, or of a whole run.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
  /// The statement held and every negative control was rejected.
  case pass
  /// The statement did not hold, or a value was NaN or infinite.
  case fail
  /// The machinery could not decide: a negative control was not rejected (or there was none),
  /// or a precision ladder needs more precision than it has. Never reported as a pass.
  case inconclusive
  /// The statement does not apply to the instance (a control across layers of a network with
  /// one hidden layer): nothing was checked, and the check's detail says why. Neutral when
  /// verdicts combine; only a check has it, never a claim or a run.
  case notApplicable = "not-applicable"

  /// `fail` if any verdict fails, else `inconclusive` if any is inconclusive or every one is
  /// not applicable, else `pass` (also for no verdicts at all: a run that selected nothing has
  /// nothing wrong in it). Not-applicable verdicts are otherwise ignored.
  public static func combining<S: Sequence>(_ verdicts: S) -> Verdict where S.Element == Verdict {
    var result = Verdict.pass
    var applicable = false
    var any = false
    for verdict in verdicts {
      any = true
      if verdict == .fail { return .fail }
      if verdict == .inconclusive { result = .inconclusive }
      if verdict != .notApplicable { applicable = true }
    }
    return any && !applicable ? .inconclusive : result
  }
}
