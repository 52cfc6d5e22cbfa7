import Foundation
import LRCore
import Logging
import Synchronization
import Testing

/// Every request of the shared conformance set, sent through the full pipeline with the logger at
/// trace and a server that echoes every credential back: no secret may reach the log.
@Suite("Logging redaction over the conformance set")
struct LoggingConformanceSweepTests {
    /// Values that must never be logged, at any level.
    static let secrets = [
        TestCredentials.apiSecret, "sample_access_token", "sample_refresh_token", "sample_password", "sample_Password",
        "sample_new_password", "sample_old_password", "sample_sott", "sample_otp", "sample_pin", "sample_newPIN",
        "sample_oldPIN", "sample_answer", "sample_backupCode", "sample_authenticatorCode", "sample_resetToken",
        "sample_verification_token", "sample_g_recaptcha_response", "sample_second_factor_authentication_token",
        "sample_secondFactorValidationToken", "sample_session_token", "sample_fb__access__token",
        "sample_google__access__token", "sample_google_authcode", "sample_code", "sample_id__token",
        "sample_tw__token__secret", "sample_tw__access__token", "sample_candidate_token", "p&ss w+rd", "päss w&rd+😀",
        "p%26ss", "Bearer ", "SHA-256=", "echo-otp-424242", "echo-pin-1234",
    ]

    @Test("no secret appears in any log line for any conformance case, in any configuration")
    func sweep() async throws {
        let url = conformanceFolder.appendingPathComponent("requests.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let cases = try lines.map { try JSONCoding.decode(JSONValue.self, from: Data($0.utf8)) }
            .filter { $0["expect"]?["sent"] == true }
        #expect(cases.count > 700)

        let capture = LogCapture()
        let transport = EchoTransport()
        var clients: [String: LoginRadiusClient] = [:]
        for config in ["default", "origin_ip", "signing", "region"] {
            let configuration = try LoginRadiusConfiguration(
                apiKey: TestCredentials.apiKey, apiSecret: TestCredentials.apiSecret,
                originIP: config == "origin_ip" ? "203.0.113.7" : nil, requestSigning: config == "signing")
            clients[config] = try LoginRadiusClient(
                configuration: configuration, transport: transport, logger: capture.logger(level: .trace),
                clock: FakeClock(), randomFraction: { 0 })
        }

        var sent = 0
        for testCase in cases {
            let config = try #require(testCase["config"]?.stringValue)
            let client = try #require(clients[config])
            let (request, operation) = try Self.request(for: testCase, configuration: client.configuration)
            _ = try await client.sendThroughPipeline(request, operation: operation)
            sent += 1
        }
        #expect(sent == cases.count)
        #expect(transport.count == cases.count)

        let entries = capture.entries
        let text = capture.text
        for secret in Self.secrets {
            #expect(!text.contains(secret), "'\(secret)' was logged")
        }
        // The log is not empty: a call line, a request and a response per case, bodies included.
        #expect(entries.filter { $0.level == .debug }.count == cases.count)
        #expect(entries.filter { $0.level == .trace }.count >= 2 * cases.count)
        #expect(text.contains("<redacted>"))
        #expect(text.contains("sample_firstName"))
        #expect(text.contains("not JSON>"))
    }

    /// The request a case expects, as the SDK builds it before its middleware: credentials in
    /// place (the API secret header also for signed cases, which signing then replaces).
    static func request(
        for testCase: JSONValue, configuration: LoginRadiusConfiguration
    ) throws -> (LoginRadiusRequest, OperationDescriptor) {
        let expect = try #require(testCase["expect"])
        let method = try #require(LoginRadiusRequest.Method(rawValue: expect["method"]?.stringValue ?? ""))
        let path = try #require(expect["path"]?.arrayValue).compactMap(\.stringValue)
        var headers: LoginRadiusHeaders = ["Accept": "application/json", "User-Agent": configuration.userAgent]
        for (name, value) in expect["headers"]?.objectValue ?? [:] {
            headers[name] = value.stringValue ?? ""
        }
        if expect["signed"] == true { headers[LoginRadiusHeaderName.apiSecret] = configuration.apiSecret }
        let query = (expect["query"]?.objectValue ?? [:]).sorted { $0.key < $1.key }
            .map { QueryItem(name: $0.key, value: $0.value.stringValue ?? "") }
        var body: Data?
        if let value = expect["body"], value != .null {
            body = try JSONCoding.encode(value)
            headers["Content-Type"] = "application/json"
        }
        let operation = OperationDescriptor(
            name: testCase["swift_operation"]?.stringValue ?? "unknown", group: testCase["group"]?.stringValue ?? "",
            method: method, host: expect["host"] == "config" ? .config : .api,
            pathTemplate: path.joined(separator: "/"),
            apiSecret: headers.contains(LoginRadiusHeaderName.apiSecret)
                ? .header(LoginRadiusHeaderName.apiSecret) : nil,
            documentation: "")
        let request = LoginRadiusRequest(
            method: method, baseURL: expect["host"] == "config" ? configuration.configURL : configuration.baseURL,
            pathSegments: path, queryItems: query, headers: headers, body: body)
        return (request, operation)
    }
}

/// Answers every request with everything it carried (body, query, headers) plus tokens, as JSON
/// (gzip-compressed for every other request) or, for every fifth request, as plain text.
final class EchoTransport: LoginRadiusTransport {
    private let sent = Mutex(0)

    var count: Int { sent.withLock { $0 } }

    func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse {
        let number = sent.withLock { count in
            count += 1
            return count
        }
        let headers: LoginRadiusHeaders = [
            "Content-Type": "application/json", "Set-Cookie": "session=sample_access_token",
            "Authorization": "Bearer sample_access_token", "X-LoginRadius-Sott": "sample_sott",
            "X-Echo-Secret": TestCredentials.apiSecret,
        ]
        if number % 5 == 0 {
            let text = "access_token=sample_access_token&secret=\(TestCredentials.apiSecret)&\(request.url)"
            return LoginRadiusResponse(status: 200, headers: headers, body: Data(text.utf8))
        }
        var echo: [String: JSONValue] = [
            "access_token": "sample_access_token", "refresh_token": "sample_refresh_token", "Sott": "sample_sott",
            "Profile": [
                "FirstName": "Ada", "Password": "sample_password", "PIN": "echo-pin-1234", "Uid": "sample_uid",
            ],
            "SecondFactorAuthenticationToken": "sample_second_factor_authentication_token",
            "OTP": "echo-otp-424242", "BackUpCodes": ["echo-otp-424242"],
        ]
        echo["Body"] = try request.body.map { try JSONCoding.decode(JSONValue.self, from: $0) } ?? .null
        echo["Query"] = .object(
            Dictionary(request.queryItems.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { $1 }))
        echo["Headers"] = .object(
            Dictionary(request.headers.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { $1 }))
        var body = try JSONCoding.encode(JSONValue.object(echo))
        var responseHeaders = headers
        if number % 2 == 0 {
            body = try Zlib.compress(body)
            responseHeaders["Content-Encoding"] = "gzip"
        }
        return LoginRadiusResponse(status: 200, headers: responseHeaders, body: body)
    }
}
