public import Logging

/// The entry point: owns the configuration, the transport and the middleware pipeline.
///
/// Create one client per LoginRadius app and share it: it is `Sendable`, and its transport reuses
/// connections across calls. Each API module adds its API object as a property
/// (`client.authentication` from LRAuth, `client.account` from LRAccount, …).
///
/// ```swift
/// let client = try LoginRadiusClient(configuration: .init(apiKey: key, apiSecret: secret))
/// let token = try await client.authentication.loginByEmail(
///     emailAuthenticationModel: .init(email: email, password: password))
/// ```
///
/// ## Pipeline order
/// Every call passes through these steps, outermost first:
///
/// 1. ``LoggingMiddleware`` — one line per call (``LoginRadiusConfiguration/logging``); it sees
///    the whole call, every retry included, with the request as the SDK built it.
/// 2. Your `middleware`, in the order given — once per call.
/// 3. ``OriginIPMiddleware`` — when ``LoginRadiusConfiguration/originIP`` is set.
/// 4. ``CompressionMiddleware`` — when ``LoginRadiusConfiguration/compression`` does anything:
///    `Accept-Encoding`, request gzip, response decoding (once per call, on the final response).
/// 5. ``RetryMiddleware`` — when ``LoginRadiusConfiguration/retry`` allows more than one attempt.
///    Everything below runs once per attempt, with ``LoginRadiusRequestContext/attempt`` set.
/// 6. Your `attemptMiddleware`, in the order given — once per attempt (per-attempt headers,
///    metrics, fault injection).
/// 7. ``RequestSigningMiddleware`` — when ``LoginRadiusConfiguration/requestSigning`` is on; each
///    attempt is signed anew with a fresh expiry, over exactly the URL and body that are sent.
/// 8. Header validation — CR, LF or NUL in any header field fails the call, nothing is sent.
/// 9. The transport.
///
/// Signing is innermost so that nothing changes the request after it is signed; compression is
/// outside the retry loop so a body is compressed once and a response decoded once; logging is
/// outermost so its duration and attempt count cover the whole call.
public struct LoginRadiusClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: LoginRadiusConfiguration
    /// The logger middleware and the client write to.
    public let logger: Logger
    let pipeline: MiddlewarePipeline

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: The app's credentials and settings.
    ///   - transport: The transport; default a ``CurlTransport`` built from `configuration`.
    ///   - middleware: Your middleware that sees each call once, outermost first; placed after
    ///     logging and before origin IP, compression and retry (see "Pipeline order").
    ///   - attemptMiddleware: Your middleware that sees each attempt, outermost first; placed
    ///     inside the retry loop, before request signing (see "Pipeline order").
    ///   - logger: Where the SDK logs; default a logger labelled `loginradius`.
    ///   - clock: Time for backoff, deadlines, durations and signing expiries; default the system
    ///     clock. Tests pass a fake one.
    ///   - randomFraction: The retry jitter source, a number in `0...1`; default
    ///     `Double.random(in: 0...1)`. Tests pass a constant.
    /// - Throws: ``LoginRadiusError/invalidConfiguration(_:)`` when the configuration is unusable
    ///   or the transport cannot start.
    public init(
        configuration: LoginRadiusConfiguration,
        transport: (any LoginRadiusTransport)? = nil,
        middleware: [any LoginRadiusMiddleware] = [],
        attemptMiddleware: [any LoginRadiusMiddleware] = [],
        logger: Logger = Logger(label: "loginradius"),
        clock: any LoginRadiusClock = LoginRadiusSystemClock(),
        randomFraction: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) throws {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        var stack: [any LoginRadiusMiddleware] = [LoggingMiddleware(policy: configuration.logging, clock: clock)]
        stack.append(contentsOf: middleware)
        if let originIP = configuration.originIP {
            stack.append(try OriginIPMiddleware(originIP: originIP))
        }
        if configuration.compression.isEnabled {
            stack.append(
                CompressionMiddleware(policy: configuration.compression, requestSigning: configuration.requestSigning))
        }
        if configuration.retry.maxAttempts > 1 {
            stack.append(
                RetryMiddleware(
                    policy: configuration.retry, attemptTimeout: configuration.requestTimeout,
                    clock: clock, randomFraction: randomFraction
                )
            )
        }
        stack.append(contentsOf: attemptMiddleware)
        if configuration.requestSigning {
            stack.append(RequestSigningMiddleware(secret: configuration.apiSecret, now: { clock.wallNow }))
        }
        self.pipeline = MiddlewarePipeline(
            middleware: stack,
            transport: try transport ?? CurlTransport(configuration: configuration)
        )
    }

    /// The type names of the pipeline's middleware, outermost first (for tests and diagnostics).
    package var middlewareNames: [String] {
        pipeline.middleware.map { String(describing: type(of: $0)) }
    }

    /// Sends an already built request through the whole pipeline as a call of `operation`, and
    /// returns the response whatever its status (for tests that drive the pipeline directly).
    ///
    /// - Throws: Whatever the pipeline throws.
    package func sendThroughPipeline(_ request: LoginRadiusRequest, operation: OperationDescriptor) async throws
        -> LoginRadiusResponse
    {
        var logger = logger
        logger[metadataKey: "lr.operation"] = .string(operation.name)
        return try await pipeline.send(
            request, context: LoginRadiusRequestContext(operation: operation, logger: logger))
    }
}
