import Verify

/// `claim` run by the engine as `verify <claim> --set …` would run it: parameters parsed and
/// validated, the instance decoded, the checks evaluated.
func engineReport(
  _ claim: any Claim, _ assignments: [String] = [], precision: Int = RunRequest.defaultPrecision,
  seed: UInt64? = nil
) throws -> ClaimReport {
  Runner.run(
    try RunRequest(precision: precision, seed: seed, assignments: assignments).plan([claim])[0])
}

/// The usage error that planning `claim` with `assignments` (and `seed`) raises, or nil when the
/// request plans: what `verify <claim> --set …` would refuse with exit 2 before running.
func planningError(_ claim: any Claim, _ assignments: [String], seed: UInt64? = nil) -> UsageError? {
  do {
    _ = try RunRequest(seed: seed, assignments: assignments).plan([claim])
    return nil
  } catch {
    return error
  }
}
