import Foundation
import Numeric
import TOMLKit

/// A claim written as a TOML file (`verify check FILE.toml`): an id and title, optional
/// rational parameters with ranges (`--set` overrides them), and statements in the expression
/// language, each an `[[check]]` table of kind `identity`, `inequality`, `rate` or `critical`
/// with the options of the subcommand of that name. Every error names the file and line.
///
/// ```toml
/// id = "tanh-facts"
/// title = "Two facts about tanh"
///
/// [parameters]
/// a = { default = "1", range = "1/2..2", help = "slope inside tanh" }
///
/// [[check]]
/// kind = "identity"
/// statement = "diff(tanh(a*x), x) = a*(1 - tanh(a*x)^2)"
/// range = { x = "-3..3" }
///
/// [[check]]
/// kind = "inequality"
/// statement = "tanh(x) <= x"
/// range = { x = "0..4" }
/// ```
public enum ClaimFile {
  /// The keys of each table, for a message that names a misspelt one.
  static let topKeys = ["id", "title", "statement", "source", "parameters", "check"]
  static let checkKeys: [String: [String]] = [
    "identity": ["statement", "range", "samples"],
    "inequality": ["statement", "range", "samples"],
    "rate": ["expression", "variable", "to", "expect", "tolerance", "from", "ratio", "points"],
    "critical": ["function", "at", "inertia"],
  ]

  /// The claim in the file at `path`.
  ///
  /// - Throws: `UsageError` `PATH:LINE: what is wrong` for a file that cannot be read, is not
  ///   TOML, or does not describe a claim.
  public static func load(_ path: String) throws(UsageError) -> StatementClaim {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: path)
    else { throw UsageError("cannot read the claim file '\(EchoedInput.cut(path))'") }
    guard let text = String(data: data, encoding: .utf8) else {
      throw UsageError("the claim file '\(EchoedInput.cut(path))' is not UTF-8 text")
    }
    return try parse(text, path: path)
  }

  /// The claim `text` describes; `path` names it in errors and in the reproducing command.
  public static func parse(_ text: String, path: String) throws(UsageError) -> StatementClaim {
    let reader = Reader(path: path, lines: SourceLines(text))
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw reader.error(at: error.source.begin.line, error.description)
    } catch {
      throw reader.error(at: 1, "\(error)")
    }
    try reader.allow(root, "", topKeys)
    let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let id = try reader.string(root, "", "id") ?? stem
    guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
      throw reader.error("", "id", "the id '\(EchoedInput.cut(id))' must be letters, digits, - and _")
    }
    let parameters = try reader.parameters(root)
    guard let checks = root["check"]?.array, !checks.isEmpty else {
      throw reader.error(at: 1, "no statements: add [[check]] tables with kind = \"identity\", "
        + "\"inequality\", \"rate\" or \"critical\"")
    }
    var statements: [any Statement] = []
    var counts: [String: Int] = [:]
    for (index, value) in checks.enumerated() {
      let table = "check#\(index)"
      guard let check = value.table else { throw reader.error(table, nil, "a [[check]] must be a table") }
      guard let kind = try reader.string(check, table, "kind"), let allowed = checkKeys[kind] else {
        throw reader.error(
          table, "kind", "each [[check]] needs kind = \"identity\", \"inequality\", \"rate\" or \"critical\"")
      }
      try reader.allow(check, table, ["kind", "id"] + allowed)
      counts[kind, default: 0] += 1
      let statementID = try reader.string(check, table, "id") ?? "\(kind)-\(counts[kind]!)"
      guard !statements.contains(where: { $0.id == statementID }) else {
        throw reader.error(table, "id", "two statements have the id \(statementID); give each its own id")
      }
      let statement = try reader.statement(kind, id: statementID, check, table)
      if let unknown = statement.parameterNames.first(where: { name in !parameters.contains { $0.name == name } }) {
        throw reader.error(
          table, allowed[0],
          "'\(EchoedInput.cut(unknown))' is neither a variable of this statement (give its range) nor a "
            + "parameter" + (parameters.isEmpty ? "" : " (\(parameters.map(\.name).joined(separator: ", ")))"))
      }
      statements.append(statement)
    }
    let source = try reader.source(root)
    let title = try reader.string(root, "", "title") ?? id
    let statement = try reader.string(root, "", "statement")
      ?? "The statements of `\(path)`, each with its built-in negative control."
    do throws(UsageError) {
      return try StatementClaim(
        id: id, title: title, source: source, statement: statement, parameters: parameters,
        statements: statements, invocation: "swift run verify check \(shellQuoted(path))")
    } catch {
      throw reader.error(at: 1, error.message)
    }
  }
}

