import Foundation
import Numeric
import PropertyBased
import Testing

@testable import Verify

/// Every registered claim, at random parameter sets inside its declared ranges (what `verify
/// list` says is valid), gives a verdict and JSON that parses: no value a user may set crashes.
///
/// Bounded so `swift test` stays within minutes: ``draws`` runs per claim (2; set
/// `CLAIMCHECK_PROPERTY_DRAWS` for more), at a precision of 16, 32 or 64 bits. Integers (sizes,
/// counts, sample numbers, list lengths and integer list entries) are drawn from the low end of
/// their range, the first four values, because a claim's cost grows with them; rationals
/// anywhere in their interval, ends included, since the ends are where conditioning breaks
/// (issue 12's ε = 10⁻⁶ at scale 1000); choices and seeds uniformly. A parameter set that breaks
/// a joint constraint is a usage error by design and is redrawn. The claims iterate
/// `Registry.catalogue`, so a newly registered claim is covered without touching this file.
@Suite(.shrinking(false)) struct ClaimPropertyTests {
  static let draws =
    ProcessInfo.processInfo.environment["CLAIMCHECK_PROPERTY_DRAWS"].flatMap { Int($0) } ?? 2

  /// A drawn run, printed as the command line that reproduces it.
  struct Draw: Sendable, CustomStringConvertible {
    let run: ClaimRun
    var description: String { run.command }
  }

  @Test(arguments: Registry.catalogue.claims.map(\.id))
  func validParametersGiveAVerdictAndParsableJSON(claim id: String) async throws {
    let claim = try Registry.catalogue.claim(id)
    await propertyCheck(count: Self.draws, input: Self.validRuns(of: claim)) { draw in
      let report = Runner.run(draw.run)
      #expect([.pass, .fail, .inconclusive].contains(report.verdict), "\(draw)")
      for check in report.checks where check.verdict == .fail {
        // A failure names its reason; a crash would not get here at all.
        #expect(!check.detail.isEmpty, "\(draw): \(check.id)")
      }
      let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render([report]).utf8))
      let claims = (json as? [String: Any])?["claims"] as? [[String: Any]]
      #expect(claims?.first?["verdict"] as? String == report.verdict.rawValue, "\(draw)")
      #expect(claims?.first?["id"] as? String == id, "\(draw)")
      #expect(MarkdownReport.render(report).contains("verdict: **\(report.verdict.rawValue)**"))
    }
  }

  /// Runs of `claim` with valid assignments for every parameter it declares.
  static func validRuns(of claim: any Claim) -> Generator<Draw, some SendableSequenceType> {
    Generator { rng in
      let precision = [16, 32, 64].randomElement(using: &rng)!
      let seed = UInt64.random(in: .min ... .max, using: &rng)
      let assignments = claim.parameters.map { "\($0.name)=\(text(of: $0.kind, using: &rng))" }
      return (precision, seed, assignments)
    }.compactMap { precision, seed, assignments in
      // A joint constraint between parameters may refuse the draw (a usage error): redraw.
      let request = RunRequest(precision: precision, seed: seed, assignments: assignments)
      return (try? request.plan([claim])).map { Draw(run: $0[0]) }
    }
  }

  /// A valid `--set` value of `kind`, in the number syntax `verify list` documents.
  static func text(of kind: ParameterKind, using rng: inout some RandomNumberGenerator) -> String {
    switch kind {
    case .integer(let range): String(lowEnd(range, using: &rng))
    case .rational(let interval): rational(in: interval, using: &rng).description
    case .choice(let names): names.randomElement(using: &rng)!
    case .integerList(let entries, let count):
      (0..<lowEnd(count, using: &rng)).map { _ in String(lowEnd(entries, using: &rng)) }
        .joined(separator: ",")
    case .rationalList(let entries, let count):
      (0..<lowEnd(count, using: &rng)).map { _ in rational(in: entries, using: &rng).description }
        .joined(separator: ",")
    }
  }

  /// One of the first four values of `range`.
  static func lowEnd(_ range: ClosedRange<Int>, using rng: inout some RandomNumberGenerator) -> Int {
    Int.random(in: range.lowerBound...min(range.upperBound, range.lowerBound + 3), using: &rng)
  }

  /// A closed end of `interval`, or a point `k/64` of the way across it (k = 1…63).
  static func rational(
    in interval: RationalInterval, using rng: inout some RandomNumberGenerator
  ) -> Rational {
    var candidates = (1...63).map { interval.lower + (interval.upper - interval.lower) * Rational($0, 64) }
    if !interval.lowerIsOpen { candidates += Array(repeating: interval.lower, count: 32) }
    if !interval.upperIsOpen { candidates += Array(repeating: interval.upper, count: 32) }
    let value = candidates.randomElement(using: &rng)!
    precondition(interval.contains(value))
    return value
  }
}
