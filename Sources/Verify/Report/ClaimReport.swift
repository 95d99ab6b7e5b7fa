import Numeric

/// Everything known about one claim's run: what was checked, with what, and the evidence.
public struct ClaimReport: Sendable {
  public let run: ClaimRun
  public let checks: [CheckResult]
  /// The named values the claim recorded, in recording order.
  public let values: [(name: String, value: String)]
  /// The error that stopped the claim before its checks were built.
  public let error: String?
  /// Wall-clock time; the only part of a report that differs between identical runs.
  public let duration: Duration

  public var id: String { run.claim.id }

  /// ``duration`` in seconds.
  public var seconds: Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  /// `fail` if the claim could not run or any check failed; `inconclusive` if it has no checks,
  /// any check is inconclusive or every check is not applicable; `pass` otherwise (checks that
  /// do not apply to the instance count neither way).
  public var verdict: Verdict {
    if error != nil { return .fail }
    if checks.isEmpty { return .inconclusive }
    return Verdict.combining(checks.map(\.verdict))
  }

  /// The SVG file name of a rate check's plot, written beside the report.
  func figureName(_ check: CheckResult) -> String { "\(id)-\(check.id).svg" }
}

/// The library versions every report names, so a reader can reproduce the arithmetic.
public enum Versions {
  public static var mpfr: String { BigFloat.mpfrVersion }
  public static var gmp: String { BigInt.gmpVersion }
}
