/// User input repeated in a message, made safe for a terminal: control characters escaped
/// (`\n`, `\u{1B}`), so an argument cannot break the one-line message or rewrite the screen,
/// and cut to ``limit`` characters, so a 100 KB expression does not flood it.
public enum Echo {
  /// The most characters of one echoed input a message shows.
  public static let limit = 80

  /// `'text'`, escaped and cut: `'1 + 2 + 3 + …' (100000 characters)`.
  public static func quoted(_ text: some StringProtocol) -> String {
    let shown = cut(text)
    return shown.hasSuffix("…") ? "'\(shown)' (\(text.count) characters)" : "'\(shown)'"
  }

  /// A message built elsewhere (ArgumentParser's, a claim's) as one safe line: control
  /// characters escaped and each part between single quotes cut to ``limit`` characters.
  public static func line(_ message: String) -> String {
    message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
      .map { index, part in index % 2 == 1 ? cut(part) : escaped(part) }
      .joined(separator: "'")
  }

  /// The text escaped, and if longer than ``limit`` its first characters and `…`.
  private static func cut(_ text: some StringProtocol) -> String {
    let shown = escaped(text)
    return shown.count > limit ? shown.prefix(limit - 1) + "…" : shown
  }

  private static func escaped(_ text: some StringProtocol) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator:
        result += scalar.escaped(asASCII: true)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
