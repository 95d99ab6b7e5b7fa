import Foundation
import Verify

/// The expression argument of `verify eval` and `verify identity`: the text itself, `@FILE`
/// for the contents of a file, or `-` for standard input, so an expression may be longer than
/// a command line allows (128 KiB per argument on Linux).
enum ExpressionArgument {
  /// The longest expression read from a file or standard input: 16 MiB.
  static let maximumBytes = 16 << 20

  /// The text `argument` stands for.
  ///
  /// - Throws: `UsageError` for a file that cannot be read, is not UTF-8 or is too long.
  static func text(of argument: String, console: Console) throws(UsageError) -> String {
    let data: Data
    let source: String
    if argument == "-" {
      source = "standard input"
      data = console.input(maximumBytes + 1)
    } else if argument.hasPrefix("@") {
      let path = String(argument.dropFirst())
      source = "file '\(EchoedInput.cut(path))'"
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      guard exists, !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
        let reason = !exists ? "no such file" : isDirectory.boolValue ? "it is a directory" : "it is not readable"
        throw UsageError("cannot read the expression from \(source): \(reason)")
      }
      defer { try? handle.close() }
      do {
        data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
      } catch {
        throw UsageError("cannot read the expression from \(source): \(error.localizedDescription)")
      }
    } else {
      return argument
    }
    guard data.count <= maximumBytes else {
      throw UsageError("the expression from \(source) is longer than \(maximumBytes >> 20) MiB")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw UsageError("the expression from \(source) is not UTF-8 text")
    }
    return text
  }
}
