import Dispatch
import Foundation
import Numeric
import Synchronization
import Verify

extension VerifyCommand {
  /// The catalogue of a command line: the built-in claims (``Registry``) unless
  /// `includingBuiltIns` is false, then `claims`.
  public static func catalogue(claims: [any Claim], includingBuiltIns: Bool = true) -> Catalogue {
    Catalogue((includingBuiltIns ? Registry.catalogue.claims : []) + claims)
  }

  /// Runs the `verify` command line on the process's arguments over ``catalogue(claims:includingBuiltIns:)``
  /// and exits with its status (0 passed, 1 failed or inconclusive, 2 bad usage). The process's
  /// allocator keeps what claims free for their next steps (`FreedMemoryRetention`):
  ///
  /// ```swift
  /// import VerifyCommandLine
  /// VerifyCommand.main(claims: [MyClaim()])
  /// ```
  public static func main(claims: [any Claim], includingBuiltIns: Bool = true) -> Never {
    FreedMemoryRetention.retainFreedMemory()
    let catalogue = catalogue(claims: claims, includingBuiltIns: includingBuiltIns)
    // The command runs in a detached task while the main thread waits for it. A top-level
    // `await` would instead make the main thread libdispatch's signal thread (`dispatch_main`),
    // on which valgrind 3.19 crashes, and the leak check (`Benchmarks/leaks.sh`) could not run.
    let outcome = Outcome()
    let finished = DispatchSemaphore(value: 0)
    Task.detached { [outcome, finished] in
      let status = await main(
        arguments: Array(CommandLine.arguments.dropFirst()), console: .standard, catalogue: catalogue)
      outcome.status.withLock { $0 = status }
      finished.signal()
    }
    finished.wait()
    Foundation.exit(outcome.status.withLock { $0 })
  }
}

/// The exit status, handed from the task that computes it to the main thread.
private final class Outcome: Sendable {
  let status = Mutex<Int32>(ExitStatus.failed)
}
