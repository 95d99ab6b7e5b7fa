/// The value of an integer option, with what is valid named when the text is not an integer
/// of the option's type (`--samples abc`, a seed of 2^64). Options using it parse
/// `.unconditional`ly, so `--precision -5` is a value out of range, not an unknown flag `-5`.
struct IntegerArgument: Error, CustomStringConvertible {
  let description: String

  /// Parses an integer of type `T`, naming `valid` on failure. The range itself is checked
  /// where the value is used, so the library gives every caller the same message.
  static func parser<T: FixedWidthInteger & Sendable>(
    _ valid: ClosedRange<T>
  ) -> @Sendable (String) throws -> T {
    parser(expecting: "an integer in \(valid.lowerBound)...\(valid.upperBound)")
  }

  /// Parses an integer of type `T`, saying it expected `valid` on failure.
  static func parser<T: FixedWidthInteger & Sendable>(
    expecting valid: String
  ) -> @Sendable (String) throws -> T {
    { text in
      guard let value = T(text) else { throw IntegerArgument(description: "expected \(valid)") }
      return value
    }
  }
}
