import Foundation
import Verify

let status = await VerifyCommand.main(
  arguments: Array(CommandLine.arguments.dropFirst()), console: .standard,
  catalogue: Registry.catalogue)
exit(status)
