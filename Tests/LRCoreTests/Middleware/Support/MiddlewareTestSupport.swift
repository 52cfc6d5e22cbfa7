import Foundation
import LRCore
import Logging
import Synchronization
import Testing

/// Operations, clients and assertions shared by the middleware tests.
enum MiddlewareTestSupport {
    /// A GET (idempotent).
    static let getProfile = OperationDescriptor(
        name: "getProfileByAccessToken", group: "authentication", method: .get,
        pathTemplate: "identity/v2/auth/account",
        accessToken: .bearer, documentation: "x")
    /// A GET that carries the API secret header (signed when signing is on).
    static let manageGet = OperationDescriptor(
        name: "getProfileByUid", group: "account", method: .get, pathTemplate: "identity/v2/manage/account/{uid}",
        apiSecret: .header(LoginRadiusHeaderName.apiSecret), documentation: "x")
    /// A POST (not idempotent).
    static let login = OperationDescriptor(
        name: "loginByEmail", group: "authentication", method: .post, pathTemplate: "identity/v2/auth/login",
        documentation: "x")
    /// A POST that carries the API secret header.
    static let managePost = OperationDescriptor(
        name: "createAccount", group: "account", method: .post, pathTemplate: "identity/v2/manage/account",
        apiSecret: .header(LoginRadiusHeaderName.apiSecret), documentation: "x")
    /// A POST marked idempotent.
    static let idempotentPost = OperationDescriptor(
        name: "validateAccessToken", group: "authentication", method: .post,
        pathTemplate: "identity/v2/auth/access_token/validate",
        isIdempotent: true, documentation: "x")

    /// The call for `operation` with whatever it needs.
    static func call(_ operation: OperationDescriptor, body: [String: JSONValue]? = nil) throws -> APICall {
        var call = APICall(operation)
        if operation.accessToken != nil { try call.accessToken("sample_access_token") }
        if operation.pathTemplate.contains("{uid}") { try call.pathParameter("uid", "sample_uid", parameter: "uid") }
        if let body { try call.body(JSONValue.object(body)) }
        return call
    }

    /// A configuration with the test credentials, `retry` and `compression`.
    static func configuration(
        retry: RetryPolicy = .default,
        compression: CompressionPolicy = .default,
        requestSigning: Bool = false,
        originIP: String? = nil,
        baseURL: String = LoginRadiusConfiguration.defaultBaseURL
    ) throws -> LoginRadiusConfiguration {
        try LoginRadiusConfiguration(
            apiKey: TestCredentials.apiKey, apiSecret: TestCredentials.apiSecret, baseURL: baseURL, originIP: originIP,
            requestSigning: requestSigning, retry: retry, compression: compression
        )
    }

    /// A client on `transport` with a fake clock and a fixed jitter fraction.
    static func client(
        _ configuration: LoginRadiusConfiguration,
        transport: any LoginRadiusTransport,
        clock: any LoginRadiusClock = FakeClock(),
        fraction: Double = 1,
        middleware: [any LoginRadiusMiddleware] = [],
        attemptMiddleware: [any LoginRadiusMiddleware] = [],
        logger: Logger = Logger(label: "lr-tests", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws -> LoginRadiusClient {
        try LoginRadiusClient(
            configuration: configuration, transport: transport, middleware: middleware,
            attemptMiddleware: attemptMiddleware, logger: logger, clock: clock, randomFraction: { fraction }
        )
    }

    /// A reply with `status` and optional headers.
    static func status(_ status: Int, headers: LoginRadiusHeaders = [:], body: String = "")
        -> Result<LoginRadiusResponse, LoginRadiusError>
    {
        .success(LoginRadiusResponse(status: status, headers: headers, body: Data(body.utf8)))
    }

    /// A `200 {"ok":true}` reply.
    static let ok: Result<LoginRadiusResponse, LoginRadiusError> = .success(.json(#"{"ok":true}"#))

    /// A transport failure reply.
    static func failure(_ kind: TransportFailure.Kind, code: Int? = nil, reached: Bool)
        -> Result<LoginRadiusResponse, LoginRadiusError>
    {
        .failure(
            .transport(TransportFailure(kind: kind, message: "scripted", mayHaveReachedServer: reached, curlCode: code))
        )
    }

    /// `duration` in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// The error `body` throws, or `nil`.
    static func error(of body: () async throws -> Void) async -> (any Error)? {
        do {
            try await body()
            return nil
        } catch {
            return error
        }
    }
}

/// Records what it sees of each request passing through it.
final class RecordingMiddleware: LoginRadiusMiddleware {
    struct Seen: Sendable {
        var attempt: Int
        var headers: LoginRadiusHeaders
        var body: Data?
    }

    private let seen = Mutex<[Seen]>([])
    var calls: [Seen] { seen.withLock { $0 } }

    func intercept(
        _ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext
    ) async throws -> LoginRadiusResponse {
        seen.withLock { $0.append(Seen(attempt: context.attempt, headers: request.headers, body: request.body)) }
        return try await next(request, context)
    }
}
