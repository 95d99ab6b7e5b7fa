import Foundation

/// The one claim of a statement command's JSON report, its first check and its values.
struct StatementJSON {
  let claim: [String: Any]
  var check: [String: Any] { (claim["checks"] as! [[String: Any]])[0] }
  var checks: [[String: Any]] { claim["checks"] as! [[String: Any]] }
  var values: [String: Any] { claim["values"] as? [String: Any] ?? [:] }
  var controls: [[String: Any]] { check["negativeControls"] as! [[String: Any]] }

  init?(_ output: String) {
    guard
      let root = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
      let claims = root["claims"] as? [[String: Any]], claims.count == 1
    else { return nil }
    claim = claims[0]
  }
}

/// The package's `examples/` folder.
let examplesDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("examples")
