/// Bad command-line input: one line saying what was wrong and what is valid. Nothing runs and
/// nothing is written when one is thrown; the command exits with status 2.
public struct UsageError: Error, CustomStringConvertible, Equatable {
  public let message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
