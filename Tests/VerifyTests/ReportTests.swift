import Foundation
import Synchronization
import Testing

@testable import Verify

@Suite struct ReportTests {
  func reports(_ ids: [String], jobs: Int = 2) async throws -> [ClaimReport] {
    await Runner.run(try RunRequest().plan(try TestClaims.catalogue.select(ids)), jobs: jobs)
  }

  /// Every line but the run time is identical between runs, whatever the concurrency.
  @Test func identicalInputsGiveIdenticalBytes() async throws {
    let first = try await reports(["all"], jobs: 1)
    let second = try await reports(["all"], jobs: 3)
    #expect(JSONReport.render(first) == JSONReport.render(second))
    for (a, b) in zip(first, second) {
      let (ma, mb) = (MarkdownReport.render(a), MarkdownReport.render(b))
      let differing = zip(ma.split(separator: "\n"), mb.split(separator: "\n")).filter { $0 != $1 }
      #expect(differing.allSatisfy { $0.0.hasPrefix("Run time: ") }, "\(differing)")
      #expect(ma.split(separator: "\n").count == mb.split(separator: "\n").count)
    }
    let svgs = { (reports: [ClaimReport]) in
      reports.flatMap {
        ReportFiles.contents(of: $0).filter { $0.name.hasSuffix(".svg") }.map(\.text)
      }
    }
    #expect(svgs(first) == svgs(second) && !svgs(first).isEmpty)
  }

  /// Heavier claims start first (with one job, they finish first), and the reports still come
  /// back in the order asked for.
  @Test func heaviestRunsStartFirst() async throws {
    struct Weighted: Claim {
      let id: String
      let schedulingWeight: Int
      let title = "weighted"
      let source = TestClaims.source
      let statement = "1 = 1"
      func measure(_ instance: Arguments, _ measurements: Measurements) {}
    }
    let claims = [("light", 1), ("heavy", 9), ("middle", 4), ("also-light", 1)]
      .map { Weighted(id: $0.0, schedulingWeight: $0.1) }
    let finished = Mutex<[String]>([])
    let reports = await Runner.run(try RunRequest().plan(claims), jobs: 1) { report in
      finished.withLock { $0.append(report.run.claim.id) }
    }
    #expect(finished.withLock { $0 } == ["heavy", "middle", "light", "also-light"])
    #expect(reports.map(\.run.claim.id) == ["light", "heavy", "middle", "also-light"])
  }

