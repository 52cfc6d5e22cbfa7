/// When and how ``RetryMiddleware`` repeats a failed attempt.
///
/// The defaults follow AWS's "standard" retry mode: 3 attempts in total, exponential backoff with
/// full jitter from 100 ms up to 20 s, and a shared retry budget of 500 tokens.
///
/// What is retried:
/// - a status in ``retryableStatuses`` (502, 503, 504) — only for operations whose
///   ``OperationDescriptor/isIdempotent`` is `true` (GET, PUT, DELETE, or an operation marked so),
///   because the request reached the server;
/// - 429 (when in ``retryableStatuses``) — for every operation, a POST included: LoginRadius
///   answers 429 only for a request it did not process, so sending it again after `Retry-After`
///   cannot apply it twice. The retry still waits for `Retry-After` and takes from the budget;
/// - a transport failure that is transient (could not resolve, could not connect, TLS handshake,
///   timed out, connection lost) — for any operation when the request certainly never reached
///   the server (``TransportFailure/mayHaveReachedServer`` is `false`), otherwise only for
///   idempotent operations. A POST is therefore never sent twice unless it is marked idempotent.
///
/// The wait before the next attempt is the server's `Retry-After` (seconds or HTTP-date) on 429
/// and 503, otherwise `random(0 … min(maxDelay, baseDelay × 2^(attempt − 1)))`. No wait ends
/// after the call's ``totalTimeout``: when it would, the call ends with the last answer.
///
/// ```swift
/// var configuration = try LoginRadiusConfiguration(apiKey: key, apiSecret: secret)
/// configuration.retry = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(200))
/// configuration.retry = .disabled   // one attempt per call
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// The standard policy: 3 attempts, 100 ms base, 20 s cap, 60 s total, budget on.
    public static let `default` = RetryPolicy()
    /// No retries: every call makes exactly one attempt.
    public static let disabled = RetryPolicy(maxAttempts: 1, budget: nil)

    /// Attempts per call in total, counting the first; `1` turns retries off. Default 3.
    public var maxAttempts: Int
    /// The backoff base: the ceiling of the first retry's random wait. Default 100 ms.
    public var baseDelay: Duration
    /// The largest backoff ceiling, however many attempts were made. Default 20 s.
    public var maxDelay: Duration
    /// The call's overall deadline, from the start of its first attempt: no wait ends after it,
    /// and each attempt's transport timeout is shortened to what is left of it. `nil` sets none
    /// (a `Retry-After` is then honoured however long it is). Default 60 s.
    public var totalTimeout: Duration?
    /// HTTP statuses retried: for idempotent operations, and 429 for every operation. Default 429,
    /// 502, 503 and 504.
    public var retryableStatuses: Set<Int>
    /// The retry budget shared by all calls of a client, or `nil` for none. Default ``RetryBudget/standard``.
    public var budget: RetryBudget?

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - maxAttempts: Attempts in total, at least 1; default 3.
    ///   - baseDelay: The first retry's backoff ceiling; default 100 ms.
    ///   - maxDelay: The largest backoff ceiling; default 20 s.
    ///   - totalTimeout: The call's overall deadline, or `nil`; default 60 s.
    ///   - retryableStatuses: Statuses retried for idempotent operations; default 429, 502, 503, 504.
    ///   - budget: The shared retry budget, or `nil`; default ``RetryBudget/standard``.
    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(100),
        maxDelay: Duration = .seconds(20),
        totalTimeout: Duration? = .seconds(60),
        retryableStatuses: Set<Int> = [429, 502, 503, 504],
        budget: RetryBudget? = .standard
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.totalTimeout = totalTimeout
        self.retryableStatuses = retryableStatuses
        self.budget = budget
    }

    /// Checks the values.
    ///
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when `maxAttempts` is below 1, a
    ///   delay is negative, `maxDelay` is below `baseDelay`, `totalTimeout` is not positive, or the
    ///   budget's numbers are not positive.
    public func validate() throws {
        func fail(_ reason: String) -> LoginRadiusError { .invalidConfiguration("retry: " + reason) }
        if maxAttempts < 1 { throw fail("maxAttempts must be at least 1") }
        if baseDelay < .zero || maxDelay < .zero { throw fail("delays must not be negative") }
        if maxDelay < baseDelay { throw fail("maxDelay must not be below baseDelay") }
        if let totalTimeout, totalTimeout <= .zero { throw fail("totalTimeout must be positive") }
        if let budget,
            budget.capacity < 1 || budget.retryCost < 1 || budget.timeoutRetryCost < 1 || budget.successRefund < 0
        {
            throw fail("the budget's capacity and costs must be positive")
        }
    }

    /// The backoff ceiling after attempt `attempt` (1-based) failed: `min(maxDelay, baseDelay × 2^(attempt − 1))`.
    ///
    /// - Parameter attempt: The attempt that just failed, from 1.
    /// - Returns: The largest wait full jitter may choose before the next attempt.
    public func backoffCeiling(afterAttempt attempt: Int) -> Duration {
        // Doubling stops at the cap, so no multiplication can overflow.
        var ceiling = baseDelay
        var doublings = max(0, attempt - 1)
        while doublings > 0, ceiling < maxDelay {
            ceiling = ceiling * 2
            doublings -= 1
        }
        return min(maxDelay, ceiling)
    }
}

/// A token bucket that limits retries across all calls of a client, so a failing backend is not
/// hammered: each retry takes tokens, a call that succeeds gives some back, and when the bucket
/// is empty failures are returned at once instead of retried.
///
/// ``standard`` is AWS's standard-mode budget: 500 tokens, 5 per retry, 10 per retry after a
/// timeout, 1 back for a call that succeeds at its first attempt; a call that succeeds after
/// retries gives back what its retries took.
public struct RetryBudget: Sendable, Hashable {
    /// AWS's standard-mode numbers: capacity 500, cost 5, timeout cost 10, refund 1.
    public static let standard = RetryBudget()

    /// Tokens in a full bucket; the bucket starts full.
    public var capacity: Int
    /// Tokens one retry takes.
    public var retryCost: Int
    /// Tokens one retry after a timeout takes.
    public var timeoutRetryCost: Int
    /// Tokens a call that is answered at its first attempt gives back (up to ``capacity``).
    public var successRefund: Int

    /// Creates a budget.
    ///
    /// - Parameters:
    ///   - capacity: Tokens in a full bucket; default 500.
    ///   - retryCost: Tokens per retry; default 5.
    ///   - timeoutRetryCost: Tokens per retry after a timeout; default 10.
    ///   - successRefund: Tokens returned by a call answered at its first attempt; default 1.
    public init(capacity: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10, successRefund: Int = 1) {
        self.capacity = capacity
        self.retryCost = retryCost
        self.timeoutRetryCost = timeoutRetryCost
        self.successRefund = successRefund
    }
}
