/// Sends one HTTP request and returns its response: the bottom of the middleware pipeline.
///
/// The SDK's default is ``CurlTransport`` (libcurl). Tests use a capture transport; users may
/// supply their own (for example one on AsyncHTTPClient). A transport honours the request's
/// ``LoginRadiusRequest/timeout`` (the SDK sends nothing else that a transport must interpret:
/// proxies, connect timeouts, size caps and TLS settings are the transport's own options, as
/// ``CurlTransport/Options`` shows). It reports failures to reach the server as
/// ``LoginRadiusError/transport(_:)`` with a transport-neutral ``TransportFailure/Kind`` and throws `CancellationError` when the
/// calling task is cancelled. It returns every HTTP status as a response; it never throws for one.
public protocol LoginRadiusTransport: Sendable {
    /// Sends `request` and returns the response with its body read completely.
    func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse

    /// Releases what the transport holds (threads, connections). Called by
    /// ``LoginRadiusClient/shutdown()`` for the transport the client created itself; calls in
    /// flight end, later calls fail. The default does nothing.
    func shutdown() async throws
}

extension LoginRadiusTransport {
    /// Does nothing: a transport with nothing to release needs no shutdown.
    public func shutdown() async throws {}
}
