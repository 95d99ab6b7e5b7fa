import CArb
import CMPFR

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// MPFR's and Arb's per-thread caches, freed when their thread exits.
///
/// Both libraries keep what their transcendental functions reuse (π, ln 2, MPFR's pool of
/// integers, Arb's constants) in thread-local caches that only a call on that thread frees:
/// `mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE)` and `flint_cleanup()`. Swift concurrency's worker
/// threads exit when idle without either, so each would leak its caches: 0.1–2 KB per thread,
/// the "direct leaks" LeakSanitizer found in `Benchmarks/leaks.sh`. So every function that
/// may fill a cache (the transcendental functions and the constants; arithmetic never does)
/// first enrolls its thread: a thread-specific value whose destructor frees the caches when
/// the thread exits.
@usableFromInline
enum ThreadCaches {
  @usableFromInline static let key: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { _ in
      mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE)
      flint_cleanup()
    }
    precondition(status == 0, "pthread_key_create failed: \(status)")
    return key
  }()

  /// Marks the current thread, once, so that its caches are freed when it exits.
  @inlinable
  static func enroll() {
    if pthread_getspecific(key) == nil { pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1)) }
  }
}
