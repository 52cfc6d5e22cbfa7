import Foundation
import LRCore
import Testing

private typealias Support = MiddlewareTestSupport

/// Every `LoginRadiusError` a call throws names the call, whichever stage failed.
@Suite("Errors name their call")
struct ClientErrorContextTests {
    private static func thrown(
        _ replies: [Result<LoginRadiusResponse, LoginRadiusError>] = [Support.ok],
        retry: RetryPolicy = .disabled,
        _ body: (LoginRadiusClient) async throws -> Void
    ) async throws -> (LoginRadiusError, ScriptedTransport) {
        let transport = ScriptedTransport(replies)
        let client = try Support.client(try Support.configuration(retry: retry), transport: transport)
        let error = await Support.error { try await body(client) }
        return (try #require(error as? LoginRadiusError, "\(String(describing: error))"), transport)
    }

    @Test("argument validation (before the client sees the call): the operation, no attempt")
    func argumentValidation() async throws {
        var call = APICall(Support.getProfile)
        let error = #expect(throws: LoginRadiusError.self) { try call.accessToken("  ") }
        #expect(error?.code == .invalidArgument)
        #expect(error?.operation?.swiftName == "getProfileByAccessToken")
        #expect(error?.operation?.group == "authentication")
        #expect(error?.attempts == 0)
        let headerError = #expect(throws: LoginRadiusError.self) { try call.accessToken("a\r\nb") }
        #expect(headerError?.operation?.swiftName == "getProfileByAccessToken")
    }

    @Test("building the request (a missing path parameter): the operation, nothing sent")
    func requestBuilding() async throws {
        let (error, transport) = try await Self.thrown { client in
            _ = try await client.send(APICall(Support.manageGet))
        }
        #expect(error.invalidArgument?.parameter == "uid")
        #expect(error.operation?.swiftName == "getProfileByUid")
        #expect(error.attempts == 0)
        #expect(transport.requests.isEmpty)
    }

    @Test("header validation in the pipeline: the operation, nothing sent")
    func headerValidation() async throws {
        let (error, transport) = try await Self.thrown { client in
            _ = try await client.with(headers: ["X-Bad": "a\nb"]).send(try Support.call(Support.getProfile))
        }
        #expect(error.code == .invalidArgument)
        #expect(error.operation?.swiftName == "getProfileByAccessToken")
        #expect(error.attempts == 0)
        #expect(transport.requests.isEmpty)
    }

    @Test("a transport failure after retries: the operation and the attempt count")
    func transportFailure() async throws {
        let (error, _) = try await Self.thrown([Support.failure(.couldNotConnect, reached: false)], retry: .default) {
            client in _ = try await client.send(try Support.call(Support.getProfile))
        }
        #expect(error.transport?.kind == .couldNotConnect)
        #expect(error.operation?.swiftName == "getProfileByAccessToken")
        #expect(error.attempts == 3)
        #expect(error.httpStatus == nil)
        #expect(error.description.hasPrefix("authentication.getProfileByAccessToken: Transport error couldNotConnect"))
    }

    @Test("LoginRadiusError body: the operation, HTTP status, ErrorCode, one attempt")
    func apiError() async throws {
        let body = #"{"ErrorCode":1048,"Description":"The provided credentials are incorrect"}"#
        let (error, _) = try await Self.thrown([Support.status(401, body: body)]) { client in
            _ = try await client.send(try Support.call(Support.login))
        }
        #expect(error.code == .api)
        #expect(error.errorCode == 1048)
        #expect(error.httpStatus == 401)
        #expect(error.attempts == 1)
        #expect(error.operation?.swiftName == "loginByEmail")
    }

    @Test("429 and other statuses: the operation and status")
    func statusErrors() async throws {
        let (limited, _) = try await Self.thrown([Support.status(429, headers: ["Retry-After": "7"])]) { client in
            _ = try await client.send(try Support.call(Support.login))
        }
        #expect(limited.code == .tooManyRequests)
        #expect(limited.httpStatus == 429)
        #expect(limited.tooManyRequests?.retryAfter == .seconds(7))
        #expect(limited.operation?.swiftName == "loginByEmail")
        let (gateway, _) = try await Self.thrown([Support.status(502, body: "<html>")]) { client in
            _ = try await client.send(try Support.call(Support.login))
        }
        #expect(gateway.http?.status == 502)
        #expect(gateway.operation?.swiftName == "loginByEmail")
    }

    @Test("decoding the reply: the operation and the attempt")
    func decodingFailure() async throws {
        let (error, _) = try await Self.thrown([.success(.json(#"{"Uid": 12}"#))]) { client in
            let _: [String] = try await client.perform(try Support.call(Support.getProfile))
        }
        #expect(error.code == .decoding)
        #expect(error.operation?.swiftName == "getProfileByAccessToken")
        #expect(error.attempts == 1)
    }

    @Test("equality compares the failure, not the call")
    func equality() async throws {
        let (error, _) = try await Self.thrown([Support.status(502, body: "")]) { client in
            _ = try await client.send(try Support.call(Support.login))
        }
        #expect(error == .http(HTTPFailure(status: 502, bodySnippet: "")))
        #expect(error.operation != nil)
    }
}
