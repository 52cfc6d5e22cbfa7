extension LoginRadiusError {
    // MARK: Creating errors (for transports, middleware and tests)

    /// LoginRadius's error body.
    public static func api(_ error: APIError) -> LoginRadiusError { LoginRadiusError(.api(error)) }
    /// A 429 answer.
    public static func tooManyRequests(_ info: TooManyRequests) -> LoginRadiusError {
        LoginRadiusError(.tooManyRequests(info))
    }
    /// An HTTP error status with a body that is not LoginRadius's error JSON.
    public static func http(_ failure: HTTPFailure) -> LoginRadiusError { LoginRadiusError(.http(failure)) }
    /// A failure to exchange the request and response with the server.
    public static func transport(_ failure: TransportFailure) -> LoginRadiusError {
        LoginRadiusError(.transport(failure))
    }
    /// A reply that could not be decoded.
    public static func decoding(_ failure: DecodingFailure) -> LoginRadiusError { LoginRadiusError(.decoding(failure)) }
    /// An argument refused before anything was sent.
    public static func invalidArgument(_ argument: InvalidArgument) -> LoginRadiusError {
        LoginRadiusError(.invalidArgument(argument))
    }
    /// An unusable configuration, with the reason.
    public static func invalidConfiguration(_ reason: String) -> LoginRadiusError {
        LoginRadiusError(.invalidConfiguration(reason))
    }
    /// The client is shut down.
    public static let shutDown = LoginRadiusError(.shutDown)

    // MARK: Reading the payload

    /// LoginRadius's error body, for ``Code/api``.
    public var api: APIError? {
        if case .api(let error) = detail { error } else { nil }
    }
    /// The 429 answer, for ``Code/tooManyRequests``.
    public var tooManyRequests: TooManyRequests? {
        if case .tooManyRequests(let info) = detail { info } else { nil }
    }
    /// The status and body snippet, for ``Code/http``.
    public var http: HTTPFailure? {
        if case .http(let failure) = detail { failure } else { nil }
    }
    /// What failed in the exchange, for ``Code/transport``.
    public var transport: TransportFailure? {
        if case .transport(let failure) = detail { failure } else { nil }
    }
    /// What could not be decoded, for ``Code/decoding``.
    public var decoding: DecodingFailure? {
        if case .decoding(let failure) = detail { failure } else { nil }
    }
    /// The refused argument, for ``Code/invalidArgument``.
    public var invalidArgument: InvalidArgument? {
        if case .invalidArgument(let argument) = detail { argument } else { nil }
    }
    /// What is wrong with the configuration, for ``Code/invalidConfiguration``.
    public var invalidConfiguration: String? {
        if case .invalidConfiguration(let reason) = detail { reason } else { nil }
    }
}

extension LoginRadiusError: CustomStringConvertible {
    /// A one-line description that names the call and never contains credentials.
    public var description: String {
        let call = operation.map { "\($0): " } ?? ""
        let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
        return call + failureDescription + tries
    }

    private var failureDescription: String {
        switch detail {
        case .api(let error):
            "LoginRadius error \(error.errorCode) (HTTP \(error.httpStatus)): \(error.errorDescription)"
                + (error.message.map { " — \($0)" } ?? "")
        case .tooManyRequests(let info):
            "LoginRadius answered 429 Too Many Requests"
                + (info.retryAfter.map { "; retry after \($0.components.seconds) s" } ?? "")
        case .http(let failure):
            "HTTP \(failure.status) with a non-LoginRadius body: \(failure.bodySnippet)"
        case .transport(let failure):
            "Transport error \(failure.kind)" + (failure.curlCode.map { " (libcurl \($0))" } ?? "")
                + ": \(failure.message)"
        case .decoding(let failure):
            "Could not decode \(failure.type): \(failure.reason); body: \(failure.bodySnippet)"
        case .invalidArgument(let argument):
            "Invalid argument '\(argument.parameter)': \(argument.reason); nothing was sent"
        case .invalidConfiguration(let reason):
            "Invalid configuration: \(reason)"
        case .shutDown:
            "The client was shut down"
        }
    }
}
