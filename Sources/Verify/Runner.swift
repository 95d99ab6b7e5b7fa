import Numeric

/// Runs claims: each in its own task with its own task-local precision, several at a time.
public enum Runner {
  /// Runs one claim: measures its instance at the run's precision and evaluates the checks.
  /// An error thrown while measuring fails the claim with the error in the report.
  public static func run(_ run: ClaimRun) -> ClaimReport {
    let clock = ContinuousClock()
    let start = clock.now
    let measurements = Measurements(precision: run.precision, seed: run.seed)
    let context = CheckContext(precision: run.precision)
    var checks: [CheckResult] = []
    var error: String?
    withPrecision(run.precision) {
      do {
        try run.measure(measurements)
        checks = measurements.checks.map { $0.evaluate(in: context) }
      } catch let thrown {
        error = "\(thrown)"
      }
    }
    return ClaimReport(
      run: run, checks: checks, values: measurements.values, error: error,
      duration: clock.now - start)
  }

  /// Runs `runs` with at most `jobs` at a time and returns their reports in the order given.
  /// Runs start heaviest first (``Claim/schedulingWeight``, ties in the order given).
  /// `finished` is called as each report is ready (in completion order), for progress.
  public static func run(
    _ runs: [ClaimRun], jobs: Int, finished: @Sendable (ClaimReport) -> Void = { _ in }
  ) async -> [ClaimReport] {
    precondition(jobs >= 1, "need at least one job")
    return await withTaskGroup(of: (Int, ClaimReport).self) { group in
      var reports = [ClaimReport?](repeating: nil, count: runs.count)
      let order = runs.indices.sorted {
        (-runs[$0].claim.schedulingWeight, $0) < (-runs[$1].claim.schedulingWeight, $1)
      }
      var next = 0
      func launch() {
        let (index, claimRun) = (order[next], runs[order[next]])
        group.addTask { (index, run(claimRun)) }
        next += 1
      }
      while next < min(jobs, runs.count) { launch() }
      for await (index, report) in group {
        reports[index] = report
        finished(report)
        if next < runs.count { launch() }
      }
      return reports.map { $0! }
    }
  }
}
