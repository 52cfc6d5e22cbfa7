import Synchronization

/// What the layers inside a call tell the layers outside it: how many attempts the call made and
/// how many requests reached the transport. The client installs one as a task-local for each
/// call (``LoggingMiddleware`` does when used on its own); ``RetryMiddleware`` records each
/// attempt, the pipeline each request handed to the transport. A task-local, not a field of
/// ``LoginRadiusRequestContext``, because the context travels inwards only.
final class CallRecord: Sendable {
    /// The record of the call the current task is making, if any.
    @TaskLocal static var current: CallRecord?

    private let state = Mutex((attempts: 1, sends: 0))

    /// The number of attempts made so far (1 unless a retry middleware recorded more).
    var attempts: Int { state.withLock { $0.attempts } }

    /// The number of requests handed to the transport (0 when the call failed before sending).
    var sends: Int { state.withLock { $0.sends } }

    /// Records that attempt `attempt` (1-based) is starting.
    func record(attempt: Int) {
        state.withLock { $0.attempts = max($0.attempts, attempt) }
    }

    /// Records that a request is being handed to the transport.
    func recordSend() {
        state.withLock { $0.sends += 1 }
    }
}
