import Foundation
import LRCore
import Testing

@Suite("Replies become results or typed errors")
struct ResponseErrorTests {
    static let operation = OperationDescriptor(
        name: "validateAccessToken", group: "authentication", method: .get,
        pathTemplate: "identity/v2/auth/access_token/validate", accessToken: .bearer, documentation: "x")

    func perform(_ reply: Result<LoginRadiusResponse, LoginRadiusError>) async throws -> JSONValue {
        var configuration = try TestCredentials.configuration()
        configuration.retry = .disabled
        let client = try LoginRadiusClient(configuration: configuration, transport: ScriptedTransport([reply]))
        var call = APICall(Self.operation)
        try call.accessToken("token")
        return try await client.perform(call)
    }

    @Test("LoginRadius's error body becomes .api with every field")
    func apiError() async throws {
        let body =
            #"{"Description":"The access token is invalid","ErrorCode":905,"Message":"Invalid token","IsProviderError":false,"ProviderErrorResponse":null}"#
        do {
            _ = try await perform(.success(.json(body, status: 401)))
            Issue.record("expected an API error")
        } catch let caught as LoginRadiusError where caught.api != nil {
            let error = caught.api!
            #expect(
                error
                    == APIError(
                        errorCode: 905, errorDescription: "The access token is invalid", message: "Invalid token",
                        isProviderError: false, httpStatus: 401))
        }
    }

    @Test("an error's Data is kept (e.g. the PINAuthToken of error 1243)")
    func apiErrorData() async throws {
        let body = #"{"ErrorCode":1243,"Description":"PIN is required","Data":{"PINAuthToken":"pin-auth-1"}}"#
        do {
            _ = try await perform(.success(.json(body, status: 403)))
            Issue.record("expected an API error")
        } catch let caught as LoginRadiusError where caught.api != nil {
            let error = caught.api!
            #expect(error.errorCode == 1243)
            #expect(error.data?["PINAuthToken"] == "pin-auth-1")
        }
    }

    @Test("an error body with status 200 is still an error")
    func apiErrorWith200() async throws {
        await #expect(throws: LoginRadiusError.self) {
            _ = try await perform(.success(.json(#"{"ErrorCode":1048,"Description":"x"}"#)))
        }
    }

    @Test(
        "an ErrorCode member is found wherever it is in a 200 body",
        arguments: [
            #"{"ErrorCode":1048,"Description":"x"}"#,
            #"{"Email":"E","EE":"\"E","ErrorCode":1048}"#,
            #"{"Description":"x","Errors":null,"ErrorCode":1048}"#,
        ])
    func apiErrorKeyAnywhere(body: String) async throws {
        let error = await #expect(throws: LoginRadiusError.self) {
            _ = try await perform(.success(.json(body)))
        }
        #expect(error?.errorCode == 1048)
    }

    @Test(
        "a 200 body without an ErrorCode member is a result",
        arguments: [#"{"ErrorCod":1}"#, #"{"Errorcode":1}"#, #"{"rrorCode":1,"E":"ErrorCode"}"#])
    func noErrorKey(body: String) async throws {
        #expect(try await perform(.success(.json(body))).objectValue != nil)
    }

    @Test("429 becomes .tooManyRequests with Retry-After in seconds")
    func tooManyRequests() async throws {
        let reply = LoginRadiusResponse.json("{}", status: 429, headers: ["Retry-After": "7"])
        await #expect(throws: LoginRadiusError.tooManyRequests(TooManyRequests(retryAfter: .seconds(7)))) {
            _ = try await perform(.success(reply))
        }
    }

    @Test("Retry-After as an HTTP-date is a delay from now")
    func retryAfterDate() {
        let now = Date(timeIntervalSince1970: 784_111_767) // Sun, 06 Nov 1994 08:49:27 GMT
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.parse("Sun Nov  6 08:49:37 1994", now: now) == .seconds(10))
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:49:17 GMT", now: now) == .zero) // in the past
        #expect(
            RetryAfter.parse("Thu, 01 Jan 2026 00:00:00 GMT", now: Date(timeIntervalSince1970: 1_767_225_590))
                == .seconds(10))
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 25:49:37 GMT", now: now) == nil)
        #expect(RetryAfter.parse("Sun, 06 Foo 1994 08:49:37 GMT", now: now) == nil)
        #expect(RetryAfter.parse("soon", now: now) == nil)
    }

    @Test("a non-JSON error page becomes .http with a snippet")
    func htmlError() async throws {
        let reply = LoginRadiusResponse(status: 502, body: Data("<html>Bad Gateway</html>".utf8))
        await #expect(throws: LoginRadiusError.http(HTTPFailure(status: 502, bodySnippet: "<html>Bad Gateway</html>")))
        {
            _ = try await perform(.success(reply))
        }
    }

    @Test("a malformed 200 body becomes .decoding naming the type")
    func malformedBody() async throws {
        do {
            _ = try await perform(.success(.json(#"{"access_token": "#)))
            Issue.record("expected a decoding error")
        } catch let caught as LoginRadiusError where caught.decoding != nil {
            let failure = caught.decoding!
            #expect(failure.type == "JSONValue")
            #expect(failure.bodySnippet.hasPrefix(#"{"access_token""#))
        }
    }

    @Test("a transport failure passes through unchanged")
    func transportFailure() async throws {
        let failure = TransportFailure(
            kind: .couldNotConnect, message: "refused", mayHaveReachedServer: false, curlCode: 7)
        await #expect(throws: LoginRadiusError.transport(failure)) {
            _ = try await perform(.failure(.transport(failure)))
        }
    }
}
