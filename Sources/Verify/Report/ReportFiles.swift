import Foundation

/// Writes reports into a directory: `<id>.md`, `<id>.json` and one `<id>-<check>.svg` per rate
/// check. Each file is written to a temporary file in the same directory and renamed over the
/// target, so an interrupted run never leaves a half-written report.
public enum ReportFiles {
  /// The files of `report`, by name.
  public static func contents(of report: ClaimReport) -> [(name: String, text: String)] {
    var files = [
      ("\(report.id).md", MarkdownReport.render(report)),
      ("\(report.id).json", JSONReport.render([report])),
    ]
    for check in report.checks {
      if let plot = check.plot { files.append((report.figureName(check), SVGWriter.render(plot))) }
    }
    return files
  }

  /// Writes the files of `report` into `directory`, creating it if needed; returns their paths.
  @discardableResult
  public static func write(_ report: ClaimReport, to directory: URL) throws -> [URL] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try contents(of: report).map { name, text in
      let target = directory.appendingPathComponent(name)
      try writeAtomically(Data(text.utf8), to: target)
      return target
    }
  }

  /// Writes `data` to a temporary file beside `target`, then renames it over `target`.
  static func writeAtomically(_ data: Data, to target: URL) throws {
    let temporary = target.deletingLastPathComponent().appendingPathComponent(
      ".\(target.lastPathComponent).tmp\(ProcessInfo.processInfo.processIdentifier)")
    guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    guard rename(temporary.path, target.path) == 0 else {
      let code = errno
      try? FileManager.default.removeItem(at: temporary)
      throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
  }

  /// Nil when reports can be written into `directory` (it is a writable directory, or can be
  /// created inside a writable one); otherwise why not. Checked before any claim runs, so bad
  /// output never costs a run and never leaves partial output.
  public static func problem(with directory: URL) -> String? {
    let path = directory.path
    switch kind(of: path) {
    case .directory:
      return FileManager.default.isWritableFile(atPath: path)
        ? nil : "output directory '\(path)' is not writable"
    case .other: return "output '\(path)' is not a directory"
    case .missing:
      let parent = directory.deletingLastPathComponent().path
      return kind(of: parent) == .directory && FileManager.default.isWritableFile(atPath: parent)
        ? nil
        : "output directory '\(path)' cannot be created: '\(parent)' is not a writable directory"
    }
  }

  private enum Kind { case directory, other, missing }

  private static func kind(of path: String) -> Kind {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .missing
    }
    return isDirectory.boolValue ? .directory : .other
  }
}
