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

  /// A thread that calls a transcendental function (which fills MPFR's or Arb's thread-local caches) is
  /// enrolled, so the caches are freed when it exits; arithmetic alone fills none and is not.
  @Test func threadsThatFillMPFRCachesFreeThemAtExit() {
    func enrolled(after work: @escaping @Sendable () -> Void) -> Bool {
      final class Box: @unchecked Sendable { var work: () -> Void = {}; var enrolled = false }
      let box = Box()
      box.work = work
      var thread = pthread_t()
      let created = pthread_create(&thread, nil, { context in
        let box = Unmanaged<Box>.fromOpaque(context!).takeUnretainedValue()
        box.work()
        box.enrolled = pthread_getspecific(ThreadCaches.key) != nil
        return nil
      }, Unmanaged.passUnretained(box).toOpaque())
      #expect(created == 0)
      pthread_join(thread, nil)
      return box.enrolled
    }
    let third = BigFloat(1, precision: 1024) / 3
    #expect(enrolled { _ = BigFloat.exp(third) })
    #expect(enrolled { _ = BigFloat.pi(precision: 300) })
    #expect(enrolled { _ = BigFloat.atan2(y: third, x: third) })
    #expect(enrolled { _ = Ball.exp(Ball(third, precision: 1024)) })
    #expect(!enrolled { _ = third * third + third })
  }
}
#endif
