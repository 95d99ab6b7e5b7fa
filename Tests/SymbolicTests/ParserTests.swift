import Numeric
import Testing

@testable import Symbolic

private let x = Expr.variable("x")
private let y = Expr.variable("y")

@Test func parsesTheLanguage() throws {
  #expect(try Expr.parse("x^2 + 2*x + 1") == .pow(x, 2) + 2 * x + 1)
  #expect(try Expr.parse("-x^2") == -Expr.pow(x, 2))
  #expect(try Expr.parse("2^3^2") == 512)
  #expect(try Expr.parse("1/2/2") == Expr(Rational(1, 4)))
  #expect(try Expr.parse("3/4") == Expr(Rational(3, 4)))
  #expect(try Expr.parse(" 1.25e-1 ") == Expr(Rational(1, 8)))
  #expect(try Expr.parse("x^-2") == 1 / .pow(x, 2))
  #expect(try Expr.parse("2*pi*e") == 2 * .pi * .e)
  #expect(try Expr.parse("sqrt(x)*sigmoid(y)") == .sqrt(x) * .sigmoid(y))
  #expect(try Expr.parse("w1_2 - (w1_2)") == 0)
}

@Test func diffIsSymbolicAtParseTime() throws {
  #expect(try Expr.parse("diff(sin(x)^2, x)") == 2 * .sin(x) * .cos(x))
  #expect(try Expr.parse("diff(x^5*y, x, 3)") == 60 * .pow(x, 2) * y)
  #expect(try Expr.parse("diff(x*y, y, 0)") == x * y)
}

@Test func errorsNameThePositionAndWhatWasExpected() {
  let cases: [(String, Int, String)] = [
    ("x +", 3, "expected an expression"),
    ("sin(x", 5, "expected ')'"),
    ("foo(x)", 0, "unknown function 'foo'"),
    ("2 3", 2, "expected an operator"),
    ("1/0", 2, "division by zero"),
    ("diff(x, 2)", 0, "variable name"),
    ("diff(x, x, 99)", 0, "order k in 0...16"),
    ("sin(x, y)", 0, "takes 1 argument"),
    ("1e999999", 0, "expected a number"),
    ("x @ y", 2, "found '@'"),
    ("", 0, "found end of input"),
    ("1 + integrate(x, 2, 0, 1)", 4, "variable name x"),
    ("integrate(x, x, 0)", 0, "integrate takes (f, x, a, b)"),
    ("integrate(x, x, 0, 2*inf)", 0, "inf stands alone"),
    ("integrate(x, x, inf, inf)", 0, "same infinity"),
  ]
  for (text, position, message) in cases {
    do {
      let e = try Expr.parse(text)
      Issue.record("'\(text)' parsed as \(e)")
    } catch let error as ParseError {
      #expect(error.position == position, "'\(text)': \(error)")
      #expect(error.message.contains(message), "'\(text)': \(error)")
    } catch {
      Issue.record("'\(text)' threw \(error)")
    }
  }
}

@Test func deepNestingIsAnErrorNotACrash() throws {
  let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
  #expect(throws: ParseError.self) { try Expr.parse(deep) }
  let ok = String(repeating: "(", count: 100) + "x" + String(repeating: ")", count: 100)
  #expect(try Expr.parse(ok) == x)
}

/// Random byte strings and mutations of valid inputs: the parser returns or throws a
/// `ParseError` whose position lies within the input; it never traps.
@Test func parserSurvivesFuzzing() {
  let corpus = [
    "x^2 + 2*x + 1", "diff(sin(x)^2, x, 2)", "tanh(sin(x)*exp(x/3))", "-3/4*pi^(1/2)",
    "sqrt(abs(x - y))/(1 + e^-x)", "softplus(erf(1.5e-3*x)) - sigmoid(y)^3", "atan(asin(x/2))",
    "integrate(exp(-x^2), x, -inf, y)",
  ]
  let alphabet = Array("0123456789.eE+-*/^(),xy pi sin diff sqrt_".utf8) + [0, 0xFF, 0xC3, 0x80]
  var rng = SeededGenerator(state: 7)
  var parsed = 0
  for i in 0..<4000 {
    var bytes: [UInt8]
    if i % 4 == 0 {
      bytes = (0..<rng.int(0...30)).map { _ in UInt8(rng.int(0...255)) }
    } else {
      bytes = Array(corpus[rng.int(0...(corpus.count - 1))].utf8)
      for _ in 0..<rng.int(1...4) {
        let at = rng.int(0...bytes.count)
        switch rng.int(0...2) {
        case 0: bytes.insert(alphabet[rng.int(0...(alphabet.count - 1))], at: at)
        case 1 where at < bytes.count: bytes.remove(at: at)
        default: if at < bytes.count { bytes[at] = alphabet[rng.int(0...(alphabet.count - 1))] }
        }
      }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      _ = try Expr.parse(text)
      parsed += 1
    } catch let error as ParseError {
      #expect((0...text.utf8.count).contains(error.position), "\(text.debugDescription): \(error)")
    } catch {
      Issue.record("\(text.debugDescription) threw \(error)")
    }
  }
  // The mutations are mild enough that some inputs stay valid: both paths were exercised.
  #expect(parsed > 100 && parsed < 3900)
}

@Test func sumsAndProductsExpandWithTheirIndexBound() throws {
  #expect(try Expr.parse("sum(1/k^2, k, 1, 4)") == Expr(Rational(205, 144)))
  #expect(try Expr.parse("prod(1 + 1/k, k, 1, 9)") == 10)
  #expect(try Expr.parse("sum(x^k, k, 0, 3)") == 1 + x + .pow(x, 2) + .pow(x, 3))
  #expect(try Expr.parse("sum(x, k, 1, 0)") == 0)
  #expect(try Expr.parse("prod(x, k, 3, 2)") == 1)
  // The index is not a variable of the result; a name used outside the sum stays one.
  #expect(try Expr.parseWithVariables("sum(x^k, k, 0, 3)").variables == ["x"])
  #expect(try Expr.parseWithVariables("k + sum(k, k, 1, 2)").variables == ["k"])
  #expect(throws: ParseError.self) { try Expr.parse("sum(x, k, 0, n)") }
  #expect(throws: ParseError.self) { try Expr.parse("sum(x, 2, 0, 3)") }
  #expect(throws: ParseError.self) { try Expr.parse("sum(x, k, 0, 100000)") }
}

@Test func minMaxPowAndPolygamma() throws {
  #expect(try Expr.parse("max(x, y)") == y + .apply(.relu, x - y))
  #expect(try Expr.parse("min(x, y)") == x - .apply(.relu, x - y))
  #expect(try Expr.parse("max(3, 5, 4)") == 5)
  #expect(try Expr.parse("pow(x, y)") == .pow(x, y))
  #expect(try Expr.parse("polygamma(0, x)") == .apply(.polygamma(0), x))
  #expect(try Expr.parse("diff(lgamma(x), x, 3)") == .apply(.polygamma(2), x))
  #expect(try Expr.parse("gamma(5)") == 24)
  #expect(throws: ParseError.self) { try Expr.parse("polygamma(x, x)") }
  #expect(throws: ParseError.self) { try Expr.parse("max(x)") }
}

/// Every function prints as text the parser reads back to the same expression.
@Test func everyFunctionRoundTrips() throws {
  for f in Expr.Function.allCases + [.polygamma(4)] {
    let e = Expr.apply(f, x + y / 3)
    #expect(try Expr.parse(e.description) == e, "\(f.name): \(e.description)")
  }
}
