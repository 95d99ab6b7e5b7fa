/// A set of claims with unique ids, and the lookup the command line needs.
public struct Catalogue: Sendable {
  public let claims: [any Claim]

  public init(_ claims: [any Claim]) {
    for (i, claim) in claims.enumerated() {
      precondition(
        !claims[..<i].contains { $0.id == claim.id }, "claim id \(claim.id) registered twice")
    }
    self.claims = claims
  }

  /// The claims named by `ids` in the order given, without repeats; `all` selects every claim.
  ///
  /// - Throws: `UsageError` for an unknown id, suggesting the nearest known one.
  public func select(_ ids: [String]) throws(UsageError) -> [any Claim] {
    var selected: [any Claim] = []
    for id in ids {
      let matches = id == "all" ? claims : [try claim(id)]
      selected += matches.filter { match in !selected.contains { $0.id == match.id } }
    }
    return selected
  }

  /// The claim with `id`.
  ///
  /// - Throws: `UsageError` naming the nearest known id when there is one close enough.
  public func claim(_ id: String) throws(UsageError) -> any Claim {
    if let claim = claims.first(where: { $0.id == id }) { return claim }
    let hint: String
    if claims.isEmpty {
      hint = "no claims are registered yet"
    } else if let near = nearest(to: id) {
      hint = "did you mean '\(near)'? `verify list` shows all \(claims.count)"
    } else {
      hint = "`verify list` shows the \(claims.count) known claims"
    }
    throw UsageError("unknown claim '\(EchoedInput.cut(id))'; \(hint)")
  }

  /// The known id closest to `id` in edit distance, if within a third of its length (at least 2).
  func nearest(to id: String) -> String? {
    let scored = claims.map { (id: $0.id, distance: editDistance(id, $0.id)) }
    guard let best = scored.min(by: { $0.distance < $1.distance }),
      best.distance <= max(2, id.count / 3)
    else { return nil }
    return best.id
  }
}

/// The Levenshtein distance: the fewest insertions, deletions and substitutions of characters
/// that turn `a` into `b`.
func editDistance(_ a: String, _ b: String) -> Int {
  let (a, b) = (Array(a), Array(b))
  var previous = Array(0...b.count)
  for (i, character) in a.enumerated() {
    var current = [i + 1] + Array(repeating: 0, count: b.count)
    for j in b.indices {
      current[j + 1] = min(
        previous[j + 1] + 1, current[j] + 1, previous[j] + (character == b[j] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
