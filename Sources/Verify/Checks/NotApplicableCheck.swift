/// A statement of the claim that does not apply to the instance being checked (C2's
/// mispairing control needs a hidden layer wider than one unit), recorded in its place in the
/// report so the reader sees that it was not checked and why. Its verdict is
/// ``Verdict/notApplicable``: neutral in the claim's verdict, and a claim whose every check is
/// not applicable is `inconclusive`. Added with ``Measurements/notApplicable(id:kind:statement:why:)``.
struct NotApplicableCheck: Check {
  var id: String
  var kind: CheckKind
  var statement: String
  /// Why the statement does not apply, e.g. "every hidden layer has one unit".
  var why: String

  func evaluate(in context: CheckContext) -> CheckResult {
    CheckResult(
      id: id, kind: kind, statement: statement, verdict: .notApplicable, measured: nil,
      threshold: "—", ladder: [], controls: [], detail: "not applicable: \(why)", plot: nil)
  }
}
