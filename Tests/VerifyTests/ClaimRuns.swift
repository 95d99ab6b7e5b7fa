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
