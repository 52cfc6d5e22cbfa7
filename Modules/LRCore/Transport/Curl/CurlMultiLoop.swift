import CLibCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// One curl multi handle and the dedicated thread that drives it.
///
/// Two drivers share this type's state, its handle pool and its transfer bookkeeping:
/// - **Linux**: libcurl's socket interface over epoll (`CurlMultiLoop+SocketAction.swift`). The
///   loop thread sleeps in `epoll_wait`, outside libcurl, so a task submitting while it sleeps
///   with nothing in flight adds and starts its transfer itself under ``lock`` and only the reply
///   wakes the thread: one thread hand-off per call fewer than below. Otherwise (under load)
///   submissions queue in ``inbox`` as below, waking a sleeping thread once per sleep. Everything marked "confined to the loop thread"
///   is then guarded by ``lock`` instead; ``polling`` and `curl_multi_wakeup` are not used.
/// - **Elsewhere**: the `curl_multi_poll` loop described here (`CurlMultiLoop+Run.swift`,
///   `CurlMultiLoop+Submit.swift`); also on Linux in a build with `-Xswiftc -DLR_CURL_POLL_LOOP`,
///   which `make bench` uses to measure the two drivers side by side.
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
///   ``lock`` and wake the loop if it sleeps; cancellations travel the same way. Only the loop
///   thread adds, performs, reads and removes handles, as libcurl requires of a multi handle.
/// - **Wake-ups only for a sleeping loop**: a wake-up is a syscall on the caller's thread and
///   another on the loop's, so the loop announces, under ``lock``, when it is about to block in
///   `curl_multi_poll` (``polling``), and only then does a submitter wake it, at most once per
///   sleep (``wakeupSent``), and outside the lock. The loop sets ``polling`` only after finding
///   the inbox and the cancellations empty under that same lock, so work queued before is taken
///   without blocking and work queued after sees the flag and wakes it: no wake-up is lost. A
///   wake-up sent just before the loop enters `curl_multi_poll` is not lost either: it leaves the
///   wake-up socket readable, and the poll returns at once. A busy loop (transfers completing,
///   new ones arriving) takes new work on its next iteration without any wake-up.
/// - **Continuations** bridge back: the loop resumes each waiting task exactly once (the
///   ``CurlEasyRequest/State`` machine under ``lock`` guarantees it), and the task then builds its
///   response from the transfer's buffers off the loop thread, keeping the loop's per-transfer
///   work to collecting bytes. The transfers finished in one iteration are handed out under one
///   lock and resumed after it is released.
/// - **Lifetime**: the thread holds this loop, never the transport. ``requestStop()`` (from the
///   transport's `shutdown()` or its `deinit`) only asks the thread to stop and never waits; the
///   thread then fails what is pending, runs `curl_multi_cleanup` (closing the pooled connections)
///   and, as its last act, resumes the tasks waiting in ``waitUntilClosed()``. No caller blocks
///   on the thread: it is detached, never joined.
///
/// `@unchecked Sendable`: the properties marked "guarded by `lock`" are only touched under
/// ``lock``; the ones marked "confined to the loop thread" only on the loop thread. ``multi`` is
/// used by the loop thread only, except for `curl_multi_wakeup`, the one multi call libcurl allows
/// from other threads. It must never run after the loop thread's `curl_multi_cleanup`: ``cancel(_:)``
/// and ``shutdown()`` call it under ``lock`` while ``multiClosed`` is `false`; ``submit(_:continuation:)``
/// calls it under the lock too, having seen ``stopRequested`` `false` there (a stop may be
/// requested at any time by an explicit shutdown). ``thread`` is set once, before the loop is shared.
final class CurlMultiLoop: @unchecked Sendable {
    /// Easy handles kept for reuse; more than this many idle handles are freed.
    static let maxIdleHandles = 64
    /// Connections the multi handle keeps open (`CURLMOPT_MAXCONNECTS`). Without it libcurl
    /// bounds its pool by four times the transfers attached at the moment a connection comes
    /// back, so when a burst of completions leaves few attached it closes connections that the
    /// next submissions open again (measured at 32 in flight: one `connect` every 30 calls).
    /// libcurl counts the connections in use against the bound too: at 64, 128 calls in flight
    /// closed a connection on most completions (0.4 `connect` per call, and over TLS a handshake
    /// each). The pool never holds more connections than were once in use at the same time, so
    /// the bound is only a ceiling for extreme bursts.
    static let maxCachedConnections = 1024

