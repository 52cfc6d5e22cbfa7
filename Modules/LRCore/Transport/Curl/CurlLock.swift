import Synchronization

/// The lock of the curl transport's few short critical sections: a `Synchronization.Mutex`
/// guarding state that lives in the ``CurlMultiLoop`` itself (its properties marked "guarded by
/// `lock`"), not inside the mutex, because the loop thread and the calling tasks touch those
/// properties in many small places.
final class CurlLock: Sendable {
    private let mutex = Mutex(())

    /// Runs `body` with the mutex held. `body` must not block or call back into the transport.
    @inline(__always)
    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        try mutex.withLock { _ in try body() }
    }
}
