import Foundation
import LRCore
import Testing

@Suite("Client request building")
struct ClientRequestTests {
    static let manageOperation = OperationDescriptor(
        name: "accountDeleteByEmail", group: "account", method: .delete, pathTemplate: "identity/v2/manage/account",
        apiSecret: .header(LoginRadiusHeaderName.apiSecret), documentation: "x")
    static let tokenOperation = OperationDescriptor(
        name: "getProfileByAccessToken", group: "authentication", method: .get,
        pathTemplate: "identity/v2/auth/account",
        accessToken: .bearer, documentation: "x")

    @Test("credentials, region and origin IP go where the operation says")
    func credentialPlacement() async throws {
        let transport = ScriptedTransport()
        var configuration = try TestCredentials.configuration()
        configuration.serverRegion = "eu"
        configuration.originIP = "203.0.113.7"
        let client = try LoginRadiusClient(configuration: configuration, transport: transport)
        var call = APICall(Self.manageOperation)
        try call.query("email", required: "user+tag@example.com", parameter: "email")
        _ = try await client.send(call)
        let request = try #require(transport.requests.first)
        #expect(request.method == .delete)
        #expect(
            request.url
                == "https://api.loginradius.com/identity/v2/manage/account?apiKey=\(TestCredentials.apiKey)&email=user%2Btag%40example.com&region=eu"
        )
        #expect(request.headers[LoginRadiusHeaderName.apiSecret] == TestCredentials.apiSecret)
        #expect(request.headers["X-Origin-IP"] == "203.0.113.7")
        #expect(request.body == Data("{}".utf8))
    }

    @Test("a blank required value is refused before anything is sent")
    func blankRequiredValue() async throws {
        let transport = ScriptedTransport()
        let client = try LoginRadiusClient(configuration: try TestCredentials.configuration(), transport: transport)
        await #expect(throws: LoginRadiusError.invalidArgument(.init(parameter: "accessToken", reason: "is blank"))) {
            var call = APICall(Self.tokenOperation)
            try call.accessToken("  ")
            _ = try await client.send(call)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("CR or LF in a header value is refused, also when a middleware adds it")
    func headerInjection() async throws {
        struct Injecting: LoginRadiusMiddleware {
            func intercept(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext)
                async throws -> LoginRadiusResponse
            {
                var request = request
                request.headers["X-Trace"] = "a\r\nX-Evil: 1"
                return try await next(request, context)
            }
        }
        let transport = ScriptedTransport()
        let client = try LoginRadiusClient(
            configuration: try TestCredentials.configuration(), transport: transport, middleware: [Injecting()])
        var call = APICall(Self.tokenOperation)
        #expect(throws: LoginRadiusError.self) { try call.accessToken("tok\nen") }
        try call.accessToken("token")
        await #expect(
            throws: LoginRadiusError.invalidArgument(
                .init(parameter: "X-Trace", reason: "contains CR, LF or NUL, which cannot be sent in an HTTP header"))
        ) {
            _ = try await client.send(call)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test("a blank API key or secret is a configuration error")
    func blankCredentials() {
        #expect(throws: LoginRadiusError.invalidConfiguration("the API key is blank")) {
            _ = try LoginRadiusConfiguration(apiKey: " ", apiSecret: "s")
        }
        #expect(throws: LoginRadiusError.invalidConfiguration("the API secret is blank")) {
            _ = try LoginRadiusConfiguration(apiKey: "k", apiSecret: "")
        }
        #expect(throws: LoginRadiusError.self) {
            _ = try LoginRadiusConfiguration(apiKey: "k", apiSecret: "s", baseURL: "api.example.com")
        }
    }

    @Test("the configuration's description never shows the secret")
    func descriptionRedactsSecret() throws {
        var configuration = try TestCredentials.configuration()
        configuration.proxy = ProxyConfiguration(url: "http://proxy:3128", username: "u", password: "hunter2")
        #expect(!configuration.description.contains(TestCredentials.apiSecret))
        #expect(!configuration.description.contains("hunter2"))
    }

    @Test("user middleware runs outermost, in order")
    func middlewareOrder() async throws {
        struct Tag: LoginRadiusMiddleware {
            let name: String
            func intercept(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext)
                async throws -> LoginRadiusResponse
            {
                var request = request
                request.headers.add(name: "X-Order", value: name + (request.headers["X-Origin-IP"] == nil ? "" : "+ip"))
                return try await next(request, context)
            }
        }
        let transport = ScriptedTransport()
        var configuration = try TestCredentials.configuration()
        configuration.originIP = "198.51.100.1"
        let client = try LoginRadiusClient(
            configuration: configuration, transport: transport, middleware: [Tag(name: "a"), Tag(name: "b")])
        _ = try await client.send(APICall(Self.manageOperation))
        let request = try #require(transport.requests.first)
        #expect(request.headers.fields.filter { $0.name == "X-Order" }.map(\.value) == ["a", "b"])
        #expect(request.headers["X-Origin-IP"] == "198.51.100.1")
    }
}
