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
    try write(contents(of: report), to: directory)
  }

  /// Writes each named text into `directory`, creating it if needed; returns their paths.
  @discardableResult
  public static func write(_ files: [(name: String, text: String)], to directory: URL) throws -> [URL] {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try files.map { name, text in
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

  /// Nil when reports can be written into `directory` (an existing directory, or one that can
  /// be created in an existing parent); otherwise why not. Checked before any claim runs, so bad
  /// output never costs a run and never leaves partial output. The check writes and removes a
  /// probe file rather than trusting permission bits, which say "writable" to root even on
  /// read-only or virtual file systems; a directory it had to create is removed again.
  public static func problem(with directory: URL) -> String? {
    let path = directory.path
    let files = FileManager.default
    var isDirectory: ObjCBool = false
    let existed = files.fileExists(atPath: path, isDirectory: &isDirectory)
    if existed && !isDirectory.boolValue { return "output '\(path)' is not a directory" }
    if !existed {
      do {
        try files.createDirectory(at: directory, withIntermediateDirectories: false)
      } catch {
        let parent = directory.deletingLastPathComponent().path
        return "output directory '\(path)' cannot be created in '\(parent)'"
      }
    }
    defer { if !existed { try? files.removeItem(at: directory) } }
    let probe = directory.appendingPathComponent(
      ".verify-probe-\(ProcessInfo.processInfo.processIdentifier)")
    guard files.createFile(atPath: probe.path, contents: Data()) else {
      return "output directory '\(path)' is not writable"
    }
    try? files.removeItem(at: probe)
    return nil
  }
}
