import Logging

/// Repeats failed attempts according to a ``RetryPolicy``: exponential backoff with full jitter,
/// `Retry-After`, an overall deadline and a shared retry budget.
///
/// Installed by ``LoginRadiusClient`` from ``LoginRadiusConfiguration/retry`` (when it allows more
/// than one attempt), inside compression and outside request signing, so each attempt is signed
/// anew with a fresh expiry. Every attempt calls the rest of the pipeline with
/// ``LoginRadiusRequestContext/attempt`` set to its number (1, 2, …), which middleware placed
/// inside the retry loop (the client's `attemptMiddleware`) can read.
///
/// The policy's rules decide what is retried (see ``RetryPolicy``); in short, a request that may
/// have reached the server is repeated only for an idempotent operation, or after LoginRadius's
/// 429 (which means it was not processed). Transport failures are judged by their
/// transport-neutral ``TransportFailure/Kind``, never by a transport's own codes. When the last attempt
/// fails, the call ends with its answer: the response (which the client turns into
/// ``LoginRadiusError/tooManyRequests(_:)``, ``LoginRadiusError/api(_:)`` or
/// ``LoginRadiusError/http(_:)``) or the error. Waiting is cancellable: cancelling the calling
/// task ends the wait at once with `CancellationError`, and no further attempt is made.
public struct RetryMiddleware: LoginRadiusMiddleware {
    /// The policy.
    public let policy: RetryPolicy
    /// The transport's timeout per attempt, used to shorten the last attempts to the deadline.
    public let attemptTimeout: Duration?
    private let clock: any LoginRadiusClock
    private let randomFraction: @Sendable () -> Double
    private let bucket: RetryTokenBucket?

    /// Creates the middleware with its own retry budget (from ``RetryPolicy/budget``).
    ///
    /// - Parameters:
    ///   - policy: What to retry and how long to wait.
    ///   - attemptTimeout: The transport's total timeout per attempt (e.g.
    ///     ``LoginRadiusConfiguration/requestTimeout``); an attempt that would outlive the call's
    ///     ``RetryPolicy/totalTimeout`` gets ``LoginRadiusRequest/timeout`` set to what is left.
    ///     With `nil`, only a request that sets its own timeout is shortened.
    ///   - clock: Time and sleeping; default the system clock.
    ///   - randomFraction: The jitter source: a number in `0...1` (values outside are clamped);
    ///     the wait is this fraction of the backoff ceiling. Default `Double.random(in: 0...1)`.
    public init(
        policy: RetryPolicy = .default,
        attemptTimeout: Duration? = nil,
        clock: any LoginRadiusClock = LoginRadiusSystemClock(),
        randomFraction: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.policy = policy
        self.attemptTimeout = attemptTimeout
        self.clock = clock
        self.randomFraction = randomFraction
        self.bucket = policy.budget.map(RetryTokenBucket.init(budget:))
    }

    /// Tokens left in the retry budget, or `nil` when the policy has none.
    public var availableRetryTokens: Int? { bucket?.available }

    /// Sends the request, and again after a wait while the policy says so.
    ///
    /// - Throws: The last attempt's error when it is not retried; `CancellationError` when the
    ///   task is cancelled (no further attempt is made).
    public func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        let start = clock.monotonicNow
        let deadline = policy.totalTimeout.map { start + $0 }
        var attempt = max(1, context.attempt)
        var tokensTaken = 0
        while true {
            try Task.checkCancellation()
            var attemptContext = context
            attemptContext.attempt = attempt
            CallRecord.current?.record(attempt: attempt)
            let outcome: Result<LoginRadiusResponse, any Error>
            do {
                outcome = .success(try await next(limited(request, by: deadline), attemptContext))
            } catch let error as CancellationError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                outcome = .failure(error)
            }

