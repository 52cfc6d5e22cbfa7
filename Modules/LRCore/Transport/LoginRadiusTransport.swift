/// Sends one HTTP request and returns its response: the bottom of the middleware pipeline.
///
/// The SDK's default is ``CurlTransport`` (libcurl). Tests use a capture transport; users may
/// supply their own (for example one on AsyncHTTPClient). A transport reports failures to reach
/// the server as ``LoginRadiusError/transport(_:)`` and throws `CancellationError` when the
/// calling task is cancelled. It returns every HTTP status as a response; it never throws for one.
public protocol LoginRadiusTransport: Sendable {
    /// Sends `request` and returns the response with its body read completely.
    func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse
}
