import CMalloc

/// How the process's allocator treats memory that claims free: kept for reuse, not handed
/// back to the kernel.
///
/// A Taylor step records a fresh tape of series (22 MB for C1b's default flow) and frees it
/// before the next step records another; a reverse-mode tape grows arrays of hundreds of
/// kilobytes and frees them. glibc's defaults return such memory to the kernel as soon as it
/// is freed (arrays above 128 KB are their own mappings, unmapped on `free`, and a free top of
/// the heap above 128 KB is trimmed), so the next step takes a page fault and a zeroed page
/// for every 4 KB it touches again: a sixth of drifting-conservative's Taylor step and of
/// transformer-depth-limit's sensitivity sweeps (`bench claims`, 206 -> 171 and 32 -> 27.5 ms). The `verify` and `bench`
/// executables call ``retainFreedMemory()`` at start-up; a library leaves the process's
/// allocator alone.
public enum FreedMemoryRetention {
  /// Allocations below this many bytes come from the heap (glibc's dynamic threshold rises
  /// only to the first large block freed; 32 MiB is its ceiling on 64-bit systems).
  public static let mappingThreshold: Int32 = 32 << 20
  /// The free top of the heap is returned to the kernel only above this many bytes.
  public static let trimThreshold: Int32 = 1 << 30

  /// Sets both thresholds (glibc's `mallopt`); false if the allocator refused either. The
  /// process's resident size then stays at its peak, which a claim reaches anyway.
  @discardableResult
  public static func retainFreedMemory() -> Bool {
    let mapping = mallopt(M_MMAP_THRESHOLD, mappingThreshold)
    let trim = mallopt(M_TRIM_THRESHOLD, trimThreshold)
    return mapping == 1 && trim == 1
  }
}
