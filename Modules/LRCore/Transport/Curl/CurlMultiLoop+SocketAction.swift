#if os(Linux) && !LR_CURL_POLL_LOOP
    import CLibCurl

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Musl)
        import Musl
    #endif

    /// The Linux loop: libcurl's socket interface (`curl_multi_socket_action`) over epoll, so that
    /// a call costs one thread hand-off fewer.
    ///
    /// With `curl_multi_poll` only the loop thread may touch the multi handle, because it sleeps
    /// inside libcurl: a task queues its transfer and wakes the thread, which adds it and writes
    /// the request, then sleeps again until the reply (two wake-ups of the loop thread per call,
    /// plus the one that resumes the task). Here the loop thread sleeps in `epoll_wait` on the
    /// sockets libcurl reports through `CURLMOPT_SOCKETFUNCTION`, outside libcurl, so the multi
    /// handle is free between its turns and is driven under ``CurlMultiLoop/lock`` by whichever
    /// thread has work:
    /// - **A submitting task, while the loop thread sleeps with nothing in flight**, adds its
    ///   easy handle and runs libcurl's due timers itself
    ///   (`curl_multi_socket_action(CURL_SOCKET_TIMEOUT)`): on a kept-alive connection that
    ///   writes the request at once, on a new one it starts connecting. The sockets it registers or
    ///   changes go into the epoll set, and libcurl's next timer (the transfer's timeout) into a
    ///   timerfd in that set: `epoll_ctl` and `timerfd_settime` take effect in a running
    ///   `epoll_wait`, so the loop thread is not woken to start the transfer.
    /// - **A submitting task while other transfers are in flight** queues its transfer in
    ///   ``CurlMultiLoop/inbox`` as with the `curl_multi_poll` loop, under
    ///   ``CurlMultiLoop/queueLock`` only (never waiting for the loop thread's turn on
    ///   ``CurlMultiLoop/lock``: measured at 32 in flight, those waits were a fifth of the
    ///   process's context switches), and wakes the loop thread only if it sleeps (once per
    ///   sleep); the loop takes the whole queue before it sleeps again. Measured: letting every submitter drive libcurl at 32 in flight made the
    ///   pool threads and the loop thread take turns on the lock and each submission run libcurl's
    ///   timer pass on its own; that halved throughput against the `curl_multi_poll` loop, even
    ///   when submitters queued while the loop was awake. Under load the loop is woken anyway by
    ///   the replies, so the hand-off saved is the idle one: a call that finds nothing in flight.
    /// - **The loop thread** wakes when a socket is ready (the reply), when the timerfd fires
    ///   (libcurl's timer), or through ``CurlMultiLoop/wakeEvent`` (a stop). It acts on the ready
    ///   sockets and the due timers, collects finished transfers and resumes their tasks outside
    ///   the lock. When nothing is left in flight it announces its sleep before resuming them, so
    ///   that a resumed task's next call finds it asleep and starts its own transfer (otherwise
    ///   the task often beat the thread back to the lock and queued its transfer for it: a second
    ///   thread woken for that call).
    /// - **A cancelling task** removes its transfer from the multi handle itself.
    ///
    /// The lock is held for libcurl's non-blocking work only (no call here waits: sockets are
    /// non-blocking, name resolution runs on libcurl's resolver threads), so a cooperative-pool
    /// thread never waits on the network; it may wait on the lock for another thread's turn.
    /// libcurl's callbacks (socket, data, the connection guard's) run inside those turns, on the
    /// driving thread: they take no lock of the loop's. `SIGPIPE` stays harmless off the loop
    /// thread: libcurl sends with `MSG_NOSIGNAL` (also under TLS, through its own socket filter).
    extension CurlMultiLoop {
        /// Creates the epoll set and the wake-up eventfd, and routes libcurl's socket
        /// registrations to the epoll set. Before the loop thread starts.
        ///
        /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when the system refuses either.
        func prepareSocketAction() throws {
            epoll = lr_epoll_create()
            wakeEvent = lr_eventfd_create()
            timerEvent = lr_timerfd_create()
            guard epoll >= 0, wakeEvent >= 0, timerEvent >= 0, lr_epoll_watch(epoll, wakeEvent, CURL_POLL_IN) == 0,
                lr_epoll_watch(epoll, timerEvent, CURL_POLL_IN) == 0
            else {
                closeDescriptors()
                throw LoginRadiusError.invalidConfiguration("CurlTransport: epoll, eventfd or timerfd unavailable")
            }
            let this = Unmanaged.passUnretained(self).toOpaque() // the thread keeps the loop alive
            guard lr_curl_multi_setopt_socket_function(multi, Self.socketCallback) == CURLM_OK,
                lr_curl_multi_setopt_socket_data(multi, this) == CURLM_OK
            else {
                closeDescriptors()
                throw LoginRadiusError.invalidConfiguration("CurlTransport: libcurl lacks the socket interface")
            }
        }

        func closeDescriptors() {
            if epoll >= 0 { _ = Glibc.close(epoll) }
            if wakeEvent >= 0 { _ = Glibc.close(wakeEvent) }
            if timerEvent >= 0 { _ = Glibc.close(timerEvent) }
            epoll = -1
            wakeEvent = -1
            timerEvent = -1
        }

        /// `CURLMOPT_SOCKETFUNCTION`: libcurl wants `socket` watched for `what`, or no more.
        /// Runs inside a multi call, under ``lock``, on the driving thread.
        static let socketCallback: curl_socket_callback = { _, socket, what, userp, _ in
            guard let userp else { return 0 }
            let loop = Unmanaged<CurlMultiLoop>.fromOpaque(userp).takeUnretainedValue()
            loop.connectionGuard.watch(socket, for: what, epoll: loop.epoll)
            return 0
        }

        // MARK: The calling tasks' side

        /// Adds `transfer` to the multi handle and starts it on the calling thread, under
        /// ``lock``, when the loop thread sleeps with nothing in flight; otherwise queues it for
        /// the loop thread under ``queueLock`` alone (a busy loop thread holds ``lock`` through
        /// libcurl's work, and a call waiting for it there cost a futex sleep and wake-up). The
        /// loop thread resumes `continuation` once the transfer is done (or the caller does,
        /// when it ends at once: refused, cancelled, shut down, or failed to start).
        func submit(_ transfer: CurlEasyRequest, continuation: CurlContinuation) {
            var refusal: (any Error)?
            let drive: Bool = queueLock.withLock {
                refusal = refusalLocked(transfer)
                if refusal != nil { return false }
                transfer.continuation = continuation
                if loopSleeping, idleSleep {
                    idleSleep = false // this call drives; any other queues and wakes the loop
                    return true
                }
                transfer.state = .queued
                inbox.append(transfer)
                wakeLocked() // only a sleeping loop, once per sleep
                return false
            }
            if let refusal {
                continuation.resume(throwing: refusal)
                return
            }
            guard drive else { return }
            let done: [FinishedTransfer] = lock.withLock {
                let refusal: (any Error)? = queueLock.withLock {
                    // A cancellation that came between the two locks found the transfer still
                    // created and left this flag (see cancel(_:)); a stop may have come too.
                    if transfer.cancelRequested { return CancellationError() }
                    if stopRequested || multiClosed { return Self.shutDownError(mayHaveReachedServer: false) }
                    transfer.state = .attached
                    return nil
                }
                if let refusal {
                    finish(transfer, with: .failure(refusal))
                } else {
                    attach(transfer)
                    settleLocked()
                }
                // Done already (the reply came while this thread drove): the next call may
                // start its own transfer too.
                return takeFinishedLocked(then: .restoreIdleSleep)
            }
            resume(done)
        }

        /// Why `transfer` is refused before it starts, if it is (then it is finished and its
        /// handle back in the pool). Call under ``queueLock``.
        private func refusalLocked(_ transfer: CurlEasyRequest) -> (any Error)? {
            let refusal: any Error
            if transfer.cancelRequested {
                refusal = CancellationError() // cancelled while the transfer was being set up
            } else if stopRequested || multiClosed {
                refusal = Self.shutDownError(mayHaveReachedServer: false)
            } else {
                return nil
            }
            transfer.state = .finished
            releaseHandleLocked(of: transfer)
            return refusal
        }

        /// Cancels `transfer` on behalf of its cancelled task: removes it from the multi handle
        /// (closing its connection) and resumes the task with `CancellationError`.
        func cancel(_ transfer: CurlEasyRequest) {
            let done: [FinishedTransfer] = lock.withLock {
                let state: CurlEasyRequest.State = queueLock.withLock {
                    switch transfer.state {
                    case .created:
                        transfer.cancelRequested = true // refused on submission
                    case .queued:
                        if let index = inbox.firstIndex(where: { $0 === transfer }) { inbox.remove(at: index) }
                    case .attached, .finished:
                        break
                    }
                    return transfer.state
                }
                switch state {
                case .created, .finished:
                    return []
                case .queued:
                    finish(transfer, with: .failure(CancellationError()))
                    return takeFinishedLocked()
                case .attached:
                    detachCancelled(transfer)
                    settleLocked()
                    return takeFinishedLocked(then: .restoreIdleSleep)
                }
            }
            resume(done)
        }

        // MARK: The loop thread

        /// The thread's body: sleep in `epoll_wait` until a socket is ready, ``timerEvent`` fires
        /// or ``wakeEvent`` is signalled (or, as a safety net, ``idlePollMilliseconds`` passed);
        /// then drive libcurl and resume the finished transfers' tasks.
        func run() {
            let capacity = 64
            var descriptors = [Int32](repeating: 0, count: capacity)
            var readiness = [Int32](repeating: 0, count: capacity)
            var asleep = false // announced as sleeping already: go straight to epoll_wait
            while true {
                if !asleep {
                    let (stop, sleep, queued): (Bool, Bool, [FinishedTransfer]) = lock.withLock {
                        let (stop, arrived) = queueLock.withLock { () -> (Bool, Bool) in
                            if stopRequested { return (true, false) }
                            if takeInboxLocked() { return (false, true) }
                            announceSleepLocked()
                            return (false, false)
                        }
                        if stop { return (true, false, []) }
                        if !arrived { return (false, true, []) }
                        return (false, false, attachArrivalsLocked())
                    }
                    resume(queued)
                    if stop { break }
                    if !sleep { continue } // look at the queue again before sleeping
                }
                let count = lr_epoll_wait(epoll, &descriptors, &readiness, Int32(capacity), idlePollMilliseconds)
                let failed = count < 0 && errno != EINTR
                let done: [FinishedTransfer]
                (done, asleep) = lock.withLock {
                    let stop = queueLock.withLock {
                        loopSleeping = false
                        idleSleep = false
                        return stopRequested
                    }
                    if stop { return ([], false) }
                    var running: Int32 = 0
                    for index in 0..<max(0, Int(count)) {
                        if descriptors[index] == wakeEvent {
                            lr_eventfd_drain(wakeEvent)
                            continue
                        }
                        if descriptors[index] == timerEvent {
                            lr_eventfd_drain(timerEvent) // the expiry count: 8 bytes, like an eventfd
                            armedDeadline = nil
                            continue // settleLocked runs the due timers
                        }
                        if connectionGuard.takeIdleReadiness(descriptors[index], epoll: epoll) { continue }
                        let code = curl_multi_socket_action(multi, descriptors[index], readiness[index], &running)
                        if code != CURLM_OK { failActive(code) }
                    }
                    settleLocked()
                    // Nothing left in flight or queued (the sequential case): announce the sleep
                    // before resuming the tasks, so that the next call of a resumed task starts
                    // its transfer itself instead of finding the loop awake and queueing it for
                    // this thread (a second wake-up of a second thread for that call).
                    let done = takeFinishedLocked(then: .sleepIfIdle)
                    return (done, queueLock.withLock { loopSleeping })
                }
                resume(done)
                if failed { usleep(10_000) } // never spin if epoll itself fails
            }
            closeDown()
        }

        // MARK: Shared, under the lock

        /// Collects finished transfers, then runs libcurl's due timers until none is due, and arms
        /// ``timerEvent`` for the next one when it is earlier than what is armed. Call under
        /// ``lock`` after every multi call.
        private func settleLocked() {
            collectCompletions()
            var running: Int32 = 0
            for _ in 0..<16 {
                var milliseconds = -1
                if curl_multi_timeout(multi, &milliseconds) != CURLM_OK { milliseconds = 0 }
                if milliseconds < 0 { return } // no timer: an armed one fires early, harmlessly
                if milliseconds > 0 {
                    armTimerLocked(at: lr_monotonic_milliseconds() + Int64(milliseconds))
                    return
                }
                let code = curl_multi_socket_action(multi, -1, 0, &running) // CURL_SOCKET_TIMEOUT
                collectCompletions()
                if code != CURLM_OK { failActive(code) }
            }
            armTimerLocked(at: lr_monotonic_milliseconds()) // still due: the loop comes back at once
        }

        private func armTimerLocked(at deadline: Int64) {
            if let armed = armedDeadline, armed <= deadline { return }
            if lr_timerfd_arm(timerEvent, deadline) == 0 { armedDeadline = deadline }
        }

        /// Moves the queued transfers to ``arrivals``, marked attached. Call under ``lock`` and
        /// ``queueLock``. Returns whether there were any.
        private func takeInboxLocked() -> Bool {
            if inbox.isEmpty { return false }
            swap(&inbox, &arrivals)
            for transfer in arrivals { transfer.state = .attached }
            return true
        }

        /// Marks the loop thread as about to sleep: from now on a submitter wakes it (once), or,
        /// when nothing is in flight, starts its transfer itself. Call under ``lock`` and
        /// ``queueLock``.
        private func announceSleepLocked() {
            wakeupSent = false
            loopSleeping = true
            idleSleep = active.isEmpty && inbox.isEmpty
        }

        /// Attaches and starts the transfers taken from the inbox. Call under ``lock``.
        private func attachArrivalsLocked() -> [FinishedTransfer] {
            for transfer in arrivals { attach(transfer) }
            arrivals.removeAll(keepingCapacity: true)
            settleLocked()
            return takeFinishedLocked()
        }

        /// What ``takeFinishedLocked(then:)`` decides about the loop's sleep.
        enum AfterHandOut {
            /// Nothing.
            case nothing
            /// The loop thread, before it resumes the tasks: announce its sleep when nothing is
            /// in flight or queued.
            case sleepIfIdle
            /// A caller that drove libcurl while the loop thread slept: when nothing is in flight
            /// or queued any more, the next submitter may drive too.
            case restoreIdleSleep
        }

        /// Returns the finished transfers' handles to the pool and takes their continuations,
        /// under ``queueLock``, then acts on the loop's sleep as `then` says. Call under
        /// ``lock``; resume the transfers with ``resume(_:)`` after it is released.
        private func takeFinishedLocked(then: AfterHandOut = .nothing) -> [FinishedTransfer] {
            if finished.isEmpty, then == .nothing { return [] }
            queueLock.withLock {
                for index in finished.indices {
                    releaseHandleLocked(of: finished[index].transfer)
                    finished[index].continuation = finished[index].transfer.finish()
                }
                guard active.isEmpty, inbox.isEmpty, !stopRequested else { return }
                switch then {
                case .nothing: break
                case .sleepIfIdle: announceSleepLocked()
                case .restoreIdleSleep: if loopSleeping { idleSleep = true }
                }
            }
            if finished.isEmpty { return [] } // returning the empty buffer would make the next append copy it
            let done = finished
            finished = [] // not removeAll(keepingCapacity:): with `done` sharing the buffer, that allocates now
            return done
        }

        private func resume(_ done: [FinishedTransfer]) {
            for entry in done { entry.continuation?.resume(with: entry.result) }
        }

        /// Fails what is left, closes every connection and the multi handle, then the epoll set
        /// and the eventfd. No other thread touches them once ``multiClosed`` is set.
        private func closeDown() {
            let (done, idle): ([FinishedTransfer], [CurlEasyHandle]) = lock.withLock {
                let queued: [CurlEasyRequest] = queueLock.withLock {
                    multiClosed = true // no wake-up from now on: the eventfd closes below
                    defer { inbox.removeAll() }
                    return inbox
                }
                for (easy, transfer) in active {
                    curl_multi_remove_handle(multi, easy)
                    finish(transfer, with: .failure(Self.shutDownError(mayHaveReachedServer: true)))
                }
                active.removeAll()
                for transfer in queued {
                    finish(transfer, with: .failure(Self.shutDownError(mayHaveReachedServer: false)))
                }
                let done = takeFinishedLocked() // the pool is closed: their handles are not kept
                curl_multi_cleanup(multi)
                closeDescriptors()
                let idle = poolLock.withLock {
                    defer { idleHandles.removeAll() }
                    return idleHandles
                }
                return (done, idle)
            }
            resume(done)
            withExtendedLifetime(idle) {} // the idle easy handles are freed after their multi handle
        }
    }
#endif
