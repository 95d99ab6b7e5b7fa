import Foundation
import Verify

/// The `--output DIR` of a run, a sweep or a merge.
enum OutputDirectory {
  static func url(_ path: String) -> URL { URL(fileURLWithPath: path, isDirectory: true) }

  /// - Throws: `UsageError` for an empty path (which would mean the current directory) or a
  ///   directory that cannot be created or written (`ReportFiles.problem`).
  static func validate(_ path: String?) throws(UsageError) {
    guard let path else { return }
    guard !path.isEmpty else { throw UsageError("--output needs a directory, got an empty path") }
    if let problem = ReportFiles.problem(with: url(path)) { throw UsageError(problem) }
  }
}
