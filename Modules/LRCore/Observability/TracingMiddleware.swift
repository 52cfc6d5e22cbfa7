import Tracing

/// Makes every call a span (swift-distributed-tracing), with the call's retries as events.
///
/// The span is named `LoginRadius.<group>.<operation>` (e.g. `LoginRadius.authentication.loginByEmail`),
/// of kind `client`, a child of the caller's current span. Its attributes:
///
/// | attribute | value |
/// |---|---|
/// | `rpc.system` | `loginradius` |
/// | `rpc.service` | the API group, e.g. `authentication` |
/// | `rpc.method` | the Swift name, e.g. `loginByEmail` |
/// | `loginradius.operation` | LoginRadius's name for it, e.g. `login_by_email` |
/// | `http.request.method` | `GET`, `POST`, … |
/// | `http.response.status_code` | the final reply's status, when one arrived |
/// | `loginradius.error_code` | LoginRadius's `ErrorCode`, when its error body arrived |
/// | `loginradius.attempts` | attempts made, retries included |
/// | `error.type` | on failure: the ``LoginRadiusError/Code`` (`api`, `http`, `transport`, …) |
///
/// A failed call sets the span's status to error, with the failure's kind and reason as the
/// message (e.g. `api 1048`, `transport timedOut`); the error itself is not recorded, since its
/// text could quote a request. Each retry adds an event `retry` with `loginradius.attempt`,
/// `loginradius.retry.reason` and `loginradius.retry.delay_ms`.
///
/// Nothing is sent to LoginRadius: no trace-context header is injected (a middleware of yours
/// may add one). With no tracer bootstrapped (or bound with `withTracer`), the middleware only
/// looks the tracer up and passes the request on.
///
/// Installed by ``LoginRadiusClient`` as the outermost middleware, so the span covers the whole
/// call: every middleware, every attempt and the waits between them. A 2xx reply that the
/// generated method cannot decode into its result type ends the span as a failure of kind
/// `decoding`. A call refused before the pipeline (a blank required parameter, a client already
/// shut down) gets a span too, with error status, `error.type` (`invalidArgument`, `shutDown`)
/// and `loginradius.attempts` 0.
public struct TracingMiddleware: LoginRadiusMiddleware {
    /// Creates the middleware; it uses the tracer active at each call (`InstrumentationSystem.tracer`).
    public init() {}

    /// Runs the rest of the pipeline inside a span of the call.
    ///
    /// - Throws: Whatever the rest of the pipeline throws, unchanged.
    public func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        let tracer = InstrumentationSystem.tracer
        if tracer is NoOpTracer { return try await next(request, context) }
        return try await traced(request, context: context, next: next, tracer: tracer)
    }

    private func traced<T: Tracer>(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext,
        tracer: T
    ) async throws -> LoginRadiusResponse {
        let span = Self.startSpan(for: context.operation, method: request.method, tracer: tracer)
        defer { span.end() }
        do {
            let response = try await InstrumentationContext.$current.withValue(span.context) {
                try await CallObservation.observing { observation in
                    observation.onRetry { attempt, reason, delay in
                        span.addEvent(
                            SpanEvent(
                                name: "retry",
                                attributes: [
                                    "loginradius.attempt": .int(Int64(attempt)),
                                    "loginradius.retry.reason": .string(reason),
                                    "loginradius.retry.delay_ms": .int(delay.wholeMilliseconds),
                                ]))
                    }
                    return try await next(request, context)
                }
            }
            Self.finish(span, CallOutcome(response: response), attempts: CallRecord.current?.attempts ?? 1)
            return response
        } catch {
            Self.finish(span, CallOutcome(error: error), attempts: CallRecord.current?.attempts ?? 1)
            throw error
        }
    }

    /// Starts the span of a call of `operation`, with the attributes known before it is sent.
    static func startSpan<T: Tracer>(
        for operation: OperationDescriptor, method: LoginRadiusRequest.Method? = nil, tracer: T
    ) -> T.Span {
        let name = operation.operationName
        let span = tracer.startSpan("LoginRadius.\(name.group).\(name.swiftName)", ofKind: .client)
        span.updateAttributes { attributes in
            attributes["rpc.system"] = "loginradius"
            attributes["rpc.service"] = name.group
            attributes["rpc.method"] = name.swiftName
            attributes["loginradius.operation"] = name.loginRadiusName
            attributes["http.request.method"] = (method ?? operation.method).rawValue
        }
        return span
    }

    /// Records how the call ended on its span (which the caller ends).
    static func finish(_ span: some Span, _ outcome: CallOutcome, attempts: Int) {
        span.updateAttributes { attributes in
            if let status = outcome.httpStatus { attributes["http.response.status_code"] = Int64(status) }
            if let code = outcome.errorCode { attributes["loginradius.error_code"] = Int64(code) }
            attributes["loginradius.attempts"] = Int64(attempts)
            if let kind = outcome.failureKind { attributes["error.type"] = kind }
        }
        if let kind = outcome.failureKind {
            span.setStatus(SpanStatus(code: .error, message: "\(kind) \(outcome.failureReason ?? kind)"))
        }
    }
}
