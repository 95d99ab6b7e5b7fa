import Foundation

/// Where the tool reads and writes: standard output for results, standard error for progress
/// and errors, standard input for an expression given as `-`. Tests substitute closures.
struct Console: Sendable {
  var output: @Sendable (String) -> Void
  var error: @Sendable (String) -> Void
  /// True when standard error is a terminal, so progress is worth showing.
  var showsProgress: Bool
  /// Standard input up to its end or the given number of bytes.
  var input: @Sendable (Int) -> Data = { _ in Data() }

  static let standard = Console(
    output: { FileHandle.standardOutput.write(Data($0.utf8)) },
    error: { FileHandle.standardError.write(Data($0.utf8)) },
    showsProgress: isatty(STDERR_FILENO) == 1,
    input: { count in (try? FileHandle.standardInput.read(upToCount: count)) ?? Data() })
}

/// The exit statuses of the contract in DESIGN.md.
enum ExitStatus {
  /// Every selected claim passed (or, for `identity`, the identity holds).
  static let passed: Int32 = 0
  /// Something failed or was inconclusive.
  static let failed: Int32 = 1
  /// Bad usage: nothing was run and nothing was written.
  static let usage: Int32 = 2

  static let help = """
    Exit status: 0 when every selected claim passed, 1 when any failed or was inconclusive, \
    2 for bad usage (an unknown claim or parameter, a malformed value, a precision outside \
    16...1000000 bits, an unwritable output directory), in which case nothing is written.
    """

  static let statementHelp = """
    Exit status: 0 when the statement passed (or was proved), 1 when it failed or was \
    inconclusive (a negative control not rejected), 2 for bad usage, in which case nothing \
    runs and nothing is written.
    """
}
