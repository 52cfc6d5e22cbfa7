import Foundation
import LRCore
import Logging
import Testing

@Suite("Logging middleware")
struct LoggingMiddlewareTests {
    typealias Support = MiddlewareTestSupport

    @Test(
        "one line per call at debug (the retry at info): operation, method, path without query, status, attempts, duration"
    )
    func oneLinePerCall() async throws {
        let capture = LogCapture()
        let transport = ScriptedTransport([Support.status(503), Support.ok])
        let clock = FakeClock()
        let client = try Support.client(
            try Support.configuration(), transport: transport, clock: clock, fraction: 1,
            logger: capture.logger(level: .debug))
        _ = try await client.send(try Support.call(Support.manageGet))
        #expect(capture.entries.filter { $0.level == .info }.map(\.message) == ["retrying"])
        let entries = capture.entries.filter { $0.level == .debug }
        #expect(entries.count == 1)
        let line = try #require(entries.first)
        #expect(line.level == .debug)
        #expect(line.message == "GET /identity/v2/manage/account/sample_uid → 200 (2 attempts, 100 ms)")
        #expect(
            line.metadata == [
                "lr.operation": "getProfileByUid", "lr.method": "GET",
                "lr.path": "/identity/v2/manage/account/sample_uid",
                "lr.status": "200", "lr.attempts": "2", "lr.duration_ms": "100",
            ])
        #expect(!capture.text.contains("?"))
        #expect(!capture.text.contains(TestCredentials.apiKey))
    }

    @Test("a failed call is one line with the error's kind only")
    func failedCall() async throws {
        let capture = LogCapture()
        let transport = ScriptedTransport([
            .failure(
                .transport(
                    TransportFailure(
                        kind: .couldNotConnect,
                        message: "Failed to connect to https://h/?apiSecret=\(TestCredentials.apiSecret)",
                        mayHaveReachedServer: false, curlCode: 7)))
        ])
        let client = try Support.client(
            try Support.configuration(), transport: transport, logger: capture.logger(level: .trace))
        _ = await Support.error { _ = try await client.send(try Support.call(Support.login)) }
        let lines = capture.entries.filter { $0.level == .debug && $0.message.hasPrefix("POST") }
        #expect(lines.count == 1)
        #expect(
            lines.first?.message
                == "POST /identity/v2/auth/login failed: transport error couldNotConnect (code 7) (3 attempts, 300 ms)")
        #expect(lines.first?.metadata["lr.error"] == "transport error couldNotConnect (code 7)")
        #expect(!capture.text.contains(TestCredentials.apiSecret))
    }

    @Test("at trace, bodies are logged with sensitive members redacted and headers by allow-list")
    func traceRedaction() async throws {
        let capture = LogCapture()
        let reply = LoginRadiusResponse(
            status: 200,
            headers: ["Content-Type": "application/json", "Set-Cookie": "lr=sample_access_token", "Retry-After": "3"],
            body: Data(
                #"{"access_token":"sample_access_token","refresh_token":"r-123","Profile":{"FirstName":"Ada","Password":"hash","Uid":"u-1"}}"#
                    .utf8))
        let transport = ScriptedTransport([.success(reply)])
        let client = try Support.client(
            try Support.configuration(), transport: transport, logger: capture.logger(level: .trace))
        _ = try await client.send(
            try Support.call(Support.login, body: ["email": "ada@example.com", "password": "sample_password"]))
        let request = try #require(capture.entries.first { $0.message.hasPrefix("request ") })
        #expect(request.level == .trace)
        #expect(request.message == "request POST /identity/v2/auth/login")
        #expect(request.metadata["lr.query"] == "apiKey")
        #expect(request.metadata["lr.body"] == #"{"email":"ada@example.com","password":"<redacted>"}"#)
        #expect(request.metadata["lr.headers"]?.contains("Content-Type: application/json") == true)
        let response = try #require(capture.entries.first { $0.message.hasPrefix("response ") })
        #expect(
            response.metadata["lr.body"]
                == #"{"Profile":{"FirstName":"Ada","Password":"<redacted>","Uid":"u-1"},"access_token":"<redacted>","refresh_token":"<redacted>"}"#
        )
        #expect(
            response.metadata["lr.headers"] == "Content-Type: application/json, Set-Cookie: <redacted>, Retry-After: 3")
        #expect(!capture.text.contains("sample_password"))
        #expect(!capture.text.contains("sample_access_token"))
        #expect(!capture.text.contains("r-123"))
    }

    @Test("the body level is configurable")
    func bodyLevel() async throws {
        let capture = LogCapture()
        var configuration = try Support.configuration()
        configuration.logging = LoggingPolicy(callLevel: .notice, bodyLevel: .debug)
        let client = try Support.client(
            configuration, transport: ScriptedTransport(), logger: capture.logger(level: .debug))
        _ = try await client.send(try Support.call(Support.getProfile))
        #expect(capture.entries.map(\.level) == [.debug, .notice, .debug])
    }

    @Test("redaction rules: the brief's keys, case-insensitively and ignoring _ and -, at any depth")
    func redactionRules() {
        for key in [
            "password", "NewPassword", "oldpassword", "PIN", "newPin", "oldpin", "Otp", "securityAnswer",
            "SecurityQuestionAnswer", "access_token", "AccessToken", "refresh_token", "token", "Sott", "apiSecret",
            "secret", "ResetToken", "verificationToken", "backupCode", "BackUpCodes", "authenticatorCode",
            "g-recaptcha-response", "QRCode", "ManualEntryCode", "Authorization", "X-LoginRadius-Sott",
            "X-LoginRadius-ApiSecret", "digest", "google_authcode", "code", "tw_Token_Secret", "PasswordHash",
        ] {
            #expect(LogRedaction.isSensitive(key: key), "\(key)")
        }
        for key in [
            "Email", "FirstName", "Uid", "ErrorCode", "Description", "IsPosted", "apiKey", "Provider", "CountryCode",
            "OTPStatus",
        ] {
            #expect(!LogRedaction.isSensitive(key: key), "\(key)")
        }
        #expect(LogRedaction.isSensitive(key: "My_Custom", additional: ["mycustom"]))
        let nested: JSONValue = ["list": [["otp": "1", "keep": 2]], "securityAnswer": ["q": "a"], "n": nil]
        #expect(
            LogRedaction.redact(nested) == [
                "list": [["otp": "<redacted>", "keep": 2]], "securityAnswer": "<redacted>", "n": nil,
            ])
    }

    @Test("bodies that are not JSON objects or arrays are logged by their length only")
    func nonJSONBodies() {
        #expect(LogRedaction.body(Data("password=hunter2&x=1".utf8)) == "<20 bytes, not JSON>")
        #expect(LogRedaction.body(Data(#""sample_sott""#.utf8)) == "<13 bytes, not JSON>")
        #expect(LogRedaction.body(Data(#"{"password":"unterminated"#.utf8)) == "<25 bytes, not JSON>")
        #expect(LogRedaction.body(nil) == "<none>")
        #expect(LogRedaction.body(Data()) == "<empty>")
        #expect(
            LogRedaction.body(Data(#"{"a":"\#(String(repeating: "x", count: 100))"}"#.utf8), limit: 10)
                == #"{"a":"xxxx…(108 bytes)"#)
    }
}
