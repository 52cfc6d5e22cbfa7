import Synchronization

/// What the observability middleware ask the layers inside a call to report: each retry, so it
/// becomes an event on the call's span and a count in the retry metric. A task-local, like
/// ``CallRecord``, because ``RetryMiddleware`` sits further in and the context travels inwards only.
///
/// Installed only while a tracer or a metrics backend is active, so a client observed by
/// neither pays nothing for it.
final class CallObservation: Sendable {
    /// Told about each retry: the attempt that failed, why (e.g. `HTTP 503`, `transport timedOut`,
    /// never a user value), and the wait before the next attempt.
    typealias RetryObserver = @Sendable (_ attempt: Int, _ reason: String, _ delay: Duration) -> Void

    /// The observation of the call the current task is making, if any.
    @TaskLocal static var current: CallObservation?

    private let retryObservers = Mutex([RetryObserver]())

    /// Runs `body` with the current observation, installing a new one when there is none.
    static func observing<Result>(
        _ body: (CallObservation) async throws -> Result
    ) async throws -> Result {
        if let current { return try await body(current) }
        let observation = CallObservation()
        return try await $current.withValue(observation) { try await body(observation) }
    }

    /// Calls `observer` for each retry of this call.
    func onRetry(_ observer: @escaping RetryObserver) {
        retryObservers.withLock { $0.append(observer) }
    }

    /// Records that attempt `attempt` failed for `reason` and the call retries after `delay`.
    func retrying(afterAttempt attempt: Int, reason: String, delay: Duration) {
        for observer in retryObservers.withLock({ $0 }) { observer(attempt, reason, delay) }
    }
}
