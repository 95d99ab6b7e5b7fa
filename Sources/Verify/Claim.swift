import Numeric

/// A statement proved in a paper, encoded once so that it can be checked by computation.
///
/// A claim declares what it is (``id``, ``title``, ``source``, ``statement``) and what may be
/// varied (``parameters``, ``defaultSeed``), and checks itself in two steps:
///
/// 1. ``instance(_:)`` decodes the validated ``Arguments`` into the claim's typed `Instance`
///    and checks the constraints *between* parameters (a partition that sums to more than the
///    dimension). It runs for every selected claim before any claim runs, so a violated
///    constraint is a usage error (exit 2, one line naming it) and never a failed report.
/// 2. ``measure(_:_:)`` computes on the instance: it records the named values the report
///    carries and adds the checks, in claim order, each by its id. The engine evaluates the
///    checks (precision ladders, negative controls, verdicts), so claim code only computes;
///    it never contains reference answers.
///
/// A claim is one folder `Sources/Verify/Claims/<Paper>/` (the claim, its sub-claim files and
/// the models only it uses) and one line in ``Registry``.
public protocol Claim: Sendable {
  /// What the checks run on, decoded from the arguments once.
  associatedtype Instance: Sendable

  /// Kebab-case identifier used on the command line and as the report's file name.
  var id: String { get }
  /// A one-line title.
  var title: String { get }
  /// Where the statement is proved.
  var source: Source { get }
  /// The statement being checked, in words and formulas (Markdown).
  var statement: String { get }
  /// The parameters a user may set with `--set NAME=VALUE`; empty by default.
  var parameters: [any ParameterDeclaration] { get }
  /// The SplitMix64 seed of the claim's reference instance; `--seed` overrides it.
  var defaultSeed: UInt64 { get }
  /// Roughly the seconds the default run takes (release, one core): a scheduling hint only.
  /// With several jobs the runner starts the heaviest runs first, so that the longest one
  /// does not start last and run alone. Default 1.
  var schedulingWeight: Int { get }

  /// The instance the arguments select.
  ///
  /// - Throws: `UsageError` naming a violated constraint between parameters.
  func instance(_ arguments: Arguments) throws(UsageError) -> Instance

  /// Records the named values and adds the checks for `instance`. Runs inside
  /// `withPrecision(measurements.precision)`; an error thrown here fails the claim with the
  /// error in its report.
  func measure(_ instance: Instance, _ measurements: Measurements) throws

  /// The command line that reproduces a run with `arguments`, every setting spelled out; by
  /// default `swift run verify <id>` with `--precision`, `--seed` and each `--set`.
  func command(_ arguments: Arguments) -> String
}

extension Claim {
  public var parameters: [any ParameterDeclaration] { [] }
  public var defaultSeed: UInt64 { 1 }
  public var schedulingWeight: Int { 1 }

  public func command(_ arguments: Arguments) -> String {
    (["swift run verify", id, "--precision \(arguments.precision)", "--seed \(arguments.seed)"]
      + arguments.values.map { "--set \($0.name)=\($0.value)" }).joined(separator: " ")
  }
}

extension Claim where Instance == Arguments {
  /// A claim whose parameters have no joint constraints works on the arguments themselves.
  public func instance(_ arguments: Arguments) throws(UsageError) -> Arguments { arguments }
}

extension Claim {
  /// The claim's measurement bound to the instance `arguments` select: the usage error comes
  /// now, the work when the runner calls the result.
  func prepare(_ arguments: Arguments) throws(UsageError) -> @Sendable (Measurements) throws -> Void {
    let instance = try instance(arguments)
    return { measurements in try self.measure(instance, measurements) }
  }
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
