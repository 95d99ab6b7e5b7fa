import Foundation

/// Writes reports into a directory: `<id>.md`, `<id>.json` and one `<id>-<check>.svg` per rate
/// check.
///
/// A run's reports are written as one set: the new directory is assembled beside the target
/// (`.<name>.staging-<pid>`, a sibling, so on the same file system), holding every new file and
/// a hard link to every file of the old directory that belongs to no claim of this run, and is
/// then renamed into place. A reader sees the old set or the new one, never a mix, and an
/// interrupted run leaves the old set as it was. Files of a claim in this run that the new run
/// no longer produces (the plot of a check that is gone) disappear with the old directory.
/// Between the two renames (old out of the way, new in) the path briefly does not exist:
/// Linux's atomic exchange (`renameat2`) is not reachable from Swift's Glibc module.
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

  /// Writes the files of `report` into `directory`, as a set of one.
  @discardableResult
  public static func write(_ report: ClaimReport, to directory: URL) throws -> [URL] {
    try write([report], to: directory)
  }

  /// Replaces the files of `reports`' claims in `directory` (created if needed) by the new set,
  /// keeping the files of other claims; returns the path of each report's Markdown file.
  @discardableResult
  public static func write(_ reports: [ClaimReport], to directory: URL) throws -> [URL] {
    let files = FileManager.default
    let target = directory.standardizedFileURL.resolvingSymlinksInPath()
    let parent = target.deletingLastPathComponent()
    let sibling = { (role: String) in
      parent.appendingPathComponent(
        ".\(target.lastPathComponent).\(role)-\(ProcessInfo.processInfo.processIdentifier)")
    }
    let (staging, retired) = (sibling("staging"), sibling("retired"))
    try? files.removeItem(at: staging)
    try files.createDirectory(at: staging, withIntermediateDirectories: true)
    do {
      var isDirectory: ObjCBool = false
      let existed = files.fileExists(atPath: target.path, isDirectory: &isDirectory)
      if existed {
        let kept = try keptFiles(in: target, replacing: reports.map(\.id))
        for name in kept {
          try files.linkItem(
            at: target.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
        let permissions = try files.attributesOfItem(atPath: target.path)[.posixPermissions]
        if let permissions {
          try files.setAttributes([.posixPermissions: permissions], ofItemAtPath: staging.path)
        }
      }
      for report in reports {
        for (name, text) in contents(of: report) {
          try Data(text.utf8).write(to: staging.appendingPathComponent(name))
        }
      }
      if existed {
        try move(target, to: retired)
        do {
          try move(staging, to: target)
        } catch {
          try? move(retired, to: target)
          throw error
        }
        try? files.removeItem(at: retired)
      } else {
        try move(staging, to: target)
      }
    } catch {
      try? files.removeItem(at: staging)
      throw error
    }
    return reports.map { directory.appendingPathComponent("\($0.id).md") }
  }

  /// The names in `directory` that belong to no claim in `ids` and are not temporaries of an
  /// interrupted run. A figure `<x>-<check>.svg` belongs to the longest claim id `x` among
  /// `ids` and the claims with a report in the directory (claim `a` must not take `a-b`'s).
  static func keptFiles(in directory: URL, replacing ids: [String]) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    let known = Set(ids + names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
      .sorted { $0.count > $1.count }
    let replaced = Set(ids)
    return names.sorted().filter { name in
      if name.hasPrefix(".") && (name.contains(".tmp") || name.contains(".staging-")) {
        return false
      }
      let owner = known.first { id in
        name == "\(id).md" || name == "\(id).json"
          || (name.hasPrefix("\(id)-") && name.hasSuffix(".svg"))
      }
      return owner.map { !replaced.contains($0) } ?? true
    }
  }

  private static func move(_ source: URL, to destination: URL) throws {
    guard rename(source.path, destination.path) == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
  }

  /// Nil when reports can be written into `directory` (an existing directory whose parent is
  /// writable, since the set is assembled beside it, or one that can be created in an existing
  /// parent); otherwise why not. Checked before any claim runs, so bad output never costs a run
  /// and never leaves partial output. The check creates and removes a probe rather than
  /// trusting permission bits, which say "writable" to root even on read-only or virtual file
  /// systems; a directory it had to create is removed again.
  public static func problem(with directory: URL) -> String? {
    let path = directory.path
    let files = FileManager.default
    var isDirectory: ObjCBool = false
    let existed = files.fileExists(atPath: path, isDirectory: &isDirectory)
    if existed && !isDirectory.boolValue { return "output '\(path)' is not a directory" }
    let resolved = directory.standardizedFileURL.resolvingSymlinksInPath()
    let parent = resolved.deletingLastPathComponent()
    let probe =
      existed
      ? parent.appendingPathComponent(
        ".\(resolved.lastPathComponent).probe-\(ProcessInfo.processInfo.processIdentifier)")
      : directory
    do {
      try files.createDirectory(at: probe, withIntermediateDirectories: false)
    } catch {
      return existed
        ? "output directory '\(path)' cannot be replaced: the reports are written beside it, "
          + "and '\(parent.path)' is not writable"
        : "output directory '\(path)' cannot be created in '\(directory.deletingLastPathComponent().path)'"
    }
    try? files.removeItem(at: probe)
    return nil
  }
}