            guard let reason = retryReason(for: outcome, operation: context.operation) else {
                if case .success = outcome, let bucket {
                    bucket.deposit(tokensTaken > 0 ? tokensTaken : bucket.budget.successRefund)
                }
                return try outcome.get()
            }
            let logger = context.logger
            guard attempt < policy.maxAttempts else {
                logger.debug("not retrying: attempts exhausted", metadata: Self.metadata(attempt, reason))
                return try outcome.get()
            }
            let delay = max(.zero, reason.retryAfter ?? jitteredBackoff(afterAttempt: attempt))
            if let deadline, clock.monotonicNow + delay >= deadline {
                logger.debug(
                    "not retrying: the wait would pass the call's deadline",
                    metadata: Self.metadata(attempt, reason, delay: delay)
                )
                return try outcome.get()
            }
            if let bucket {
                let cost = reason.isTimeout ? bucket.budget.timeoutRetryCost : bucket.budget.retryCost
                guard bucket.withdraw(cost) else {
                    logger.debug(
                        "not retrying: the retry budget is exhausted", metadata: Self.metadata(attempt, reason))
                    return try outcome.get()
                }
                tokensTaken += cost
            }
            // Info: the call still succeeds or fails by throwing, but the retry itself is
            // reported nowhere else (swift-log's "Choosing log levels").
            logger.info("retrying", metadata: Self.metadata(attempt, reason, delay: delay))
            CallObservation.current?.retrying(afterAttempt: attempt, reason: reason.summary, delay: delay)
            try await clock.sleep(for: delay)
            attempt += 1
        }
    }

    /// A failed attempt's reason to retry: what failed, `Retry-After` and the budget's cost class.
    struct Reason {
        var summary: String
        var retryAfter: Duration?
        var isTimeout: Bool
    }

    /// Why `outcome` should be retried for `operation`, or `nil` when it should not.
    func retryReason(for outcome: Result<LoginRadiusResponse, any Error>, operation: OperationDescriptor) -> Reason? {
        switch outcome {
        case .success(let response):
            // LoginRadius's 429 means the request was not processed, so even a POST may be sent
            // again (after Retry-After, within the budget); other statuses only for idempotent calls.
            guard policy.retryableStatuses.contains(response.status),
                operation.isIdempotent || response.status == 429
            else { return nil }
            var retryAfter: Duration?
            if response.status == 429 || response.status == 503, let value = response.headers["Retry-After"] {
                retryAfter = RetryAfter.parse(value, now: clock.wallNow)
            }
            return Reason(summary: "HTTP \(response.status)", retryAfter: retryAfter, isTimeout: false)
        case .failure(let error):
            guard let failure = (error as? LoginRadiusError)?.transport, Self.isTransient(failure),
                !failure.mayHaveReachedServer || operation.isIdempotent
            else { return nil }
            return Reason(
                summary: "transport \(failure.kind)", retryAfter: nil, isTimeout: failure.kind == .timedOut)
        }
    }

    /// Whether a transport failure may go away by itself, decided on its transport-neutral kind
    /// (``TransportFailure/Kind/isTransient``): resolve, connect, TLS handshake, timeout and lost
    /// connections, but not certificate problems, size limits or the rest, whatever the transport.
    static func isTransient(_ failure: TransportFailure) -> Bool {
        failure.kind.isTransient
    }

    /// Full jitter: a random wait between zero and the backoff ceiling.
    func jitteredBackoff(afterAttempt attempt: Int) -> Duration {
        let fraction = min(1, max(0, randomFraction()))
        return policy.backoffCeiling(afterAttempt: attempt) * fraction
    }

    /// `request`, its timeout shortened to what is left before `deadline` when that is less.
    private func limited(_ request: LoginRadiusRequest, by deadline: Duration?) -> LoginRadiusRequest {
        guard let deadline else { return request }
        let remaining = max(.milliseconds(1), deadline - clock.monotonicNow)
        guard let current = request.timeout ?? attemptTimeout, remaining < current else { return request }
        var request = request
        request.timeout = remaining
        return request
    }

    private static func metadata(_ attempt: Int, _ reason: Reason, delay: Duration? = nil) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["lr.attempt": "\(attempt)", "lr.reason": "\(reason.summary)"]
        if let delay { metadata["lr.delay_ms"] = "\(delay.wholeMilliseconds)" }
        return metadata
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded to nearest.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + Int64((Double(attoseconds) / 1e15).rounded())
    }
}
