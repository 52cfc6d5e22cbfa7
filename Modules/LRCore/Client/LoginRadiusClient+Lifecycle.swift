public import Logging

extension LoginRadiusClient {
    /// Shuts the client down: later calls throw ``LoginRadiusError/Code/shutDown`` without
    /// sending anything; calls in flight finish, or end with ``LoginRadiusError/Code/shutDown``
    /// when the transport stops under them; then the transport the client created is stopped
    /// and its connections closed. Returns once that is done.
    ///
    /// Call it once you no longer need the client, typically when your service stops (or use
    /// ``withLoginRadiusClient(configuration:transport:middleware:attemptMiddleware:logger:isolation:_:)``,
    /// which does it for you). It is idempotent: calling it again, on any view made with
    /// ``with(originIP:timeout:logger:headers:metadata:)``, changes nothing and returns once the
    /// transport is stopped. A transport you passed
    /// to the initializer is yours: the client does not shut it down.
    ///
    /// A client released without `shutdown()` does not leak: its transport's thread closes the
    /// connections and ends on its own (and the client says so at debug level). Neither path
    /// blocks the calling thread, so both are safe on Swift's cooperative pool.
    ///
    /// - Throws: What a custom transport's `shutdown()` throws; nothing for ``CurlTransport``.
    public func shutdown() async throws {
        core.markShutDown()
        // Only the transport the client built is the client's to stop; CurlTransport.shutdown()
        // is itself idempotent, so a second call also returns only once the first is done.
        guard core.ownsTransport else { return }
        try await core.pipeline.transport.shutdown()
    }
}

/// Runs `body` with a new client and shuts the client down when `body` returns or throws.
///
/// ```swift
/// try await withLoginRadiusClient(configuration: configuration) { client in
///     let token = try await client.with(originIP: remoteAddress).authentication.loginByEmail(
///         .init(email: email, password: password))
/// }
/// ```
///
/// - Parameters:
///   - configuration: The app's credentials and settings.
///   - transport: The transport; default a ``CurlTransport`` built from `configuration`.
///   - middleware: Your middleware that sees each call once (see ``LoginRadiusClient``).
///   - attemptMiddleware: Your middleware that sees each attempt.
///   - logger: Where the SDK logs; default the task-local `Logger.current` of each call.
///   - isolation: The caller's actor, inherited: `body` runs there.
///   - body: What to do with the client.
/// - Returns: What `body` returns.
/// - Throws: What creating the client or `body` throws (after the client is shut down), or
///   what shutting it down throws.
public func withLoginRadiusClient<Result: Sendable>(
    configuration: LoginRadiusConfiguration,
    transport: (any LoginRadiusTransport)? = nil,
    middleware: [any LoginRadiusMiddleware] = [],
    attemptMiddleware: [any LoginRadiusMiddleware] = [],
    logger: Logger? = nil,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (LoginRadiusClient) async throws -> Result
) async throws -> Result {
    let client = try LoginRadiusClient(
        configuration: configuration, transport: transport, middleware: middleware,
        attemptMiddleware: attemptMiddleware, logger: logger)
    let result: Result
    do {
        result = try await body(client)
    } catch {
        try? await client.shutdown()
        throw error
    }
    try await client.shutdown()
    return result
}
