import Dispatch
import Foundation
import Synchronization
import Verify

/// The exit status, handed from the task that computes it to the main thread.
final class Outcome: Sendable {
  let status = Mutex<Int32>(ExitStatus.failed)
}

// The command runs in a detached task while the main thread waits for it. A top-level `await`
// would instead make the main thread libdispatch's signal thread (`dispatch_main`), on which
// valgrind 3.19 crashes, and the leak check (`Benchmarks/leaks.sh`) could not run.
let outcome = Outcome()
let finished = DispatchSemaphore(value: 0)
Task.detached { [outcome, finished] in
  let status = await VerifyCommand.main(
    arguments: Array(CommandLine.arguments.dropFirst()), console: .standard,
    catalogue: Registry.catalogue)
  outcome.status.withLock { $0 = status }
  finished.signal()
}
finished.wait()
exit(outcome.status.withLock { $0 })
