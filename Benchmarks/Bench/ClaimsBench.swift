import Foundation
import Numeric
import Verify

// `bench claims`: for each registered claim, its hot computation timed in ClaimCheck and in an
// mpmath script of the same computation (`Benchmarks/mpmath/<id>.py`) at the same precision on
// the same instance. The bench sends the script the instance as exact rationals in JSON; the
// script prints its value and its best time. Both values are compared to `agreementDigits`
// significant digits, so a script that computes something else stops the bench. Times are
// processor seconds (this machine is shared), the best of a few calls on each side, and for a
// fast kernel the best of as many as fill `timingBudget` seconds: the other core's load slows
// single rounds by up to 2x, and the best of many is the one it left alone.

/// One claim's kernel: the instance for the script and the ClaimCheck computation of the value.
struct ClaimKernel {
  let id: String
  /// What is computed, for the bench's output.
  let summary: String
  /// The JSON fields of the instance besides `bits` and `repetitions`.
  let instance: [String: Any]
  /// ClaimCheck calls per timed round, so a round of a fast kernel lasts long enough to time.
  let calls: Int
  /// Significant digits both values must share: `agreementDigits` unless the computation
  /// itself is only that accurate (an integrator's tolerance).
  var digits = agreementDigits
  /// Timed calls of the mpmath script (fewer where one call takes many seconds).
  var mpmathRepetitions = rounds
  let compute: () -> BigFloat
}

/// The working precision of both sides, in bits.
let claimPrecision = 256
/// 256 bits are 77 digits; both sides round differently (and mpmath's SVD is another
/// algorithm), so agreement is asked to 50 digits, far past any accident.
private let agreementDigits = 50
private let rounds = 5
/// Processor seconds each side spends at least on a kernel's timed rounds.
private let timingBudget = 1.0

/// `Σ_k (k+1) x_k` over the entries of `matrices` in order (row-major): one number that changes
/// when any entry does, or when two are swapped.
func weightedChecksum(_ matrices: [Matrix<BigFloat>]) -> BigFloat {
  var sum = BigFloat.zero
  for (k, x) in matrices.flatMap(\.entries).enumerated() { sum += BigFloat(k + 1) * x }
  return sum
}

/// Matrices as JSON: `rows`, `columns` and row-major rational `entries`.
func json(_ entries: [Rational], _ rows: Int, _ columns: Int) -> [String: Any] {
  ["rows": rows, "columns": columns, "entries": entries.map(\.description)]
}

/// The kernels, in catalogue order.
func claimKernels() -> [ClaimKernel] {
  [
    frobeniusKernel(), hamiltonianKernel(), emaKernel(), chowKernel(), copyAverageKernel(), muonKernel(),
    mixtureKernel(), latentKernel(), transformerKernel(), driftingKernel(),
  ]
}

/// Runs the kernels of `only` (every kernel when empty).
func runClaimsBench(only: [String]) {
  let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("mpmath")
  guard python(["-c", "import mpmath"], input: Data()) != nil else {
    print("bench claims: python3 with mpmath is needed; install it with `python3 -m pip install mpmath`")
    exit(1)
  }
  let kernels = claimKernels()
  let missing = Registry.catalogue.claims.map(\.id).filter { id in !kernels.contains { $0.id == id } }
  if !missing.isEmpty { print("bench claims: no kernel yet for \(missing.joined(separator: ", "))") }
  for kernel in kernels where only.isEmpty || only.contains(kernel.id) {
    var best = Double.infinity
    var value = BigFloat.zero
    withPrecision(claimPrecision) {
      var (total, round) = (0.0, 0)
      while round < rounds || total < timingBudget {
        let elapsed = cpuSeconds { for _ in 0..<kernel.calls { value = kernel.compute() } }
        (best, total, round) = (min(best, elapsed / Double(kernel.calls)), total + elapsed, round + 1)
      }
    }
    var instance = kernel.instance
    instance["bits"] = claimPrecision
    instance["repetitions"] = kernel.mpmathRepetitions
    instance["budget"] = timingBudget
    let script = scripts.appendingPathComponent("\(kernel.id).py").path
    let input = try! JSONSerialization.data(withJSONObject: instance, options: [.sortedKeys])
    guard let output = python([script], input: input, directory: scripts.path) else {
      print("bench claims: \(script) failed")
      exit(1)
    }
    let lines = output.split(separator: "\n").map(String.init)
    guard lines.count == 2, let theirs = try? Rational(parsing: lines[0]), let seconds = Double(lines[1]) else {
      print("bench claims: \(kernel.id).py printed \(output.debugDescription), not a value and a time")
      exit(1)
    }
    let difference = withPrecision(claimPrecision) { (BigFloat(theirs) - value).magnitude / value.magnitude }
    let digits = difference.isZero ? Double(claimPrecision) * log10(2) : -log10(difference.doubleValue)
    print("\(kernel.id): \(kernel.summary)")
    print("  claimcheck \(format(best * 1e3, 4)) ms, mpmath \(format(seconds * 1e3, 4)) ms, agree to \(format(digits, 0)) digits")
    print("  claimcheck value \(withPrecision(claimPrecision) { value.decimalString(significantDigits: 30) })")
    guard digits >= Double(kernel.digits) else {
      print("bench claims: \(kernel.id): mpmath gives \(lines[0]), ClaimCheck "
        + "\(withPrecision(claimPrecision) { value.decimalString(significantDigits: 70) }): fewer than \(kernel.digits) digits agree")
      exit(1)
    }
    print("claim-vs-mpmath: \(kernel.id) \(format(seconds / best, 1))")
  }
}

/// The standard output of `python3 arguments` fed `input`, or nil if it fails (its standard
/// error passes through, so a script's traceback is seen).
func python(_ arguments: [String], input: Data, directory: String? = nil) -> String? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3"] + arguments
  if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let stdin = Pipe()
  let stdout = Pipe()
  process.standardInput = stdin
  process.standardOutput = stdout
  if directory == nil { process.standardError = FileHandle.nullDevice }
  guard (try? process.run()) != nil else { return nil }
  stdin.fileHandleForWriting.write(input)
  try? stdin.fileHandleForWriting.close()
  let data = stdout.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { return nil }
  return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
