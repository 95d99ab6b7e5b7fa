import Foundation
import Numeric
import PropertyBased
import Testing

@testable import Verify

/// Every registered claim, at random parameter sets inside its declared ranges (what `verify
/// list` says is valid), gives a verdict and JSON that parses: no value a user may set crashes.
///
/// Each parameter is drawn or left at its default, with even odds: values valid one by one may
/// still break a claim's joint constraint (chow-rule's η needs n·K entries in rows summing to
/// 10), and a draw that does is a usage error by design (exit 2, one line naming the claim).
/// Drawn values cover the declared kind: integers (sizes, counts, sample numbers, list lengths
/// and integer list entries) from the low end of their range, the first four values, because a
/// claim's cost grows with them; rationals anywhere in their interval, ends included, since the
/// ends are where conditioning breaks (issue 12's ε = 10⁻⁶ at scale 1000); choices and seeds
/// uniformly; the precision 16, 32 or 64 bits.
///
/// Bounded so `swift test` stays within minutes: a run with defaults left in place takes
/// minutes in the debug build (one draw of every claim cost 130–220 processor seconds), so each
/// `swift test` runs one valid draw of ``runClaims`` claims picked at random (1; set
/// `CLAIMCHECK_PROPERTY_CLAIMS` for more), among those whose committed default run took at
/// most ``runBudget`` seconds in release (the rest only with `CLAIMCHECK_PROPERTY_CLAIMS`), and
/// successive runs cover them. ``plans`` draws of every claim are planned, which is cheap. The
/// claims come from `Registry.catalogue`, so a newly registered claim is covered without
/// touching this file.
@Suite(.shrinking(false)) struct ClaimPropertyTests {
  static let requestedClaims =
    ProcessInfo.processInfo.environment["CLAIMCHECK_PROPERTY_CLAIMS"].flatMap { Int($0) }
  static let runClaims = requestedClaims ?? 1
  /// Seconds of a claim's committed default run (`Run time:` of `claims/<id>.md`) above which
  /// it is drawn only on request: 2.5 s in release is over a minute in debug. (It was 5 s until
  /// the generic matrix and Taylor code specialized into the claims, which halved release runs
  /// but not debug ones.)
  static let runBudget = 2.5
  static var drawnClaims: [String] {
    let claims = Registry.catalogue.claims.map(\.id).filter { id in
      requestedClaims != nil || (committedRunSeconds(id).map { $0 <= runBudget } ?? false)
    }
    return Array(claims.shuffled().prefix(runClaims))
  }
  static let plans = 200

  /// A drawn request, printed as the options that reproduce it.
  struct Draw: Sendable, CustomStringConvertible {
    let precision: Int
    let seed: UInt64
    let assignments: [String]
    var request: RunRequest {
      RunRequest(precision: precision, seed: seed, assignments: assignments)
    }
    var description: String {
      (["--precision \(precision)", "--seed \(seed)"] + assignments.map { "--set \($0)" })
        .joined(separator: " ")
    }
  }

  /// The budget reads every committed report's run time and leaves claims to draw.
  @Test func theRunBudgetLeavesClaimsToDraw() {
    for claim in Registry.catalogue.claims {
      #expect(committedRunSeconds(claim.id) != nil, "claims/\(claim.id).md has no run time")
    }
    #expect(Registry.catalogue.claims.contains { committedRunSeconds($0.id).map { $0 <= Self.runBudget } ?? false })
    #expect(Self.drawnClaims.count == Self.runClaims)
  }

  @Test(arguments: drawnClaims)
  func validParametersGiveAVerdictAndParsableJSON(claim id: String) async throws {
    let claim = try Registry.catalogue.claim(id)
    let valid = Self.draws(of: claim).compactMap { draw in
      (try? draw.request.plan([claim])) != nil ? draw : nil
    }
    await propertyCheck(count: 1, input: valid) { draw in
      let report = Runner.run(try draw.request.plan([claim])[0])
      #expect([.proved, .pass, .fail, .inconclusive].contains(report.verdict), "\(draw)")
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

  /// Every value the declarations allow parses; what the claim refuses is a joint constraint,
  /// said in one line that names the claim.
  @Test(arguments: Registry.catalogue.claims.map(\.id))
  func declaredValuesParseAndJointConstraintsAreUsageErrors(claim id: String) async throws {
    let claim = try Registry.catalogue.claim(id)
    await propertyCheck(count: Self.plans, input: Self.draws(of: claim)) { draw in
      do throws(UsageError) {
        let runs = try draw.request.plan([claim])
        #expect(runs.count == 1 && runs[0].claim.id == id)
      } catch {
        #expect(error.message.hasPrefix("\(id): "), "\(draw): \(error.message)")
        #expect(!error.message.contains("\n"), "\(draw)")
      }
    }
  }

  /// Requests for `claim`: each declared parameter drawn (valid for its kind) or left at its
  /// default.
  static func draws(of claim: any Claim) -> Generator<Draw, some SendableSequenceType> {
    Generator { rng in
      Draw(
        precision: [16, 32, 64].randomElement(using: &rng)!,
        seed: UInt64.random(in: .min ... .max, using: &rng),
        assignments: claim.parameters.compactMap { parameter in
          Bool.random(using: &rng)
            ? "\(parameter.name)=\(text(of: parameter.kind, using: &rng))" : nil
        })
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
  static func lowEnd(_ range: ClosedRange<Int>, using rng: inout some RandomNumberGenerator) -> Int
  {
    Int.random(in: range.lowerBound...min(range.upperBound, range.lowerBound + 3), using: &rng)
  }

  /// A closed end of `interval`, or a point `k/64` of the way across it (k = 1…63).
  static func rational(
    in interval: RationalInterval, using rng: inout some RandomNumberGenerator
  ) -> Rational {
    var candidates = (1...63).map {
      interval.lower + (interval.upper - interval.lower) * Rational($0, 64)
    }
    if !interval.lowerIsOpen { candidates += Array(repeating: interval.lower, count: 32) }
    if !interval.upperIsOpen { candidates += Array(repeating: interval.upper, count: 32) }
    let value = candidates.randomElement(using: &rng)!
    precondition(interval.contains(value))
    return value
  }
}
