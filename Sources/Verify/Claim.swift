import Numeric

/// A statement proved in a paper, encoded once so that it can be checked by computation.
///
/// A claim declares what it is (``id``, ``title``, ``source``, ``statement``), what may be varied
/// (``parameters``, ``defaultSeed``) and how to check it: ``run(_:)`` builds the instance from the
/// context (precision, seed, parameter values), records the named values a reader should see,
/// and returns the checks. The engine evaluates the checks (precision ladders, negative controls,
/// verdicts), so claim code only computes; it never contains reference answers.
///
/// A claim is one file under `Sources/Verify/Claims/` and one line in ``Registry``.
public protocol Claim: Sendable {
  /// Kebab-case identifier used on the command line and as the report's file name.
  var id: String { get }
  /// A one-line title.
  var title: String { get }
  /// Where the statement is proved.
  var source: Source { get }
  /// The statement being checked, in words and formulas (Markdown).
  var statement: String { get }
  /// The parameters a user may set with `--set NAME=VALUE`; empty by default.
  var parameters: [Parameter] { get }
  /// The SplitMix64 seed of the claim's reference instance; `--seed` overrides it.
  var defaultSeed: UInt64 { get }
  /// Builds the instance at `context`'s precision and returns the checks to evaluate.
  /// Runs inside `withPrecision(context.precision)`.
  func run(_ context: Context) throws -> [any Check]
}

extension Claim {
  public var parameters: [Parameter] { [] }
  public var defaultSeed: UInt64 { 1 }
}

/// The paper a claim comes from.
public struct Source: Sendable, Hashable {
  /// The paper's title.
  public var title: String
  /// The arXiv identifier, e.g. `2605.01288`.
  public var arxiv: String
  /// The theorem, proposition or section that states the claim.
  public var location: String

  public init(title: String, arxiv: String, location: String) {
    self.title = title
    self.arxiv = arxiv
    self.location = location
  }
}
