import CLibCurl

/// The calling tasks' side of the loop: hand a transfer over, or cancel it. Both only touch
/// lock-protected state and never the multi handle (except `curl_multi_wakeup`).
extension CurlMultiLoop {
    #if !os(Linux) || LR_CURL_POLL_LOOP
        /// Queues `transfer` for the loop thread, which resumes `continuation` exactly once: with the
        /// completion, with `CancellationError`, or with a transport error. Wakes the loop only when
        /// it sleeps in `curl_multi_poll` and nobody woke it yet, and outside the lock, so a caller
        /// never holds the lock through a syscall and a busy loop costs its callers none.
        ///
        /// The wake-up is sent under ``lock``, so it can never reach a multi handle an explicit
        /// shutdown has closed meanwhile.
        func submit(_ transfer: CurlEasyRequest, continuation: CurlContinuation) {
            let refusal: (any Error)? = lock.withLock {
                if transfer.cancelRequested {
                    // The task was cancelled while the transfer was being set up.
                    transfer.state = .finished
                    releaseHandleLocked(of: transfer)
                    return CancellationError()
                }
                if stopRequested || multiClosed {
                    transfer.state = .finished
                    releaseHandleLocked(of: transfer)
                    return Self.shutDownError(mayHaveReachedServer: false)
                }
                transfer.continuation = continuation
                transfer.state = .queued
                inbox.append(transfer)
                // Under the lock: an explicit shutdown may close the multi handle as soon as the lock
                // is released. Only a sleeping loop is woken, at most once per sleep.
                wakeLocked()
                return nil
            }
            if let refusal {
                continuation.resume(throwing: refusal)
            }
        }

        /// Cancels `transfer` on behalf of its cancelled task. A queued transfer is dropped here and
        /// its task resumed at once; an attached one is handed to the loop thread, which removes its
        /// easy handle from the multi handle (closing that connection) and then resumes the task.
        func cancel(_ transfer: CurlEasyRequest) {
            let continuation: CurlContinuation? = lock.withLock {
                switch transfer.state {
                case .created:
                    transfer.cancelRequested = true
                    return nil
                case .queued:
                    if let index = inbox.firstIndex(where: { $0 === transfer }) { inbox.remove(at: index) }
                    releaseHandleLocked(of: transfer)
                    return transfer.finish()
                case .attached:
                    cancellations.append(transfer)
                    wakeLocked() // under the lock: the transport may be released meanwhile
                    return nil
                case .finished:
                    return nil
                }
            }
            continuation?.resume(throwing: CancellationError())
        }
    #endif

    /// Orders the calling task's reads of a finished transfer's buffers after the loop thread's
    /// writes. Resuming the continuation already does (a release/acquire pair), but
    /// ThreadSanitizer on Linux does not see through Swift's continuation resumption; taking a
    /// lock the loop took and released after its last write makes the order visible to it as
    /// well, for the price of one lock. That is ``poolLock``, which the hand-out that took the
    /// continuation takes to return the transfer's handle (``releaseHandleLocked(of:)``, also
    /// without a handle): unlike ``lock``, the loop thread does not hold it through libcurl's
    /// work, so the resumed call does not wait for the loop's next turn.
    func synchronizeWithLoop() {
        poolLock.withLock {}
    }

    /// Returns the transfer's easy handle to the pool; it must be in no multi handle. Call under
    /// ``lock``, from the thread that owns the transfer's handle at that point.
    func releaseHandleLocked(of transfer: CurlEasyRequest) {
        recycleLocked(transfer.handle)
        transfer.handle = nil
    }

    /// The error for a transfer the loop can no longer run because the transport was shut down
    /// (the client's ``LoginRadiusClient/shutdown()``, or the transport's release).
    static func shutDownError(mayHaveReachedServer: Bool) -> LoginRadiusError {
        .shutDown
    }
}
