import Testing
@testable import Numeric

#if canImport(Glibc)
import Glibc

/// Resident set size in bytes, from /proc/self/statm.
private func residentBytes() -> Int {
  guard let file = fopen("/proc/self/statm", "r") else { return 0 }
  defer { fclose(file) }
  var size = 0
  var resident = 0
  _ = withUnsafeMutablePointer(to: &size) { s in
    withUnsafeMutablePointer(to: &resident) { r in withVaList([s, r]) { vfscanf(file, "%ld %ld", $0) } }
  }
  return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
}

@Suite struct MemoryTests {
  /// A million heap-backed BigFloats (1024 bits, ~200 bytes each) and a million Rationals are
  /// built and dropped; a leak of either would add hundreds of megabytes.
  @Test func valuesAreFreed() {
    let before = residentBytes()
    var checksum = 0
    for i in 0..<1_000_000 {
      let x = BigFloat(i, precision: 1024) / BigFloat(3, precision: 1024)
      let q = Rational(i, 7) + Rational(1, 3)
      checksum &+= (x.isZero ? 0 : 1) &+ q.signum
    }
    let growth = residentBytes() - before
    #expect(checksum == 2 * 999_999 + 1)
    #expect(growth < 64 << 20, "resident memory grew by \(growth >> 20) MiB")
  }

  /// A million 1024-bit balls (Arb allocates each midpoint's 128 bytes of limbs, beside the
  /// storage object) are built, copied, mutated and dropped: a leak would add hundreds of MiB.
  @Test func ballsAreFreed() {
    let before = residentBytes()
    var checksum = 0
    withPrecision(1024) {
      for i in 0..<1_000_000 {
        var x = Ball(i) / Ball(3)
        let copy = x
        x += copy
        checksum &+= (x.containsZero ? 0 : 1) &+ (copy.isExact ? 1 : 0)
      }
    }
    let growth = residentBytes() - before
    #expect(checksum == 999_999 + 333_334)  // x ≠ 0 for i ≠ 0; i/3 is exact where 3 divides i
    #expect(growth < 64 << 20, "resident memory grew by \(growth >> 20) MiB")
  }
}
#endif