    let multi: UnsafeMutableRawPointer
    let lock = CurlLock()
    /// Guards the easy-handle pool only. A call takes a handle before it submits and reads its
    /// reply after it was resumed; with ``lock`` for both, those calls waited (a futex sleep and
    /// wake-up each) while the loop thread held ``lock`` for libcurl's work on the other
    /// transfers, which under load it nearly always does. Taken inside ``lock``, never around it.
    let poolLock = CurlLock()
    /// On Linux: guards what a submitting or cancelling task and the loop thread share besides
    /// the multi handle (``inbox``, the sleep flags, the transfers' states), so that a call can
    /// queue its transfer while the loop thread holds ``lock`` for libcurl's work. Taken inside
    /// ``lock`` or alone, never around it. ``stopRequested`` and ``multiClosed`` are written
    /// under both and may be read under either. Unused by the `curl_multi_poll` loop, where
    /// ``lock`` guards all of it.
    let queueLock = CurlLock()
    /// The transport's options, which every new easy handle gets once.
    let settings: CurlTransferSettings
    /// Longest sleep in `curl_multi_poll` when nothing is due (see ``defaultIdlePollMilliseconds``).
    let idlePollMilliseconds: Int32
    private var thread: CurlThread?
    /// Sees every socket of this loop's connections; outlives them (libcurl calls it until
    /// `curl_multi_cleanup` has closed the last one).
    let connectionGuard = CurlConnectionGuard()

    // Guarded by `lock` (on Linux: `inbox`, `wakeupSent`, `wakeupsSent` by `queueLock`;
    // `stopRequested` and `multiClosed` by both, see ``queueLock``):
    var inbox: [CurlEasyRequest] = []
    var cancellations: [CurlEasyRequest] = []
    /// The loop thread found nothing to take and is blocked in `curl_multi_poll`, or about to be.
    var polling = false
    /// A wake-up was sent since ``polling`` was set: later submitters need not send another.
    var wakeupSent = false
    var stopRequested = false
    var multiClosed = false
    /// The thread has closed the multi handle and is about to end.
    var threadFinished = false
    /// Tasks waiting in ``waitUntilClosed()``.
    var closeWaiters: [CheckedContinuation<Void, Never>] = []
    // Guarded by `poolLock`:
    var idleHandles: [CurlEasyHandle] = []
    /// Easy handles created so far (for tests: a pooled handle is reused, not re-created).
    var handlesCreated = 0

    // Guarded by `lock`:
    /// Wake-ups sent to the loop thread so far (for tests: a call on a kept-alive connection
    /// sends none on Linux).
    var wakeupsSent = 0

    #if os(Linux) && !LR_CURL_POLL_LOOP
        /// The epoll instance the loop thread sleeps in: libcurl's sockets (added and changed by
        /// ``CurlMultiLoop/socketCallback`` from whichever thread drives the multi handle) and
        /// ``wakeEvent``. Set once in ``start(settings:idlePollMilliseconds:)``.
        var epoll: Int32 = -1
        /// An eventfd that ends the loop thread's `epoll_wait` early (a stop).
        var wakeEvent: Int32 = -1
        /// A timerfd in the epoll set, armed for libcurl's next timer: whichever thread drives
        /// libcurl arms it (a syscall, not a wake-up), and it wakes the loop thread when due.
        var timerEvent: Int32 = -1
        // Guarded by `lock`:
        /// When ``timerEvent`` fires (monotonic milliseconds); `nil` when it is not armed. Only
        /// an earlier timer re-arms it; firing early for a timer libcurl moved later is harmless.
        var armedDeadline: Int64?
        // Guarded by `queueLock`:
        /// The loop thread is in `epoll_wait`, or about to be (a stop must wake it).
        var loopSleeping = false
        /// …with nothing in flight or queued: the next submitter starts its transfer itself
        /// (and clears this, so that only one does at a time).
        var idleSleep = false
    #endif

    // Confined to the loop thread (on Linux: guarded by `lock`):
    var active: [UnsafeMutableRawPointer: CurlEasyRequest] = [:]
    var arrivals: [CurlEasyRequest] = []
    var departures: [CurlEasyRequest] = []
    /// Transfers finished in this iteration, handed out together by `handOutFinished`.
    var finished: [FinishedTransfer] = []

    /// A transfer the loop is done with, the result for its task, and (once taken under the lock)
    /// the continuation to resume.
    struct FinishedTransfer {
        let transfer: CurlEasyRequest
        let result: Result<CurlCompletion, any Error>
        var continuation: CurlContinuation?
    }

    /// Longest sleep in `curl_multi_poll` when nothing is due, in milliseconds. libcurl shortens it
    /// to its own next timeout, and `curl_multi_wakeup` ends it early, so this only bounds how long
    /// an idle thread sleeps between checks.
    static let defaultIdlePollMilliseconds: Int32 = 5_000

