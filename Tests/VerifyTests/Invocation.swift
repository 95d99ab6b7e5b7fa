import Foundation
import Synchronization

@testable import Verify
@testable import VerifyCommandLine

/// What one in-process run of `verify` printed and returned.
struct Invocation {
  var status: Int32
  var output: String
  var error: String
}

/// Runs `verify arguments` in-process against `catalogue` (the test catalogue by default);
/// `terminal` stands for standard error being a terminal (progress lines appear), `input` for
/// standard input.
func verify(
  _ arguments: [String], terminal: Bool = false, input: String = "",
  catalogue: Catalogue = TestClaims.catalogue
) async -> Invocation {
  let output = Mutex("")
  let error = Mutex("")
  let console = Console(
    output: { text in output.withLock { $0 += text } },
    error: { text in error.withLock { $0 += text } }, showsProgress: terminal,
    input: { count in Data(input.utf8.prefix(count)) })
  let status = await VerifyCommand.main(
    arguments: arguments, console: console, catalogue: catalogue)
  return Invocation(status: status, output: output.withLock { $0 }, error: error.withLock { $0 })
}

func verify(_ arguments: String...) async -> Invocation { await verify(arguments) }