  /// The JSON has exactly the keys DESIGN.md documents, with decimal strings for numbers.
  @Test func jsonHasTheDocumentedShape() async throws {
    let text = JSONReport.render(try await reports(["sound", "unrejected-control"]))
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(Set(root.keys) == ["verdict", "mpfr", "gmp", "claims"])
    #expect(root["verdict"] as? String == "inconclusive")
    let claims = try #require(root["claims"] as? [[String: Any]])
    #expect(claims.count == 2)
    for claim in claims {
      #expect(
        Set(claim.keys) == [
          "id", "title", "source", "statement", "precision", "seed", "parameters", "verdict",
          "summary", "command", "error", "checks", "values",
        ])
      let summary = try #require(claim["summary"] as? [String: Int])
      #expect(Set(summary.keys) == Set(Verdict.allCases.map(\.rawValue)))
      let source = try #require(claim["source"] as? [String: String])
      #expect(Set(source.keys) == ["title", "arxiv", "location"])
      #expect(claim["precision"] as? Int == 256)
      #expect(claim["seed"] is String && claim["parameters"] is [String: String])
      #expect(claim["values"] is [String: String] && claim["error"] is NSNull)
      for check in try #require(claim["checks"] as? [[String: Any]]) {
        #expect(
          Set(check.keys) == [
            "id", "kind", "statement", "verdict", "measured", "threshold", "detail", "ladder",
            "certificate", "negativeControl", "negativeControls",
          ])
        #expect(check["certificate"] is NSNull || check["certificate"] is [String: Any])
        #expect(CheckKind(rawValue: check["kind"] as? String ?? "") != nil)
        #expect(Verdict(rawValue: check["verdict"] as? String ?? "") != nil)
        let measured = try #require(check["measured"] as? String)
        #expect(Double(measured) != nil, "\(measured)")
        for rung in try #require(check["ladder"] as? [[String: Any]]) {
          #expect(Set(rung.keys) == ["bits", "value"] && rung["bits"] is Int)
          #expect(Double(rung["value"] as? String ?? "x") != nil)
        }
        let controls = try #require(check["negativeControls"] as? [[String: String]])
        #expect(!controls.isEmpty)
        for control in controls + [try #require(check["negativeControl"] as? [String: String])] {
          #expect(Set(control.keys) == ["description", "verdict", "measured", "threshold", "detail"])
          #expect(["disproved", "rejected", "accepted"].contains(control["verdict"]))
        }
      }
    }
    let values = try #require(claims[0]["values"] as? [String: String])
    #expect(values["x"] == "1/3" && values["width-sum"] == "7")
    // 77 significant digits at 256 bits: at least the 40 the conventions ask for.
    let random = try #require(values["random"])
    #expect(random.filter(\.isNumber).count >= 40, "\(random)")
  }

  @Test func markdownShowsTheEvidence() async throws {
    let report = try #require(try await reports(["sound"]).first)
    let text = MarkdownReport.render(report)
    for expected in [
      "# True statements of every kind", "verdict: **pass**", "arXiv:0000.00000", "## Statement",
      "| precision | 256 bits |", "| seed | 7 |", "| x | 1/3 |", "| check | kind | measured |",
      "Precision ladder:", "| 512 |", "Negative controls:", "| sin²x − cos²x = 1 |",
      "![growth: data, fitted line and claimed slope](sound-growth.svg)", "## Values",
      "    swift run verify sound --precision 256 --seed 7", "MPFR ", "GMP ",
    ] {
      #expect(text.contains(expected), "missing \(expected)")
    }
  }

  @Test func filesAreWrittenBesideEachOtherWithoutTemporaries() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("claimcheck-\(UUID().uuidString)/reports")
    defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
    let report = try #require(try await reports(["sound"]).first)
    try ReportFiles.write(report, to: directory)
    try ReportFiles.write(report, to: directory)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names == ["sound-growth.svg", "sound.json", "sound.md"])
    let svg = try String(
      contentsOf: directory.appendingPathComponent("sound-growth.svg"), encoding: .utf8)
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.hasSuffix("</svg>\n"))
    // Five data markers, sized for five points, and the legend's marker.
    #expect(svg.components(separatedBy: "<circle").count == 7)
    #expect(svg.components(separatedBy: "r=\"4.00\" fill=\"#333333\"").count == 6)
  }

  @Test func ticksAreAtReadableValues() {
    let decades = PlotAxis(range: -5.3 ... -1.2, logarithmic: true)
    #expect(decades.ticks.map(decades.label) == ["1e-5", "1e-4", "1e-3", "0.01"])
    let few = PlotAxis(range: 1.2...2.9, logarithmic: true)
    #expect(few.ticks.map(few.label) == ["20", "50", "100", "200", "500"])
    let linear = PlotAxis(range: -0.4...11.3, logarithmic: false)
    #expect(linear.ticks.map(linear.label) == ["0", "2", "4", "6", "8", "10"])
    let fractions = PlotAxis(range: 0.61...0.93, logarithmic: false)
    #expect(fractions.ticks.map(fractions.label) == ["0.65", "0.7", "0.75", "0.8", "0.85", "0.9"])
  }

  @Test func markersShrinkWithTheirNumber() {
    #expect(PlotCanvas.markerRadius(count: 5) == "4.00")
    #expect(PlotCanvas.markerRadius(count: 49) == "2.00")
    #expect(PlotCanvas.markerRadius(count: 200) == "1.50")
  }
}
