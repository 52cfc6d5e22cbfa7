/// The calling tasks' side of the loop: hand a transfer over, or cancel it. Both only touch
/// lock-protected state and never the multi handle (except `curl_multi_wakeup`).
extension CurlMultiLoop {
    /// Queues `transfer` for the loop thread, which resumes `continuation` exactly once: with the
    /// completion, with `CancellationError`, or with a transport error.
    func submit(_ transfer: CurlEasyRequest, continuation: CheckedContinuation<CurlCompletion, any Error>) {
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
            wakeLocked()
            return nil
        }
        if let refusal { continuation.resume(throwing: refusal) }
    }

    /// Cancels `transfer` on behalf of its cancelled task. A queued transfer is dropped here and
    /// its task resumed at once; an attached one is handed to the loop thread, which removes its
    /// easy handle from the multi handle (closing that connection) and then resumes the task.
    func cancel(_ transfer: CurlEasyRequest) {
        let continuation: CheckedContinuation<CurlCompletion, any Error>? = lock.withLock {
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
                wakeLocked()
                return nil
            case .finished:
                return nil
            }
        }
        continuation?.resume(throwing: CancellationError())
    }

    /// Orders the calling task's reads of a finished transfer's buffers after the loop thread's
    /// writes. Resuming the continuation already does (a release/acquire pair), but
    /// ThreadSanitizer on Linux does not see through Swift's continuation resumption; taking the
    /// lock the loop released after its last write makes the order visible to it as well, for
    /// the price of one uncontended lock.
    func synchronizeWithLoop() {
        lock.withLock {}
    }

    /// Returns the transfer's easy handle to the pool; it must be in no multi handle. Call under
    /// ``lock``, from the thread that owns the transfer's handle at that point.
    func releaseHandleLocked(of transfer: CurlEasyRequest) {
        if let handle = transfer.handle {
            recycleLocked(handle)
            transfer.handle = nil
        }
    }

    /// The error for a transfer the loop can no longer run because the transport was released.
    static func shutDownError(mayHaveReachedServer: Bool) -> LoginRadiusError {
        .transport(
            TransportFailure(
                kind: .other, code: 0, message: "the CurlTransport was shut down",
                mayHaveReachedServer: mayHaveReachedServer)
        )
    }
}