/// Reads typed values out of the file's tables, turning each problem into `PATH:LINE: …`.
private struct Reader {
  let path: String
  let lines: SourceLines

  func error(at line: Int, _ message: String) -> UsageError { UsageError("\(path):\(line): \(message)") }

  func error(_ table: String, _ key: String?, _ message: String) -> UsageError {
    error(at: lines.line(table, key), message)
  }

  /// Rejects a key outside `allowed`, naming the valid ones.
  func allow(_ t: TOMLTable, _ table: String, _ allowed: [String]) throws(UsageError) {
    if let unknown = t.keys.sorted().first(where: { !allowed.contains($0) }) {
      throw error(
        table, unknown, "unknown key '\(EchoedInput.cut(unknown))'; valid here: " + allowed.joined(separator: ", "))
    }
  }

  func string(_ t: TOMLTable, _ table: String, _ key: String) throws(UsageError) -> String? {
    guard let value = t[key] else { return nil }
    guard let text = value.string else { throw error(table, key, "\(key) must be a string") }
    return text
  }

  func required(_ t: TOMLTable, _ table: String, _ key: String) throws(UsageError) -> String {
    guard let text = try string(t, table, key) else { throw error(table, nil, "this table needs \(key) = \"...\"") }
    return text
  }

  func integer(_ t: TOMLTable, _ table: String, _ key: String) throws(UsageError) -> Int? {
    guard let value = t[key] else { return nil }
    guard let n = value.int else { throw error(table, key, "\(key) must be an integer") }
    return n
  }

  /// An integer, or a string with a rational (`"1/2"`, `"1e-3"`): a TOML float would not be exact.
  func rational(_ t: TOMLTable, _ table: String, _ key: String) throws(UsageError) -> Rational? {
    guard let value = t[key] else { return nil }
    if let n = value.int { return Rational(n) }
    guard let text = value.string, let q = NumberSyntax.rational(Substring(text)) else {
      throw error(
        table, key, "\(key) must be an integer or a string holding \(NumberSyntax.rationalForms) "
          + "(a TOML float would not be read exactly)")
    }
    return q
  }

  /// `{ x = "-1..1", y = "0..2" }`, the variables in alphabetical order.
  func box(_ t: TOMLTable, _ table: String, _ key: String) throws(UsageError) -> VariableBox {
    guard let value = t[key] else { return try VariableBox([]) }
    guard let ranges = value.table else {
      throw error(table, key, "\(key) must be a table of ranges, such as { x = \"-1..1\" }")
    }
    do throws(UsageError) {
      return try VariableBox(
        try ranges.keys.sorted().map { name throws(UsageError) in
          guard let text = ranges[name]?.string else {
            throw UsageError("the range of \(name) must be a string \"a..b\"")
          }
          return (name, try VariableBox.interval(Substring(text), of: name))
        })
    } catch {
      throw self.error(table, key, error.message)
    }
  }