    /// Creates the multi handle and starts the loop thread.
    ///
    /// - Parameters:
    ///   - settings: The options every easy handle of this loop gets once.
    ///   - idlePollMilliseconds: Longest sleep when nothing is due; tests make it long, so that a
    ///     lost wake-up would show as a hang instead of a short delay.
    /// - Returns: The running loop.
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when libcurl cannot initialise or
    ///   the thread cannot start.
    static func start(
        settings: CurlTransferSettings, idlePollMilliseconds: Int32 = defaultIdlePollMilliseconds
    ) throws -> CurlMultiLoop {
        try CurlGlobal.ensureInitialized()
        guard let multi = curl_multi_init() else {
            throw LoginRadiusError.invalidConfiguration("CurlTransport: curl_multi_init failed (out of memory)")
        }
        let loop = CurlMultiLoop(multi: multi, settings: settings, idlePollMilliseconds: idlePollMilliseconds)
        _ = lr_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.maxCachedConnections) // a bound, not a must
        #if os(Linux) && !LR_CURL_POLL_LOOP
            try loop.prepareSocketAction()
        #endif
        loop.thread = try CurlThread.start(name: "lr-curl-loop") {
            loop.run()
            loop.announceFinished()
        }
        return loop
    }

    private init(multi: UnsafeMutableRawPointer, settings: CurlTransferSettings, idlePollMilliseconds: Int32) {
        self.multi = multi
        self.settings = settings
        self.idlePollMilliseconds = max(1, idlePollMilliseconds)
    }

    deinit {
        // Only when the thread never started; otherwise the thread closed the handle.
        if !multiClosed { curl_multi_cleanup(multi) }
        #if os(Linux) && !LR_CURL_POLL_LOOP
            if !multiClosed {
                closeDescriptors()
            }
        #endif
    }

    /// The kernel id of the loop thread (Linux), for tests.
    var threadKernelID: Int { thread?.kernelID ?? 0 }

    /// Asks the thread to stop: it fails whatever is still pending with
    /// ``LoginRadiusError/Code/shutDown`` and closes the multi handle. Returns at once.
    func requestStop() {
        lock.withLock {
            queueLock.withLock {
                stopRequested = true // a loop not polling sees it before it would block
                wakeLocked()
            }
        }
    }

    /// Returns once the thread has closed the multi handle (and so every connection) and is
    /// ending; at once when it already has. Suspends; never blocks a thread.
    func waitUntilClosed() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finished = lock.withLock {
                if threadFinished { return true }
                closeWaiters.append(continuation)
                return false
            }
            if finished { continuation.resume() }
        }
    }

    /// The thread's last act: wakes the tasks waiting in ``waitUntilClosed()``.
    func announceFinished() {
        let waiters = lock.withLock {
            threadFinished = true
            defer { closeWaiters.removeAll() }
            return closeWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Whether a submitter must wake the loop, noting that it will: `true` at most once per sleep.
    /// Call under ``lock``, after queueing the work.
    func claimWakeupLocked() -> Bool {
        guard polling, !wakeupSent, !multiClosed else { return false }
        wakeupSent = true
        wakeupsSent += 1
        return true
    }

    #if os(Linux) && !LR_CURL_POLL_LOOP
        /// Ends the loop thread's `epoll_wait` if it sleeps there and nobody woke it yet. Call
        /// under ``queueLock`` (the eventfd is closed only after ``multiClosed`` was set under it).
        func wakeLocked() {
            guard loopSleeping, !wakeupSent, !multiClosed else { return }
            wakeupSent = true
            wakeupsSent += 1
            lr_eventfd_signal(wakeEvent)
        }
    #else
        /// Interrupts `curl_multi_poll` if the loop sleeps there, from under ``lock`` (for the rare
        /// callers that cannot rule out a concurrent close; see the type's documentation).
        func wakeLocked() {
            if claimWakeupLocked() { curl_multi_wakeup(multi) }
        }
    #endif

    // MARK: Easy handle pool

    /// An easy handle with this loop's fixed options, from the pool or new.
    ///
    /// - Throws: ``LoginRadiusError/transport(_:)`` (`.other`) when libcurl is out of memory or
    ///   refuses an option.
    func acquireHandle() throws -> CurlEasyHandle {
        if let handle = poolLock.withLock({ idleHandles.popLast() }) { return handle }
        guard let handle = CurlEasyHandle() else {
            throw LoginRadiusError.transport(
                TransportFailure(
                    kind: .other, message: "curl_easy_init failed", mayHaveReachedServer: false,
                    curlCode: Int(CURLE_OUT_OF_MEMORY.rawValue))
            )
        }
        try handle.configureFixedOptions(settings) // on failure the handle is freed, never pooled
        try handle.installConnectionGuard(connectionGuard)
        poolLock.withLock { handlesCreated += 1 }
        return handle
    }

    /// Returns a handle that is in no multi handle to the pool (`nil`: none, but order the
    /// transfer's buffers all the same, see ``synchronizeWithLoop()``). Call under ``lock``.
    func recycleLocked(_ handle: CurlEasyHandle?) {
        let open = !multiClosed
        poolLock.withLock {
            if let handle, open, idleHandles.count < Self.maxIdleHandles { idleHandles.append(handle) }
        }
    }

    /// Returns a handle that was never submitted (its setup failed).
    func recycle(_ handle: CurlEasyHandle) {
        lock.withLock { recycleLocked(handle) }
    }
}
