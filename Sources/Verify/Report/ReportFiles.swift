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
    let ids = reports.map(\.id)
    try write(reports.flatMap(contents), to: directory) { claimFiles(ids, among: $0) }
    return reports.map { directory.appendingPathComponent("\($0.id).md") }
  }

  /// Writes each named text into `directory` (created if needed) as one set, with the files
  /// already there except those `replaced` picks from their names (and the temporaries of an
  /// interrupted run); returns the paths of `files`, in order.
  @discardableResult
  public static func write(
    _ files: [(name: String, text: String)], to directory: URL,
    replacing replaced: ([String]) -> Set<String> = { _ in [] }
  ) throws -> [URL] {
    let manager = FileManager.default
    let target = directory.standardizedFileURL.resolvingSymlinksInPath()
    let parent = target.deletingLastPathComponent()
    let sibling = { (role: String) in
      parent.appendingPathComponent(
        ".\(target.lastPathComponent).\(role)-\(ProcessInfo.processInfo.processIdentifier)")
    }
    let (staging, retired) = (sibling("staging"), sibling("retired"))
    try? manager.removeItem(at: staging)
    try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    do {
      var isDirectory: ObjCBool = false
      let existed = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
      if existed {
        let names = try manager.contentsOfDirectory(atPath: target.path)
        let dropped = replaced(names).union(files.map(\.name))
        for name in names where !dropped.contains(name) && !isTemporary(name) {
          try manager.linkItem(
            at: target.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
        let permissions = try manager.attributesOfItem(atPath: target.path)[.posixPermissions]
        if let permissions {
          try manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: staging.path)
        }
      }
      for (name, text) in files {
        try Data(text.utf8).write(to: staging.appendingPathComponent(name))
      }
      if existed {
        try move(target, to: retired)
        do {
          try move(staging, to: target)
        } catch {
          try? move(retired, to: target)
          throw error
        }
        try? manager.removeItem(at: retired)
      } else {
        try move(staging, to: target)
      }
    } catch {
      try? manager.removeItem(at: staging)
      throw error
    }
    return files.map { directory.appendingPathComponent($0.name) }
  }

  /// The names among `names` that belong to a claim in `ids`: its report and its figures. A
  /// figure `<x>-<check>.svg` belongs to the longest id `x` among `ids` and the names of the
  /// reports present (claim `a` must not take `a-b`'s figures, nor a sweep's `a-sweep-…`).
  static func claimFiles(_ ids: [String], among names: [String]) -> Set<String> {
    let known = Set(ids + names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
      .sorted { $0.count > $1.count }
    let replaced = Set(ids)
    return Set(
      names.filter { name in
        let owner = known.first { id in
          name == "\(id).md" || name == "\(id).json"
            || (name.hasPrefix("\(id)-") && name.hasSuffix(".svg"))
        }
        return owner.map(replaced.contains) ?? false
      })
  }

  /// A temporary left by an interrupted run (of this writer, or of the per-file writer before it).
  private static func isTemporary(_ name: String) -> Bool {
    name.hasPrefix(".") && (name.contains(".tmp") || name.contains(".staging-"))
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
