import Foundation
import LRCore
import Logging
import Testing

/// Adds one header field in the retry loop (per attempt), as a custom middleware would.
struct HeaderAddingMiddleware: LoginRadiusMiddleware {
    var name: String
    var value: String

    func intercept(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext) async throws
        -> LoginRadiusResponse
    {
        var request = request
        request.headers[name] = value
        return try await next(request, context)
    }
}

/// CR, LF or NUL in anything that becomes a header — origin IP, access token, SOTT, a custom
/// middleware's field name or value — is refused before sending, and the transport sees nothing.
@Suite("Security: header injection is refused before sending")
struct SecurityHeaderInjectionTests {
    static let injections = [
        "abc\r\nX-Injected: 1", "abc\nX-Injected: 1", "abc\rX-Injected: 1", "abc\u{0}def", "\r\n\r\nGET / HTTP/1.1",
    ]

    static let tokenOperation = OperationDescriptor(
        name: "getProfileByAccessToken", group: "authentication", method: .get,
        pathTemplate: "identity/v2/auth/account",
        accessToken: .bearer, documentation: "x")
    static let sottOperation = OperationDescriptor(
        name: "userRegistrationByEmail", group: "authentication", method: .post,
        pathTemplate: "identity/v2/auth/register",
        documentation: "x")

    static func client(
        _ transport: ScriptedTransport, originIP: String? = nil, attemptMiddleware: [any LoginRadiusMiddleware] = [],
        middleware: [any LoginRadiusMiddleware] = []
    ) throws -> LoginRadiusClient {
        var configuration = try TestCredentials.configuration()
        configuration.originIP = originIP
        return try LoginRadiusClient(
            configuration: configuration, transport: transport, middleware: middleware,
            attemptMiddleware: attemptMiddleware,
            logger: Logger(label: "lr-security", factory: { _ in SwiftLogNoOpLogHandler() }), clock: FakeClock(),
            randomFraction: { 0 })
    }

    /// The error `body` throws, or `nil`.
    static func caught(_ body: () async throws -> Void) async -> (any Error)? {
        do {
            try await body()
            return nil
        } catch {
            return error
        }
    }

    static func isInvalidArgument(_ error: any Error, parameter: String? = nil) -> Bool {
        guard let argument = (error as? LoginRadiusError)?.invalidArgument else { return false }
        return parameter.map { argument.parameter == $0 } ?? true
    }

    @Test("an access token with CR/LF/NUL: invalidArgument, nothing sent", arguments: injections)
    func accessToken(_ value: String) async throws {
        let transport = ScriptedTransport()
        let client = try Self.client(transport)
        let error = await Self.caught {
            var call = APICall(Self.tokenOperation)
            try call.accessToken(value)
            _ = try await client.send(call)
        }
        #expect(
            error.map { Self.isInvalidArgument($0, parameter: "accessToken") } == true, "\(String(describing: error))")
        #expect(transport.requests.isEmpty)
    }

    @Test("a SOTT with CR/LF/NUL: invalidArgument, nothing sent", arguments: injections)
    func sott(_ value: String) async throws {
        let transport = ScriptedTransport()
        let client = try Self.client(transport)
        let error = await Self.caught {
            var call = APICall(Self.sottOperation)
            try call.header(LoginRadiusHeaderName.sott, required: value, parameter: "sott")
            _ = try await client.send(call)
        }
        #expect(error.map { Self.isInvalidArgument($0, parameter: "sott") } == true, "\(String(describing: error))")
        #expect(transport.requests.isEmpty)
    }

    @Test("an origin IP with CR/LF/NUL is refused: configuration and middleware, nothing sent", arguments: injections)
    func originIP(_ value: String) async throws {
        // Through the configuration: refused when the configuration is made.
        let configurationError = #expect(throws: LoginRadiusError.self) {
            _ = try LoginRadiusConfiguration(
                apiKey: TestCredentials.apiKey, apiSecret: TestCredentials.apiSecret, originIP: value)
        }
        if configurationError?.code != .invalidConfiguration {
            Issue.record("expected invalidConfiguration, got \(String(describing: configurationError))")
        }
        // The middleware on its own: invalidArgument.
        let error = #expect(throws: LoginRadiusError.self) { _ = try OriginIPMiddleware(originIP: value) }
        #expect(error.map { Self.isInvalidArgument($0, parameter: "originIP") } == true, "\(String(describing: error))")
        // Set on a configuration after validation: the client refuses to start, nothing sent.
        let transport = ScriptedTransport()
        #expect(throws: LoginRadiusError.self) { _ = try Self.client(transport, originIP: value) }
        #expect(transport.requests.isEmpty)
    }

    @Test("a custom middleware's header value with CR/LF/NUL: invalidArgument, nothing sent", arguments: injections)
    func middlewareValue(_ value: String) async throws {
        for placement in ["call", "attempt"] {
            let transport = ScriptedTransport()
            let middleware = HeaderAddingMiddleware(name: "X-Request-ID", value: value)
            let client =
                try placement == "call"
                ? Self.client(transport, middleware: [middleware])
                : Self.client(transport, attemptMiddleware: [middleware])
            let error = await Self.caught {
                var call = APICall(Self.tokenOperation)
                try call.accessToken("sample_access_token")
                _ = try await client.send(call)
            }
            #expect(
                error.map { Self.isInvalidArgument($0, parameter: "X-Request-ID") } == true,
                "\(String(describing: error))")
            #expect(transport.requests.isEmpty, "\(placement) middleware")
        }
    }

    @Test("a custom middleware's header name with CR/LF/NUL: invalidArgument, nothing sent", arguments: injections)
    func middlewareName(_ name: String) async throws {
        let transport = ScriptedTransport()
        let client = try Self.client(transport, attemptMiddleware: [HeaderAddingMiddleware(name: name, value: "v")])
        let error = await Self.caught {
            var call = APICall(Self.tokenOperation)
            try call.accessToken("sample_access_token")
            _ = try await client.send(call)
        }
        #expect(error.map { Self.isInvalidArgument($0) } == true, "\(String(describing: error))")
        #expect(transport.requests.isEmpty)
    }

    @Test("the libcurl transport itself refuses CR/LF before any byte leaves (nothing reaches the server)")
    func transportRefuses() async throws {
        let server = try LoopbackHTTPServer { _ in .json("{}") }
        defer { server.stop() }
        let transport = try CurlTransport(options: .init(connectTimeout: .seconds(1), requestTimeout: .seconds(2)))
        for value in Self.injections {
            let error = await Self.caught {
                _ = try await transport.send(
                    LoginRadiusRequest(
                        method: .get, baseURL: server.baseURL, pathSegments: ["x"],
                        headers: ["Authorization": "Bearer " + value]))
            }
            #expect(error.map { Self.isInvalidArgument($0) } == true, "\(String(describing: error))")
        }
        #expect(server.requests.isEmpty)
    }
}
