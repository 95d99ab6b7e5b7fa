import Foundation
import Testing

@testable import Verify

/// `--output DIR` replaces a run's reports as one set: assembled beside DIR, renamed into place,
/// keeping what belongs to other claims and dropping what the run no longer produces.
@Suite struct ReportSetTests {
  let files = FileManager.default

  func scratch() throws -> URL {
    let root = files.temporaryDirectory.appendingPathComponent("claimcheck-\(UUID().uuidString)")
    try files.createDirectory(at: root, withIntermediateDirectories: true)
    return root
  }

  func names(_ directory: URL) throws -> [String] {
    try files.contentsOfDirectory(atPath: directory.path).sorted()
  }

  func put(_ text: String, _ name: String, in directory: URL) throws {
    try Data(text.utf8).write(to: directory.appendingPathComponent(name))
  }

  @Test func replacesTheRunsClaimsAndKeepsTheRest() async throws {
    let root = try scratch()
    defer { try? files.removeItem(at: root) }
    let directory = root.appendingPathComponent("reports")
    try files.createDirectory(at: directory, withIntermediateDirectories: false)
    // Another claim's report and figure (whose id extends "sound"), a user's file, a plot of
    // "sound" that the run no longer produces, and a temporary of an interrupted run.
    for name in ["sound-extra.md", "sound-extra.json", "sound-extra-rate.svg", "notes.txt"] {
      try put(name, name, in: directory)
    }
    try put("stale", "sound-retired-check.svg", in: directory)
    try put("old", "sound.md", in: directory)
    try put("partial", ".sound.md.tmp4242", in: directory)
    let kept = try files.attributesOfItem(
      atPath: directory.appendingPathComponent("notes.txt").path)

    let reports = await Runner.run(
      try RunRequest().plan(try TestClaims.catalogue.select(["sound", "false-identity"])), jobs: 2)
    let paths = try ReportFiles.write(reports, to: directory)

    #expect(paths.map(\.lastPathComponent) == ["sound.md", "false-identity.md"])
    #expect(
      try names(directory) == [
        "false-identity.json", "false-identity.md", "notes.txt", "sound-extra-rate.svg",
        "sound-extra.json", "sound-extra.md", "sound-growth.svg", "sound.json", "sound.md",
      ])
    let markdown = try String(
      contentsOf: directory.appendingPathComponent("sound.md"), encoding: .utf8)
    #expect(markdown.hasPrefix("# True statements of every kind"))
    // Kept files are hard links into the new set, not copies.
    let now = try files.attributesOfItem(atPath: directory.appendingPathComponent("notes.txt").path)
    #expect(now[.systemFileNumber] as? Int == kept[.systemFileNumber] as? Int)
    // Nothing is left beside the directory.
    #expect(try names(root) == ["reports"])
  }

  @Test func createsTheDirectoryWhenMissing() async throws {
    let root = try scratch()
    defer { try? files.removeItem(at: root) }
    let directory = root.appendingPathComponent("new")
    let reports = await Runner.run(try RunRequest().plan([TestClaims.catalogue.claims[0]]), jobs: 1)
    try ReportFiles.write(reports, to: directory)
    #expect(try names(directory) == ["sound-growth.svg", "sound.json", "sound.md"])
    #expect(try names(root) == ["new"])
  }

  @Test func aFailedSwapLeavesTheOldSetAsItWas() async throws {
    let root = try scratch()
    defer { try? files.removeItem(at: root) }
    let directory = root.appendingPathComponent("reports")
    try files.createDirectory(at: directory, withIntermediateDirectories: false)
    try put("old", "sound.md", in: directory)
    try put("notes", "notes.txt", in: directory)
    // A non-empty directory where the old set would be moved aside makes the swap fail.
    let pid = ProcessInfo.processInfo.processIdentifier
    let retired = root.appendingPathComponent(".reports.retired-\(pid)")
    try files.createDirectory(at: retired, withIntermediateDirectories: false)
    try put("blocker", "blocker", in: retired)
    let reports = await Runner.run(try RunRequest().plan([TestClaims.catalogue.claims[0]]), jobs: 1)
    #expect(throws: (any Error).self) { try ReportFiles.write(reports, to: directory) }
    #expect(try names(directory) == ["notes.txt", "sound.md"])
    #expect(
      try String(contentsOf: directory.appendingPathComponent("sound.md"), encoding: .utf8) == "old"
    )
    #expect(try names(root) == [".reports.retired-\(pid)", "reports"])
  }

  @Test func theCommandLineWritesTheSet() async throws {
    let root = try scratch()
    defer { try? files.removeItem(at: root) }
    let directory = root.appendingPathComponent("out")
    _ = await verify(["false-identity", "--output", directory.path])
    try put("stale", "sound-gone.svg", in: directory)
    let outcome = await verify(["sound", "--output", directory.path])
    #expect(outcome.status == 0)
    #expect(outcome.output == "pass\tsound\t\(directory.path)/sound.md\n")
    #expect(
      try names(directory) == [
        "false-identity.json", "false-identity.md", "sound-growth.svg", "sound.json", "sound.md",
      ])
  }
}
