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

/// A failure to exchange a request and response with the server, in terms every transport can
/// report: a transport-neutral ``kind``, whether the request may have reached the server, and the
/// transport's own detail (libcurl's code and message) for diagnostics only.
public struct TransportFailure: Sendable, Hashable {
    /// What kind of failure, whatever the transport. Retry decides on it.
    ///
    /// New kinds may be added in any release; a `switch` over kinds needs a `default`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The host name (or the proxy's) could not be resolved.
        public static let couldNotResolveHost = Kind("couldNotResolveHost")
        /// No connection could be made: refused or unreachable.
        public static let couldNotConnect = Kind("couldNotConnect")
        /// The TLS handshake failed (a transient failure: retried like a lost connection).
        public static let tls = Kind("tls")
        /// The server's certificate was refused, or the TLS configuration is unusable (a bad CA
        /// bundle, a pinned key that does not match). It fails the same way every time: never retried.
        public static let tlsCertificate = Kind("tlsCertificate")
        /// The connect or total timeout passed.
        public static let timedOut = Kind("timedOut")
        /// The connection broke while sending or receiving (reset, closed early, truncated).
        public static let connectionLost = Kind("connectionLost")
        /// The reply exceeded a size limit (the transport's cap or a decompression limit).
        public static let responseTooLarge = Kind("responseTooLarge")
        /// The transport abandoned the exchange on request (not task cancellation, which throws
        /// `CancellationError`).
        public static let cancelled = Kind("cancelled")
        /// Any other transport failure.
        public static let other = Kind("other")

        /// The kind's name, e.g. `timedOut`.
        public var description: String { name }

        /// Whether a failure of this kind may go away by itself, so a retry can help: name
        /// resolution, connect, TLS handshake, timeouts and lost connections.
        public var isTransient: Bool {
            [.couldNotResolveHost, .couldNotConnect, .tls, .timedOut, .connectionLost].contains(self)
        }
    }

    /// The kind of failure.
    public var kind: Kind
    /// The transport's explanation (libcurl's message for ``CurlTransport``); for diagnostics only.
    public var message: String
    /// Whether the request may have reached the server; `false` only when it certainly did not.
    public var mayHaveReachedServer: Bool
    /// libcurl's `CURLcode` when ``CurlTransport`` reported the failure; `nil` otherwise. For
    /// diagnostics only: decide on ``kind``.
    public var curlCode: Int?

    /// Creates the payload.
    ///
    /// - Parameters:
    ///   - kind: The transport-neutral kind.
    ///   - message: The transport's explanation.
    ///   - mayHaveReachedServer: `false` only when the request certainly never left.
    ///   - curlCode: libcurl's code, for a libcurl-based transport.
    public init(kind: Kind, message: String, mayHaveReachedServer: Bool, curlCode: Int? = nil) {
        self.kind = kind
        self.message = message
        self.mayHaveReachedServer = mayHaveReachedServer
        self.curlCode = curlCode
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
