/// User input quoted back in a message: at most ``limit`` characters, control characters
/// escaped, so that a 100 KB expression or a terminal escape sequence cannot flood or drive
/// the user's terminal.
public enum EchoedInput {
  public static let limit = 80

  /// `text` with control characters as `\n`, `\t`, `\u{1B}`…, cut to ``limit`` characters with
  /// `…` and the original length when longer.
  public static func cut(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      case "\r": escaped += "\\r"
      case _ where scalar.properties.generalCategory == .control:
        escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    guard escaped.count > limit else { return escaped }
    return escaped.prefix(limit - 1) + "… (\(text.count) characters)"
  }
}
