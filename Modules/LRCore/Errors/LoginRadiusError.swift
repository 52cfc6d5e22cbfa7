/// Every error the SDK throws (besides `CancellationError` when the calling task is cancelled).
///
/// A struct with a growable set of ``Code``s, not an enum: the SDK can add a kind of failure
/// without breaking a `switch` in your code (the reasons are in `Docs/Architecture.md`). Every
/// error thrown by a call says which call failed (``operation``), how many attempts it made
/// (``attempts``), and, where there was one, the HTTP status (``httpStatus``) and LoginRadius's
/// `ErrorCode` (``errorCode``). The payload of each code is an optional property of the same
/// name (``api``, ``transport``, …).
///
/// ```swift
/// do {
///     let token = try await client.authentication.loginByEmail(
///         .init(email: email, password: password))
/// } catch let error as LoginRadiusError where error.errorCode == 966 {
///     // 966 (HTTP 401): "Invalid user ID and/or password" — ask the user again.
/// } catch let error as LoginRadiusError where error.code == .tooManyRequests {
///     // Slow down: error.tooManyRequests?.retryAfter says for how long, when LoginRadius said.
/// }
/// ```
///
/// Two errors are equal when they describe the same failure (code and payload); where it happened
/// (``operation``, ``attempts``) is not compared, so a test can expect a failure without spelling
/// out the call.
public struct LoginRadiusError: Error, Sendable {
    /// What kind of failure: compare with `==` or match with `catch LoginRadiusError.Code.shutDown`.
    ///
    /// New codes may be added in any release; a `switch` over codes needs a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case api, tooManyRequests, http, transport, decoding, invalidArgument, invalidConfiguration, shutDown
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// LoginRadius answered with its error body (`ErrorCode`, `Description`, …); see ``LoginRadiusError/api``.
        public static let api = Code(.api)
        /// LoginRadius (or a proxy in front of it) answered 429 Too Many Requests; see
        /// ``LoginRadiusError/tooManyRequests``.
        public static let tooManyRequests = Code(.tooManyRequests)
        /// An HTTP error status whose body is not LoginRadius's error JSON; see ``LoginRadiusError/http``.
        public static let http = Code(.http)
        /// The request never got a complete answer; see ``LoginRadiusError/transport`` and its
        /// transport-neutral ``TransportFailure/kind``.
        public static let transport = Code(.transport)
        /// A reply arrived but could not be decoded; see ``LoginRadiusError/decoding``.
        public static let decoding = Code(.decoding)
        /// An argument was rejected before anything was sent; see ``LoginRadiusError/invalidArgument``.
        public static let invalidArgument = Code(.invalidArgument)
        /// The client configuration is unusable; see ``LoginRadiusError/invalidConfiguration``.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The client was shut down (``LoginRadiusClient/shutdown()``) before or while the call ran.
        public static let shutDown = Code(.shutDown)

        /// The code's name, e.g. `tooManyRequests`.
        public var description: String { base.rawValue }

        /// Whether `error` is a ``LoginRadiusError`` with this code: `catch LoginRadiusError.Code.shutDown { … }`.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? LoginRadiusError)?.code == code
        }
    }

    /// The failure and its payload; one case per ``Code``.
    enum Detail: Sendable, Hashable {
        case api(APIError)
        case tooManyRequests(TooManyRequests)
        case http(HTTPFailure)
        case transport(TransportFailure)
        case decoding(DecodingFailure)
        case invalidArgument(InvalidArgument)
        case invalidConfiguration(String)
        case shutDown
    }

    let detail: Detail

    /// The call that failed: its Swift and LoginRadius names. `nil` only for errors thrown outside
    /// a call (creating a configuration, a client or a transport, or a middleware used on its own).
    public internal(set) var operation: OperationName?
    /// How many attempts the call made: `0` when nothing was sent (an argument was refused, or the
    /// client was shut down), more than `1` when it was retried.
    public internal(set) var attempts: Int

    init(_ detail: Detail, operation: OperationName? = nil, attempts: Int = 0) {
        self.detail = detail
        self.operation = operation
        self.attempts = attempts
    }

    /// What kind of failure this is.
    public var code: Code {
        switch detail {
        case .api: .api
        case .tooManyRequests: .tooManyRequests
        case .http: .http
        case .transport: .transport
        case .decoding: .decoding
        case .invalidArgument: .invalidArgument
        case .invalidConfiguration: .invalidConfiguration
        case .shutDown: .shutDown
        }
    }

    /// The HTTP status of the reply, when there was one (``Code/api``, ``Code/tooManyRequests``, ``Code/http``).
    public var httpStatus: Int? {
        switch detail {
        case .api(let error): error.httpStatus
        case .tooManyRequests: 429
        case .http(let failure): failure.status
        default: nil
        }
    }

    /// LoginRadius's numeric `ErrorCode`, when its error body arrived (e.g. `966` for wrong credentials).
    public var errorCode: Int? {
        switch detail {
        case .api(let error): error.errorCode
        case .tooManyRequests(let info): info.apiError?.errorCode
        default: nil
        }
    }

    /// This error, marked as an error of the call of `operation` after `attempts` attempts; an
    /// operation already recorded (by an inner layer) is kept.
    package func attributed(to operation: OperationName, attempts: Int) -> LoginRadiusError {
        var error = self
        if error.operation == nil { error.operation = operation }
        error.attempts = max(error.attempts, attempts)
        return error
    }
}

extension LoginRadiusError: Hashable {
    /// Whether both describe the same failure (code and payload); ``operation`` and ``attempts`` are not compared.
    public static func == (lhs: LoginRadiusError, rhs: LoginRadiusError) -> Bool {
        lhs.detail == rhs.detail
    }

    /// Hashes the failure (code and payload), consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(detail)
    }
}

/// The name of a call, as errors, logs and metrics report it.
public struct OperationName: Sendable, Hashable, CustomStringConvertible {
    /// The Swift method's name, e.g. `loginByEmail`.
    public var swiftName: String
    /// The name LoginRadius's own SDKs use (the Python SDK's method name), e.g. `login_by_email`.
    public var loginRadiusName: String
    /// The API group, e.g. `authentication`.
    public var group: String

    /// Creates an operation name.
    public init(swiftName: String, loginRadiusName: String, group: String) {
        self.swiftName = swiftName
        self.loginRadiusName = loginRadiusName
        self.group = group
    }

    /// `group.swiftName (loginRadiusName)`, e.g. `authentication.loginByEmail (login_by_email)`.
    public var description: String {
        "\(group).\(swiftName)" + (loginRadiusName == swiftName ? "" : " (\(loginRadiusName))")
    }
}

extension OperationDescriptor {
    /// The operation's name for errors, logs and metrics.
    public var operationName: OperationName {
        OperationName(swiftName: name, loginRadiusName: loginRadiusName, group: group)
    }
}
