public import Foundation

/// Replaces `X-LoginRadius-ApiSecret` with a request signature (`X-Request-Expires` + `digest`),
/// so the API secret never travels.
///
/// Installed by ``LoginRadiusClient`` when ``LoginRadiusConfiguration/requestSigning`` is on, as the
/// innermost middleware: it signs the exact URL and body bytes that are sent, and a retried
/// attempt passes through it again and is signed anew with a fresh expiry. Requests that do not
/// carry the secret header (operations that take the secret as a query parameter, or none) pass
/// through unchanged.
public struct RequestSigningMiddleware: LoginRadiusMiddleware {
    /// How long a signature stays valid after it is made. Default one hour, as LoginRadius's SDKs use.
    public let validity: Duration
    private let signer: RequestSigner
    private let now: @Sendable () -> Date

    /// Creates the middleware.
    ///
    /// - Parameters:
    ///   - secret: The API secret (the HMAC key).
    ///   - validity: The signature's lifetime; default one hour.
    ///   - now: The clock; tests pass a fixed one.
    public init(secret: String, validity: Duration = .seconds(3600), now: @escaping @Sendable () -> Date = { Date() }) {
        self.signer = RequestSigner(secret: secret)
        self.validity = validity
        self.now = now
    }

    /// Signs the request when it carries the API secret header.
    public func intercept(
        _ request: LoginRadiusRequest,
        context: LoginRadiusRequestContext,
        next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        guard request.headers.contains(LoginRadiusHeaderName.apiSecret) else {
            return try await next(request, context)
        }
        var request = request
        request.headers.remove(LoginRadiusHeaderName.apiSecret)
        let seconds = Double(validity.components.seconds) + Double(validity.components.attoseconds) / 1e18
        let expiry = RequestSigner.expiryString(now().addingTimeInterval(seconds))
        let digest = signer.digest(expiry: expiry, url: request.url, body: request.body)
        request.headers[LoginRadiusHeaderName.requestExpires] = expiry
        request.headers[LoginRadiusHeaderName.digest] = "SHA-256=" + digest
        return try await next(request, context)
    }
}
