import Testing

@testable import Verify

@Suite struct PerRungTests {
  struct Refused: Error {}

  /// One make per precision, whoever asks; a failed make is not stored, so it is tried again.
  @Test func makesOncePerRungAndRetriesFailures() throws {
    var made: [Int] = []
    var refuse = true
    let values = PerRung { bits -> Int in
      if bits == 128 && refuse { throw Refused() }
      made.append(bits)
      return 2 * bits
    }
    #expect(try values.value(bits: 64) == 128)
    #expect(try values.value(bits: 64) == 128)
    #expect(throws: Refused.self) { try values.value(bits: 128) }
    refuse = false
    #expect(try values.value(bits: 128) == 256)
    #expect(try values.value(bits: 256) == 512)
    #expect(try values.value(bits: 128) == 256)
    #expect(made == [64, 128, 256])
  }
}
