/// The outcome of a check, of a claim, or of a whole run.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
  /// The statement held and every negative control was rejected.
  case pass
  /// The statement did not hold, or a value was NaN or infinite.
  case fail
  /// The statement held but the machinery could not tell it from a wrong variant: a negative
  /// control was not rejected (or there was none). Never reported as a pass.
  case inconclusive

  /// `fail` if any verdict fails, else `inconclusive` if any is inconclusive, else `pass`
  /// (also for no verdicts at all: a run that selected nothing has nothing wrong in it).
  public static func combining<S: Sequence>(_ verdicts: S) -> Verdict where S.Element == Verdict {
    var result = Verdict.pass
    for verdict in verdicts {
      if verdict == .fail { return .fail }
      if verdict == .inconclusive { result = .inconclusive }
    }
    return result
  }
}
