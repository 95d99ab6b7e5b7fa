import Foundation
import Numeric
import Verify
// `swift run -c release bench <suite>...`: speed measurements, run on demand, never in tests.
// Each suite prints one line per variant and ends with `name: value` summary lines.

/// The suites by name; a new suite adds one line here and one file beside this one.
let suites: [(name: String, summary: String, run: () -> Void)] = [
  ("bigfloat", "acc += a*b at 256 bits: raw C MPFR vs BigFloat in-place vs operators", runBigFloatBench),
  ("ball", "acc += a*b and a 6x6 Hessian at 256 bits: Arb balls vs BigFloat", runBallBench),
  ("taylor", "Jet O(k^2) vs nested Dual O(2^k); Taylor integrator step O(K^2) vs order", runTaylorBench),
  ("symbolic", "d/dw of a depth-4 tanh MLP loss for all 48 weights, vs SymPy", runSymbolicBench),
  ("claims", "each claim's hot computation vs the same in mpmath (Benchmarks/mpmath)", { runClaimsBench(only: claimsAsked) }),
]

// As `verify` does: what a kernel frees stays in the process for its next call.
if !FreedMemoryRetention.retainFreedMemory() {
  FileHandle.standardError.write(Data("bench: the allocator refused to keep freed memory; times include page faults\n".utf8))
}
let requested = Array(CommandLine.arguments.dropFirst())
/// Claim ids among the arguments narrow `claims` to those claims' kernels.
let claimsAsked = requested.filter { id in Registry.catalogue.claims.contains { $0.id == id } }
if requested.isEmpty || requested.contains("--help") || requested.contains("-h") {
  print("usage: bench <suite>... [claim-id...] | all\n\nsuites:")
  for suite in suites { print("  \(suite.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(suite.summary)") }
} else {
  let unknown = requested.filter { name in
    name != "all" && !suites.contains { $0.name == name } && !claimsAsked.contains(name)
  }
  if !unknown.isEmpty {
    print("bench: unknown suite \(unknown.joined(separator: ", ")); known: \(suites.map(\.name).joined(separator: ", "))")
    exit(2)
  }
  for suite in suites where requested.contains("all") || requested.contains(suite.name) { suite.run() }
}
