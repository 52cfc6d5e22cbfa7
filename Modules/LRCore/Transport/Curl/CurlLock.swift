#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain `pthread_mutex_t` on the heap (so it never moves), for the few short critical sections
/// of the curl transport.
///
/// Why not `Synchronization.Mutex` (the package requires macOS 15, so it is available): on Linux
/// it locks with futex system calls inside the uninstrumented standard library, so
/// ThreadSanitizer cannot see its happens-before edges. This lock guards state stored outside it
/// (the loop's properties marked "guarded by `lock`"), and with `Mutex<Void>` `make check`
/// reported every such access as a race. `pthread_mutex_lock` is intercepted by the sanitizers,
/// so the transport's real races, if any, stay visible. (`NSLock` would work too, but drags
/// Foundation onto the hot path.) It is `@unchecked Sendable` because the mutex itself is the
/// synchronisation: every access to the protected state goes through ``withLock(_:)``.
final class CurlLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let result = pthread_mutex_init(mutex, nil)
        precondition(result == 0, "pthread_mutex_init failed: \(result)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the mutex held. `body` must not block or call back into the transport.
    @inline(__always)
    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
