import Logging

/// Logs every call through swift-log: one line per call, and the redacted exchange for debugging.
///
/// At ``LoggingPolicy/callLevel`` (default debug, as swift-log's guidelines ask of a library's
/// successful work), one line when the call ends:
/// `POST /identity/v2/auth/login → 200 (1 attempt, 84 ms)`, with metadata `lr.operation`,
/// `lr.method`, `lr.path`, `lr.status` (or `lr.error`), `lr.attempts` and `lr.duration_ms`.
/// At ``LoggingPolicy/bodyLevel`` (default trace), the request (method, path, query parameter
/// names, headers, body) before it is sent and the response (status, headers, body) after.
///
/// Secrets never reach the logger, at any level: what is logged is built from allow-lists and a
/// JSON walk (see ``LogRedaction``), never from the URL or raw headers, and an error is logged as
/// its kind only (a message could quote a URL with a secret in its query).
///
/// Installed by ``LoginRadiusClient`` as the outermost middleware, so the line covers the whole
/// call — your middleware, every retry and the waits between them — and shows the request as the
/// SDK built it and the response after decompression.
public struct LoggingMiddleware: LoginRadiusMiddleware {
    /// The policy.
    public let policy: LoggingPolicy
    private let clock: any LoginRadiusClock

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - policy: Levels and extra redacted keys; default ``LoggingPolicy/default``.
    ///   - clock: Measures the call's duration; default the system clock.
    public init(policy: LoggingPolicy = .default, clock: any LoginRadiusClock = LoginRadiusSystemClock()) {
        self.policy = policy
        self.clock = clock
    }

    /// Logs the request, passes it on, and logs the outcome.
    ///
    /// - Throws: Whatever the rest of the pipeline throws, unchanged.
    public func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        let logger = context.logger
        let policy = policy
        // A logger that would drop every line (e.g. swift-log's no-op handler, or a level above
        // both of the policy's): skip the redaction, the clock and the task-local record entirely.
        guard logger.logLevel <= policy.callLevel || logger.logLevel <= policy.bodyLevel else {
            return try await next(request, context)
        }
        let start = clock.monotonicNow
        let path = LogRedaction.path(of: request)
        let method = request.method.rawValue
        logger.log(
            level: policy.bodyLevel,
            "request \(method) \(path)",
            metadata: [
                "lr.query": "\(LogRedaction.queryNames(of: request))",
                "lr.headers": "\(LogRedaction.headers(request.headers))",
                "lr.body":
                    "\(LogRedaction.body(request.body, additionalKeys: policy.additionalRedactedKeys, limit: policy.maxLoggedBodySize))",
            ]
        )
        // The client installs the call's record; used on its own, this middleware installs one.
        let installed = CallRecord.current
        let record = installed ?? CallRecord()
        do {
            let response =
                try await installed != nil
                ? next(request, context)
                : CallRecord.$current.withValue(record) { try await next(request, context) }
            let elapsed = (clock.monotonicNow - start).wholeMilliseconds
            let attempts = record.attempts
            // Built only when the line is logged; integers go in as `stringConvertible`, which
            // formats them only if a handler reads them.
            logger.log(
                level: policy.callLevel,
                "\(method) \(path) → \(response.status) (\(Self.attempts(attempts)), \(elapsed) ms)",
                metadata: [
                    "lr.method": .string(method), "lr.path": .string(path),
                    "lr.status": .stringConvertible(response.status), "lr.attempts": .stringConvertible(attempts),
                    "lr.duration_ms": .stringConvertible(elapsed),
                ]
            )
            logger.log(
                level: policy.bodyLevel,
                "response \(response.status) for \(method) \(path)",
                metadata: [
                    "lr.headers": "\(LogRedaction.headers(response.headers))",
                    "lr.body":
                        "\(LogRedaction.body(response.body, additionalKeys: policy.additionalRedactedKeys, limit: policy.maxLoggedBodySize))",
                ]
            )
            return response
        } catch {
            let elapsed = (clock.monotonicNow - start).wholeMilliseconds
            let attempts = record.attempts
            let summary = Self.summary(of: error)
            logger.log(
                level: policy.callLevel,
                "\(method) \(path) failed: \(summary) (\(Self.attempts(attempts)), \(elapsed) ms)",
                metadata: [
                    "lr.method": .string(method), "lr.path": .string(path), "lr.error": .string(summary),
                    "lr.attempts": .stringConvertible(attempts), "lr.duration_ms": .stringConvertible(elapsed),
                ]
            )
            throw error
        }
    }

    private static func attempts(_ count: Int) -> String {
        count == 1 ? "1 attempt" : "\(count) attempts"
    }

    /// What went wrong, without any text that came from a server, libcurl or a URL.
    static func summary(of error: any Error) -> String {
        switch error {
        case is CancellationError:
            return "cancelled"
        case let error as LoginRadiusError:
            if let failure = error.transport {
                return "transport error \(failure.kind)" + (failure.curlCode.map { " (code \($0))" } ?? "")
            }
            if let argument = error.invalidArgument { return "invalid argument '\(argument.parameter)'" }
            if let api = error.api { return "LoginRadius error \(api.errorCode) (HTTP \(api.httpStatus))" }
            if error.code == .tooManyRequests { return "429 Too Many Requests" }
            if let failure = error.http { return "HTTP \(failure.status)" }
            if let failure = error.decoding { return "could not decode \(failure.type)" }
            if error.code == .invalidConfiguration { return "invalid configuration" }
            return "\(error.code)"
        default:
            return String(reflecting: type(of: error))
        }
    }
}
