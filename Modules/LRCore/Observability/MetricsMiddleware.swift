public import CoreMetrics

/// Counts and times every call with swift-metrics.
///
/// | metric | type | dimensions |
/// |---|---|---|
/// | `loginradius_calls_total` | counter | `group`, `operation` |
/// | `loginradius_call_duration_seconds` | timer | `group`, `operation` |
/// | `loginradius_call_failures_total` | counter | `group`, `operation`, `kind`, `reason` |
/// | `loginradius_call_retries_total` | counter | `group`, `operation`, `reason` |
///
/// `operation` is the Swift name (e.g. `loginByEmail`), `group` the API group (e.g.
/// `authentication`). A failure's `kind` is its ``LoginRadiusError/Code`` (`api`,
/// `tooManyRequests`, `http`, `transport`, `decoding`, …, or `cancelled`/`other`) and its
/// `reason` the detail within the kind: LoginRadius's `ErrorCode` for `api` and
/// `tooManyRequests`, the status for `http`, the transport-neutral kind for `transport`. A retry's
/// `reason` is what failed (`HTTP 503`, `transport timedOut`). No dimension ever holds a user
/// value (no email, token, uid or message text), so their number stays small.
///
/// The timer covers the whole call, every attempt and wait included. With no metrics backend
/// bootstrapped (swift-metrics' no-op factory), the middleware only checks the factory and
/// passes the request on.
///
/// Installed by ``LoginRadiusClient`` after ``TracingMiddleware`` and before ``LoggingMiddleware``.
/// A 2xx reply that the generated method cannot decode into its result type is a failure of kind
/// `decoding` (reason `decoding`). A call refused before the pipeline is counted in
/// `loginradius_calls_total` and as a failure of its kind with no duration: `invalidArgument`
/// (reason: the refused parameter's name, e.g. `email`) or `shutDown`.
public struct MetricsMiddleware: LoginRadiusMiddleware {
    /// The metric labels.
    public enum Label {
        /// Calls made, whatever their outcome (counter).
        public static let calls = "loginradius_calls_total"
        /// The duration of each call (timer).
        public static let duration = "loginradius_call_duration_seconds"
        /// Failed calls, by kind and reason (counter).
        public static let failures = "loginradius_call_failures_total"
        /// Retries made (counter).
        public static let retries = "loginradius_call_retries_total"
    }

    private let factory: (any MetricsFactory)?
    private let clock: any LoginRadiusClock

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - factory: Where metrics go; default `nil`: the factory bootstrapped with
    ///     `MetricsSystem.bootstrap`, looked up at each call.
    ///   - clock: Measures the call's duration; default the system clock.
    public init(factory: (any MetricsFactory)? = nil, clock: any LoginRadiusClock = LoginRadiusSystemClock()) {
        self.factory = factory
        self.clock = clock
    }

    /// Passes the request on, counting and timing the call.
    ///
    /// - Throws: Whatever the rest of the pipeline throws, unchanged.
    public func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        let factory = factory ?? MetricsSystem.factory
        if factory is NOOPMetricsHandler { return try await next(request, context) }
        let operation = context.operation.operationName
        let dimensions = [("group", operation.group), ("operation", operation.swiftName)]
        Counter(label: Label.calls, dimensions: dimensions, factory: factory).increment()
        let start = clock.monotonicNow
        let outcome: CallOutcome
        let result: Result<LoginRadiusResponse, any Error>
        do {
            let response = try await CallObservation.observing { observation in
                observation.onRetry { _, reason, _ in
                    Counter(label: Label.retries, dimensions: dimensions + [("reason", reason)], factory: factory)
                        .increment()
                }
                return try await next(request, context)
            }
            outcome = CallOutcome(response: response)
            result = .success(response)
        } catch {
            outcome = CallOutcome(error: error)
            result = .failure(error)
        }
        Timer(label: Label.duration, dimensions: dimensions, factory: factory)
            .recordNanoseconds(Self.nanoseconds(clock.monotonicNow - start))
        if let kind = outcome.failureKind {
            Self.countFailure(
                kind: kind, reason: outcome.failureReason ?? kind, dimensions: dimensions, factory: factory)
        }
        return try result.get()
    }

    /// Counts a call refused before the pipeline: the call and its failure, no duration.
    static func countRefusal(_ outcome: CallOutcome, operation: OperationName, factory: any MetricsFactory) {
        let dimensions = [("group", operation.group), ("operation", operation.swiftName)]
        Counter(label: Label.calls, dimensions: dimensions, factory: factory).increment()
        let kind = outcome.failureKind ?? "other"
        countFailure(kind: kind, reason: outcome.failureReason ?? kind, dimensions: dimensions, factory: factory)
    }

    private static func countFailure(
        kind: String, reason: String, dimensions: [(String, String)], factory: any MetricsFactory
    ) {
        Counter(label: Label.failures, dimensions: dimensions + [("kind", kind), ("reason", reason)], factory: factory)
            .increment()
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
