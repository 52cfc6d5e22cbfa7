/// Every error the SDK throws (besides `CancellationError` when the calling task is cancelled).
///
/// Switch over the cases to tell the user's mistakes (``api(_:)`` with LoginRadius's
/// `ErrorCode`), your own (``invalidArgument(_:)``, ``invalidConfiguration(_:)``) and the
/// network's (``transport(_:)``, ``tooManyRequests(_:)``, ``http(_:)``) apart:
///
/// ```swift
/// do {
///     let token = try await client.authentication.loginByEmail(
///         emailAuthenticationModel: .init(email: email, password: password))
/// } catch LoginRadiusError.api(let error) where error.errorCode == 966 {
///     // 966 (HTTP 401): "Invalid user ID and/or password" — ask the user again.
/// }
/// ```
public enum LoginRadiusError: Error, Sendable, Hashable {
    /// LoginRadius answered with its error body (`ErrorCode`, `Description`, …).
    /// The codes are listed at https://www.loginradius.com/docs/api/v2/troubleshooting/error-codes/.
    case api(APIError)
    /// LoginRadius (or a proxy in front of it) answered 429 Too Many Requests.
    case tooManyRequests(TooManyRequests)
    /// An HTTP error status whose body is not LoginRadius's error JSON (for example a proxy's HTML page).
    case http(HTTPFailure)
    /// The request never got a complete answer: DNS, connect, TLS, timeout, reset connection.
    case transport(TransportFailure)
    /// A reply arrived but could not be decoded into the expected type.
    case decoding(DecodingFailure)
    /// An argument was rejected before anything was sent (a blank required value, CR/LF in a header).
    case invalidArgument(InvalidArgument)
    /// The client configuration is unusable (a blank API key or secret, a malformed base URL).
    case invalidConfiguration(String)
}

extension LoginRadiusError: CustomStringConvertible {
    /// A one-line description that never contains credentials.
    public var description: String {
        switch self {
        case .api(let error):
            "LoginRadius error \(error.errorCode) (HTTP \(error.httpStatus)): \(error.errorDescription)"
                + (error.message.map { " — \($0)" } ?? "")
        case .tooManyRequests(let info):
            "LoginRadius answered 429 Too Many Requests"
                + (info.retryAfter.map { "; retry after \($0.components.seconds) s" } ?? "")
        case .http(let failure):
            "HTTP \(failure.status) with a non-LoginRadius body: \(failure.bodySnippet)"
        case .transport(let failure):
            "Transport error \(failure.kind) (libcurl \(failure.code)): \(failure.message)"
        case .decoding(let failure):
            "Could not decode \(failure.type): \(failure.reason); body: \(failure.bodySnippet)"
        case .invalidArgument(let argument):
            "Invalid argument '\(argument.parameter)': \(argument.reason); nothing was sent"
        case .invalidConfiguration(let reason):
            "Invalid configuration: \(reason)"
        }
    }
}
