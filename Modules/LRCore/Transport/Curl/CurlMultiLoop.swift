import CLibCurl

/// One curl multi handle and the dedicated thread that drives it.
///
/// Why this design:
/// - **One multi handle** holds the connection pool, DNS cache and TLS session cache, so
///   consecutive transfers to a host reuse a kept-alive connection (or an HTTP/2 stream) and all
///   transfers of a transport share one `curl_multi_poll` instead of a thread each.
/// - **A dedicated OS thread**, not a task on the cooperative pool: `curl_multi_poll` blocks, and
///   blocking a Swift-concurrency thread would starve every other task. The thread sleeps in
///   `curl_multi_poll` while nothing happens; `curl_multi_wakeup` (the one multi call that is safe
///   from other threads) interrupts it when work arrives.
/// - **A lock-protected inbox**: tasks never touch the multi handle. They set up their easy handle
///   on their own thread (spreading that work over the pool), append it to ``inbox`` under
///   ``lock`` and wake the loop; cancellations travel the same way. Only the loop thread adds,
///   performs, reads and removes handles, as libcurl requires of a multi handle.
/// - **Checked continuations** bridge back: the loop resumes each waiting task exactly once (the
///   ``CurlEasyRequest/State`` machine under ``lock`` guarantees it), and the task then builds its
///   response from the transfer's buffers off the loop thread, keeping the loop's per-transfer
///   work to collecting bytes.
/// - **Lifetime**: the thread holds this loop, never the transport. The transport's `deinit` calls
///   ``shutdown()``, which stops and joins the thread; the thread's last act is
///   `curl_multi_cleanup`, which closes the pooled connections.
///
/// `@unchecked Sendable`: the properties marked "guarded by `lock`" are only touched under
/// ``lock``; the ones marked "confined to the loop thread" only on the loop thread. ``multi`` is
/// used by the loop thread only, except for `curl_multi_wakeup`, which other threads call only
/// under ``lock`` while ``multiClosed`` is `false`. ``thread`` is set once, before the loop is
/// shared, and read only by ``shutdown()``.
final class CurlMultiLoop: @unchecked Sendable {
    /// Easy handles kept for reuse; more than this many idle handles are freed.
    static let maxIdleHandles = 64

    let multi: UnsafeMutableRawPointer
    let lock = CurlLock()
    private var thread: CurlThread?

    // Guarded by `lock`:
    var inbox: [CurlEasyRequest] = []
    var cancellations: [CurlEasyRequest] = []
    var idleHandles: [CurlEasyHandle] = []
    var wakeupPending = false
    var stopRequested = false
    var multiClosed = false

    // Confined to the loop thread:
    var active: [UnsafeMutableRawPointer: CurlEasyRequest] = [:]
    var arrivals: [CurlEasyRequest] = []
    var departures: [CurlEasyRequest] = []

    /// Creates the multi handle and starts the loop thread.
    ///
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when libcurl cannot initialise or
    ///   the thread cannot start.
    static func start() throws -> CurlMultiLoop {
        try CurlGlobal.ensureInitialized()
        guard let multi = curl_multi_init() else {
            throw LoginRadiusError.invalidConfiguration("CurlTransport: curl_multi_init failed (out of memory)")
        }
        let loop = CurlMultiLoop(multi: multi)
        loop.thread = try CurlThread.start(name: "lr-curl-loop") { loop.run() }
        return loop
    }

    private init(multi: UnsafeMutableRawPointer) {
        self.multi = multi
    }

    deinit {
        // Only when the thread never started; otherwise the thread closed the handle.
        if !multiClosed { curl_multi_cleanup(multi) }
    }

    /// The kernel id of the loop thread (Linux), for tests.
    var threadKernelID: Int { thread?.kernelID ?? 0 }

    /// Stops the thread, fails whatever is still pending, closes the multi handle and waits for
    /// the thread to end.
    func shutdown() {
        lock.withLock {
            stopRequested = true
            wakeLocked()
        }
        guard let thread else { return }
        if thread.isCurrent { thread.detach() } else { thread.join() }
    }

    /// Interrupts `curl_multi_poll` once per batch of work. Call under ``lock``.
    func wakeLocked() {
        guard !wakeupPending, !multiClosed else { return }
        wakeupPending = true
        curl_multi_wakeup(multi)
    }

    // MARK: Easy handle pool

    /// A reset easy handle, from the pool or new.
    ///
    /// - Throws: ``LoginRadiusError/transport(_:)`` (`.other`) when libcurl is out of memory.
    func acquireHandle() throws -> CurlEasyHandle {
        if let handle = lock.withLock({ idleHandles.popLast() }) {
            handle.reset()
            return handle
        }
        guard let handle = CurlEasyHandle() else {
            throw LoginRadiusError.transport(
                TransportFailure(
                    kind: .other, code: Int(CURLE_OUT_OF_MEMORY.rawValue),
                    message: "curl_easy_init failed", mayHaveReachedServer: false)
            )
        }
        return handle
    }

    /// Returns a handle that is in no multi handle to the pool. Call under ``lock``.
    func recycleLocked(_ handle: CurlEasyHandle) {
        if idleHandles.count < Self.maxIdleHandles, !multiClosed { idleHandles.append(handle) }
    }

    /// Returns a handle that was never submitted (its setup failed).
    func recycle(_ handle: CurlEasyHandle) {
        lock.withLock { recycleLocked(handle) }
    }
}
