import Synchronization

/// What the middleware inside a call tells the middleware outside it: how many attempts the
/// call made. ``LoggingMiddleware`` installs one as a task-local for the duration of the call,
/// and ``RetryMiddleware`` records each attempt in it. A task-local, not a field of
/// ``LoginRadiusRequestContext``, because the context travels inwards only.
final class CallRecord: Sendable {
    /// The record of the call the current task is making, if a ``LoggingMiddleware`` is outside.
    @TaskLocal static var current: CallRecord?

    private let state = Mutex(1)

    /// The number of attempts made so far (1 unless a retry middleware recorded more).
    var attempts: Int { state.withLock { $0 } }

    /// Records that attempt `attempt` (1-based) is starting.
    func record(attempt: Int) {
        state.withLock { $0 = max($0, attempt) }
    }
}