  func statement(
    _ kind: String, id: String, _ t: TOMLTable, _ table: String
  ) throws(UsageError) -> any Statement {
    let key = ClaimFile.checkKeys[kind]![0]
    let text = try required(t, table, key)
    let box = try self.box(t, table, "range")
    let samples = try integer(t, table, "samples")
    do throws(UsageError) {
      switch kind {
      case "identity":
        return try IdentityStatement(
          id: id, text, box: box, samples: samples ?? IdentityStatement.defaultSamples)
      case "inequality":
        return try InequalityStatement(
          id: id, text, box: box, samples: samples ?? InequalityStatement.defaultSamples)
      case "rate":
        let limitText = try string(t, table, "to") ?? "0"
        guard let limit = RateStatement.Limit(rawValue: limitText) else {
          throw error(table, "to", "to must be \"0\" or \"inf\", got '\(EchoedInput.cut(limitText))'")
        }
        guard let exponent = try rational(t, table, "expect") else {
          throw error(table, nil, "a rate needs expect = the claimed exponent, such as \"2\" or \"-1/2\"")
        }
        return try RateStatement(
          id: id, text, variable: try required(t, table, "variable"), limit: limit,
          exponent: exponent, tolerance: try rational(t, table, "tolerance") ?? RateStatement.defaultTolerance,
          from: try rational(t, table, "from"), ratio: try rational(t, table, "ratio"),
          points: try integer(t, table, "points") ?? RateStatement.defaultPoints)
      default:
        guard let at = t["at"]?.table else {
          throw error(table, "at", "a critical point needs at = { x = \"0\", ... }, the point")
        }
        let point = try at.keys.sorted().map { name throws(UsageError) in
          guard let value = at[name]?.string ?? at[name]?.int.map(String.init) else {
            throw error(table, "at", "the value of \(name) must be a string holding a constant expression")
          }
          return (name: name, value: value)
        }
        let claimed = try CriticalStatement.Claimed.parse(try string(t, table, "inertia") ?? "any")
        return try CriticalStatement(id: id, text, at: point, claimed: claimed)
      }
    } catch let error where error.message.hasPrefix(path + ":") {
      throw error
    } catch {
      throw self.error(table, key, error.message)
    }
  }

  /// `[parameters]`: each a table `{ default = "1", range = "0..2", help = "..." }`.
  func parameters(_ root: TOMLTable) throws(UsageError) -> [Parameter<Rational>] {
    guard let value = root["parameters"] else { return [] }
    guard let tables = value.table else { throw error("", "parameters", "parameters must be a table") }
    return try tables.keys.sorted().map { name throws(UsageError) in
      let table = "parameters.\(name)"
      guard name.first?.isLetter == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
        throw error(table, nil, "a parameter's name is a letter then letters, digits or _, got '\(EchoedInput.cut(name))'")
      }
      guard let entry = tables[name]?.table else {
        throw error(table, nil, "parameter \(name) must be a table { default = \"...\", range = \"a..b\" }")
      }
      try allow(entry, table, ["default", "range", "help"])
      guard let rangeText = try string(entry, table, "range") else {
        throw error(table, nil, "parameter \(name) needs range = \"a..b\"")
      }
      let range: ClosedRange<Rational>
      do throws(UsageError) {
        range = try VariableBox.interval(Substring(rangeText), of: name)
      } catch {
        throw self.error(table, "range", error.message)
      }
      guard let value = try rational(entry, table, "default") else {
        throw error(table, nil, "parameter \(name) needs default = a value in its range")
      }
      guard range.contains(value) else {
        throw error(table, "default", "the default \(value) of \(name) is outside its range \(rangeText)")
      }
      return .rational(name, default: value, in: range, help: try string(entry, table, "help") ?? "")
    }
  }

  func source(_ root: TOMLTable) throws(UsageError) -> Source {
    guard let value = root["source"] else {
      return Source(title: "claim file", arxiv: "", location: "`\(path)`")
    }
    guard let t = value.table else { throw error("", "source", "source must be a table { title, arxiv, location }") }
    try allow(t, "source", ["title", "arxiv", "location"])
    return Source(
      title: try string(t, "source", "title") ?? "claim file", arxiv: try string(t, "source", "arxiv") ?? "",
      location: try string(t, "source", "location") ?? "`\(path)`")
  }
}
