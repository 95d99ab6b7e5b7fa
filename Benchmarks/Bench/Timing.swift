import Foundation

/// Mean seconds per call of `body`, repeated for at least `minimum` (one call if it is slower).
func secondsPerCall(minimum: Duration = .milliseconds(300), _ body: () -> Void) -> Double {
  let clock = ContinuousClock()
  let start = clock.now
  var calls = 0
  repeat {
    body()
    calls += 1
  } while clock.now - start < minimum
  let elapsed = clock.now - start
  return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) / Double(calls)
}

/// Seconds per call of each body, the fastest of `rounds` interleaved rounds of `repetitions`
/// calls each (interleaving spreads a shared machine's slow spells over all variants), and the
/// value each body returned last.
func fastest(
  of bodies: [() -> Double], rounds: Int, repetitions: Int = 1
) -> (seconds: [Double], values: [Double]) {
  var best = [Double](repeating: .infinity, count: bodies.count)
  var values = [Double](repeating: .nan, count: bodies.count)
  let clock = ContinuousClock()
  for _ in 0..<rounds {
    for (index, body) in bodies.enumerated() {
      let start = clock.now
      for _ in 0..<repetitions { values[index] = body() }
      let elapsed = clock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      best[index] = Swift.min(best[index], seconds / Double(repetitions))
    }
  }
  return (best, values)
}

/// `value` with `decimals` digits after the point, right-aligned in `width` characters.
func format(_ value: Double, _ decimals: Int, width: Int = 0) -> String {
  String(format: "%\(width).\(decimals)f", value)
}

/// Processor seconds of one call of `body`, from this process's CPU clock: on a machine
/// shared by other jobs it counts the time spent computing, not the time spent waiting for a
/// core, so it is the fairer measure against another process (`bench claims` compares with
/// Python's `time.process_time`). For single-threaded bodies only.
func cpuSeconds(_ body: () -> Void) -> Double {
  func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }
  let start = now()
  body()
  return now() - start
}
