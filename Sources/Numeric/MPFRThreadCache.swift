import CMPFR

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// MPFR's per-thread caches, freed when their thread exits.
///
/// MPFR keeps what its transcendental functions reuse (π, ln 2 and a pool of integers) in
/// thread-local caches that only `mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE)`, called on that
/// thread, frees. Swift concurrency's worker threads exit when idle without calling it, so
/// each would leak its caches: 0.1–2 KB per thread, the "direct leaks" LeakSanitizer found in
/// `Benchmarks/leaks.sh`. So every function that may fill a cache (the transcendental
/// functions and the constants; arithmetic never does) first enrolls its thread: a
/// thread-specific value whose destructor frees the caches when the thread exits.
@usableFromInline
enum MPFRThreadCache {
  @usableFromInline static let key: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { _ in mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE) }
    precondition(status == 0, "pthread_key_create failed: \(status)")
    return key
  }()

  /// Marks the current thread, once, so that its MPFR caches are freed when it exits.
  @inlinable
  static func enroll() {
    if pthread_getspecific(key) == nil { pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1)) }
  }
}
