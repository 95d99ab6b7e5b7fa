import Foundation

/// Where keys sit in a TOML claim file, for error messages that name the line: TOMLKit gives
/// positions for syntax errors only, so this scan of the text finds the line of each table
/// header and each `key =` under it. It follows what claim files use (tables, arrays of tables,
/// inline tables on one line, multi-line strings); a key it cannot place falls back to its
/// table's header, then to line 1.
struct SourceLines {
  /// A table: `""` for the top level, `parameters`, `parameters.beta`, or `check#3` for the
  /// fourth `[[check]]`.
  private var headers: [String: Int] = [:]
  private var keys: [String: Int] = [:]

  init(_ text: String) {
    var table = ""
    var checks = 0
    var inString = false
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = index + 1
      let quotes = raw.components(separatedBy: "\"\"\"").count - 1
      defer { if quotes % 2 == 1 { inString.toggle() } }
      if inString { continue }
      let text = raw.trimmingCharacters(in: .whitespaces)
      if text.hasPrefix("[[") {
        let name = text.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
        table = name == "check" ? "check#\(checks)" : name
        if name == "check" { checks += 1 }
        headers[table] = line
      } else if text.hasPrefix("[") {
        table = text.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
        headers[table] = line
      } else if let equals = text.firstIndex(of: "="), !text.hasPrefix("#") {
        let key = text[..<equals].trimmingCharacters(in: .whitespaces)
          .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        let path = table.isEmpty ? key : "\(table).\(key)"
        if keys[path] == nil { keys[path] = line }
      }
    }
  }

  /// The line of `key` in `table` (a parameter's inline table, `parameters.beta`, is found as
  /// the key `beta` of `parameters` as well).
  func line(_ table: String, _ key: String? = nil) -> Int {
    if let key {
      let path = table.isEmpty ? key : "\(table).\(key)"
      if let line = keys[path] ?? headers[path] { return line }
    }
    if let line = headers[table] ?? keys[table] { return line }
    if let dot = table.lastIndex(of: ".") { return line(String(table[..<dot]), String(table[table.index(after: dot)...])) }
    return 1
  }
}
