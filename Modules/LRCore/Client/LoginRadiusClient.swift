public import Logging

/// The entry point: owns the configuration, the transport and the middleware pipeline.
///
/// Create one client per LoginRadius app and process, share it, and shut it down when your
/// service stops: it is `Sendable`, and its transport reuses connections across calls. Each API
/// module adds its API object as a property (`client.authentication` from LRAuth,
/// `client.account` from LRAccount, …).
///
/// ```swift
/// let client = try LoginRadiusClient(configuration: .init(apiKey: key, apiSecret: secret))
/// let token = try await client.with(originIP: remoteAddress).authentication.loginByEmail(
///     .init(email: email, password: password))
/// try await client.shutdown()
/// ```
///
/// ## Per-call options
/// ``with(originIP:timeout:logger:headers:metadata:)`` returns a view of the client for a call
/// or a request: the end user's origin IP, a time limit, a logger, extra header fields and log
/// metadata. A view shares everything else (transport, connections, pipeline, retry budget): it
/// costs no thread and no handle, so make one per incoming request.
///
/// ## Lifecycle
/// ``shutdown()`` stops the transport the client created and closes its connections; later
/// calls throw ``LoginRadiusError/Code/shutDown``. Use it, or the scoped
/// ``withLoginRadiusClient(configuration:transport:middleware:attemptMiddleware:logger:isolation:_:)``.
///
/// ## Logging
/// The SDK never creates a logger of its own: it logs to the logger given here or to
/// ``with(originIP:timeout:logger:headers:metadata:)``, else to swift-log's task-local
/// `Logger.current` at the time of the call. A successful call logs one line at debug level;
/// retries at info; nothing at warning or above except a one-time configuration warning.
///
/// ## Pipeline order
/// The pipeline is built once per client. Every call passes through these steps, outermost first:
///
/// 1. ``TracingMiddleware`` and ``MetricsMiddleware`` — a span, counters and a timer per call,
///    when a tracer or a metrics backend is active (`Docs/Observability.md`).
/// 1. ``LoggingMiddleware`` — one line per call (``LoginRadiusConfiguration/logging``); it sees
///    the whole call, every retry included, with the request as the SDK built it.
/// 2. Your `middleware`, in the order given — once per call.
/// 3. ``OriginIPMiddleware`` — `X-Origin-IP` from the call's options or
///    ``LoginRadiusConfiguration/originIP``, when either is set.
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
    let core: ClientCore
    /// This view's per-call options (see ``with(originIP:timeout:logger:headers:metadata:)``).
    public let callOptions: LoginRadiusCallOptions

    /// The configuration the client was created with.
    public var configuration: LoginRadiusConfiguration { core.configuration }

    /// The logger calls on this view write to: this view's or the client's logger, else the
    /// task-local `Logger.current`.
    public var logger: Logger { callOptions.logger ?? Logger.current }

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: The app's credentials and settings.
    ///   - transport: The transport; default a ``CurlTransport`` built from `configuration` (its
    ///     proxy, timeouts and `User-Agent`), which ``shutdown()`` stops. A transport you pass is
    ///     yours to shut down, and the configuration's transport settings do not apply to it.
    ///   - middleware: Your middleware that sees each call once, outermost first; placed after
    ///     logging and before origin IP, compression and retry (see "Pipeline order").
    ///   - attemptMiddleware: Your middleware that sees each attempt, outermost first; placed
    ///     inside the retry loop, before request signing (see "Pipeline order").
    ///   - logger: Where the SDK logs; default `nil`: the task-local `Logger.current` of each call.
    ///   - clock: Time for backoff, deadlines, durations and signing expiries; default the system
    ///     clock. Tests pass a fake one.
    ///   - randomFraction: The retry jitter source, a number in `0...1`; default
    ///     `Double.random(in: 0...1)`. Tests pass a constant.
    /// - Throws: ``LoginRadiusError/Code/invalidConfiguration`` when the configuration is unusable
    ///   or the transport cannot start.
    public init(
        configuration: LoginRadiusConfiguration,
        transport: (any LoginRadiusTransport)? = nil,
        middleware: [any LoginRadiusMiddleware] = [],
        attemptMiddleware: [any LoginRadiusMiddleware] = [],
        logger: Logger? = nil,
        clock: any LoginRadiusClock = LoginRadiusSystemClock(),
        randomFraction: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) throws {
        try configuration.validate()
        var stack: [any LoginRadiusMiddleware] = [TracingMiddleware(), MetricsMiddleware(clock: clock)]
        stack.append(LoggingMiddleware(policy: configuration.logging, clock: clock))
        stack.append(contentsOf: middleware)
        stack.append(OriginIPMiddleware())
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
        if transport != nil {
            Self.warnAboutIgnoredTransportSettings(configuration, logger: logger ?? Logger.current)
        }
        let pipeline = MiddlewarePipeline(
            middleware: stack, transport: try transport ?? CurlTransport(configuration: configuration))
        self.core = ClientCore(
            configuration: configuration, pipeline: pipeline, ownsTransport: transport == nil, logger: logger,
            clock: clock)
        self.callOptions = LoginRadiusCallOptions(logger: logger)
    }

    private init(core: ClientCore, callOptions: LoginRadiusCallOptions) {
        self.core = core
        self.callOptions = callOptions
    }

    /// A view of this client whose calls carry these options; everything else is shared.
    ///
    /// ```swift
    /// let token = try await client.with(originIP: request.remoteAddress).authentication.loginByEmail(
    ///     .init(email: email, password: password))
    /// ```
    ///
    /// Views are cheap values (no thread, no connection, no allocation beyond the value): make one
    /// per incoming request. Values given here replace this view's; `nil` keeps them; header
    /// fields and metadata add up. An origin IP that is blank or contains CR or LF makes each
    /// call throw ``LoginRadiusError/Code/invalidArgument`` before anything is sent.
    ///
    /// - Parameters:
    ///   - originIP: The end user's IP address for `X-Origin-IP`; default the configuration's.
    ///   - timeout: The time limit of each attempt; default ``LoginRadiusConfiguration/requestTimeout``.
    ///   - logger: Where these calls log; default this view's logger, else `Logger.current`.
    ///   - headers: Header fields to add to each request (replacing fields of the same name).
    ///   - metadata: Metadata for these calls' log lines (and for middleware).
    /// - Returns: The view.
    public func with(
        originIP: String? = nil, timeout: Duration? = nil, logger: Logger? = nil,
        headers: LoginRadiusHeaders = [:], metadata: Logger.Metadata = [:]
    ) -> LoginRadiusClient {
        LoginRadiusClient(
            core: core,
            callOptions: callOptions.merging(
                LoginRadiusCallOptions(
                    originIP: originIP, timeout: timeout, logger: logger, headers: headers, metadata: metadata))
        )
    }

    /// The type names of the pipeline's middleware, outermost first (for tests and diagnostics).
    package var middlewareNames: [String] {
        core.pipeline.middleware.map { String(describing: type(of: $0)) }
    }

    /// The transport every view of this client shares (for tests).
    package var transport: any LoginRadiusTransport { core.pipeline.transport }

    /// Sends an already built request through the whole pipeline as a call of `operation`, and
    /// returns the response whatever its status (for tests that drive the pipeline directly).
    ///
    /// - Throws: Whatever the pipeline throws.
    package func sendThroughPipeline(_ request: LoginRadiusRequest, operation: OperationDescriptor) async throws
        -> LoginRadiusResponse
    {
        try await core.pipeline.send(request, context: context(for: operation))
    }

    /// The context of a call of `operation` on this view: its logger with the operation's name
    /// and the view's metadata, and the call's options with the origin IP resolved.
    func context(for operation: OperationDescriptor) -> LoginRadiusRequestContext {
        var logger = logger
        for (key, value) in callOptions.metadata { logger[metadataKey: key] = value }
        logger[metadataKey: "lr.operation"] = .string(operation.name)
        var options = callOptions
        options.originIP = options.originIP ?? configuration.originIP
        return LoginRadiusRequestContext(operation: operation, logger: logger, callOptions: options)
    }

    /// The one warning the SDK logs: settings of the default transport that a custom transport ignores.
    private static func warnAboutIgnoredTransportSettings(_ configuration: LoginRadiusConfiguration, logger: Logger) {
        let defaults = CurlTransport.Options()
        var ignored: [String] = []
        if configuration.proxy != nil { ignored.append("proxy") }
        if configuration.connectTimeout != defaults.connectTimeout { ignored.append("connectTimeout") }
        guard !ignored.isEmpty else { return }
        logger.warning(
            "LoginRadiusConfiguration settings of the default transport are ignored: a custom transport was given",
            metadata: ["lr.ignored": .string(ignored.joined(separator: ", "))])
    }
}
