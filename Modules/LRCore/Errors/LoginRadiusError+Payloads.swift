/// LoginRadius's error body, with the HTTP status it came with.
///
/// Source: https://www.loginradius.com/docs/api/v2/troubleshooting/error-codes/
public struct APIError: Sendable, Hashable {
    /// LoginRadius's numeric error code (`ErrorCode`), e.g. `966` for an invalid user ID or
    /// password (`1048` is a missing SOTT); see LoginRadius's response-code table.
    public var errorCode: Int
    /// `Description`: what went wrong, for developers.
    public var errorDescription: String
    /// `Message`: a short message, when LoginRadius sends one.
    public var message: String?
    /// `IsProviderError`: whether a social provider, not LoginRadius, refused the call.
    public var isProviderError: Bool?
    /// `ProviderErrorResponse`: the provider's own reply, when there is one.
    public var providerErrorResponse: JSONValue?
    /// `Errors`: field-level validation errors, when LoginRadius lists them.
    public var errors: JSONValue?
    /// `Data`: what LoginRadius attaches to some errors, e.g. the `PINAuthToken` with error 1243
    /// ("PIN is required") or the second-factor details of an MFA login.
    public var data: JSONValue?
    /// The HTTP status the body came with.
    public var httpStatus: Int

    /// Creates an API error.
    public init(
        errorCode: Int, errorDescription: String, message: String? = nil, isProviderError: Bool? = nil,
        providerErrorResponse: JSONValue? = nil, errors: JSONValue? = nil, data: JSONValue? = nil, httpStatus: Int
    ) {
        self.errorCode = errorCode
        self.errorDescription = errorDescription
        self.message = message
        self.isProviderError = isProviderError
        self.providerErrorResponse = providerErrorResponse
        self.errors = errors
        self.data = data
        self.httpStatus = httpStatus
    }
}

/// A 429 answer.
public struct TooManyRequests: Sendable, Hashable {
    /// How long the server asked to wait (`Retry-After`, seconds or HTTP-date), when it said.
    public var retryAfter: Duration?
    /// LoginRadius's error body, when the reply had one.
    public var apiError: APIError?

    /// Creates the payload.
    public init(retryAfter: Duration? = nil, apiError: APIError? = nil) {
        self.retryAfter = retryAfter
        self.apiError = apiError
    }
}

/// An HTTP error status with a body that is not LoginRadius's error JSON.
public struct HTTPFailure: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The first 256 characters of the body, with invalid UTF-8 replaced.
    public var bodySnippet: String

    /// Creates the payload.
    public init(status: Int, bodySnippet: String) {
        self.status = status
        self.bodySnippet = bodySnippet
    }
}

/// A failure to exchange a request and response with the server.
public struct TransportFailure: Sendable, Hashable {
    /// What kind of failure, for switching without knowing libcurl's codes.
    public enum Kind: String, Sendable, Hashable {
        /// The host name could not be resolved (or the proxy's).
        case couldNotResolveHost
        /// No connection could be made (refused, unreachable).
        case couldNotConnect
        /// The TLS handshake or certificate verification failed.
        case tls
        /// The connect or total timeout passed.
        case timedOut
        /// The connection broke while sending or receiving (reset, closed early, truncated).
        case connectionLost
        /// The reply exceeded a size limit (for example a decompression limit).
        case responseTooLarge
        /// Any other transport failure.
        case other
    }

    /// The kind of failure.
    public var kind: Kind
    /// libcurl's `CURLcode` (0 when the failure did not come from libcurl).
    public var code: Int
    /// libcurl's message or the SDK's explanation.
    public var message: String
    /// Whether the request may have reached the server; `false` only when it certainly did not.
    public var mayHaveReachedServer: Bool

    /// Creates the payload.
    public init(kind: Kind, code: Int, message: String, mayHaveReachedServer: Bool) {
        self.kind = kind
        self.code = code
        self.message = message
        self.mayHaveReachedServer = mayHaveReachedServer
    }
}

/// A reply that could not be decoded.
public struct DecodingFailure: Sendable, Hashable {
    /// The Swift type that was expected, e.g. `AccessToken<Identity>`.
    public var type: String
    /// What failed, with the coding path.
    public var reason: String
    /// The first 256 characters of the body.
    public var bodySnippet: String

    /// Creates the payload.
    public init(type: String, reason: String, bodySnippet: String) {
        self.type = type
        self.reason = reason
        self.bodySnippet = bodySnippet
    }
}

/// An argument rejected before sending.
public struct InvalidArgument: Sendable, Hashable {
    /// The Swift parameter name, e.g. `accessToken`.
    public var parameter: String
    /// Why it was rejected, e.g. `is blank`.
    public var reason: String

    /// Creates the payload.
    public init(parameter: String, reason: String) {
        self.parameter = parameter
        self.reason = reason
    }
}
