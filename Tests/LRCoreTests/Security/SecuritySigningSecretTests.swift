import Foundation
import LRCore
import Logging
import Synchronization
import Testing

/// Records what would have gone on the wire (URL, headers, body), then answers like `EchoTransport`.
final class RecordingEchoTransport: LoginRadiusTransport {
    struct Sent: Sendable {
        var url: String
        var headers: LoginRadiusHeaders
        var body: Data?
    }

    private let echo = EchoTransport()
    private let storage = Mutex<[Sent]>([])

    var sent: [Sent] { storage.withLock { $0 } }

    func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse {
        storage.withLock { $0.append(Sent(url: request.url, headers: request.headers, body: request.body)) }
        return try await echo.send(request)
    }
}

/// Every request of the shared conformance set, with request signing off and on, logging at
/// trace: no secret reaches a log line, and with signing on the API secret is in no URL and no
/// header of what is sent (except the few operations LoginRadius defines with the secret as a
/// query parameter, which cannot be signed). The plain log sweep lives in
/// `Middleware/LoggingConformanceSweepTests`; this one adds signing on/off and the wire checks.
@Suite("Security: secrets with request signing on and off")
struct SecuritySigningSecretTests {
    static let secret = TestCredentials.apiSecret

    /// The operations whose API secret travels as a query parameter by LoginRadius's definition.
    static func secretInQuery(_ testCase: JSONValue) -> Bool {
        testCase["expect"]?["query"]?.objectValue?.values.contains { $0.stringValue == secret } ?? false
    }

    static func cases() throws -> [JSONValue] {
        let url = conformanceFolder.appendingPathComponent("requests.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return try lines.map { try JSONCoding.decode(JSONValue.self, from: Data($0.utf8)) }.filter {
            $0["expect"]?["sent"] == true
        }
    }

    @Test(
        "signing on and off: no secret in any log line; with signing on, not in any URL or header",
        arguments: [false, true])
    func sweep(signing: Bool) async throws {
        let cases = try Self.cases()
        #expect(cases.count > 700)
        let capture = LogCapture()
        let transport = RecordingEchoTransport()
        var clients: [String: LoginRadiusClient] = [:]
        for config in ["default", "origin_ip", "signing", "region"] {
            let configuration = try LoginRadiusConfiguration(
                apiKey: TestCredentials.apiKey, apiSecret: Self.secret,
                serverRegion: config == "region" ? "eu" : nil,
                originIP: config == "origin_ip" ? "203.0.113.7" : nil, requestSigning: signing)
            clients[config] = try LoginRadiusClient(
                configuration: configuration, transport: transport, logger: capture.logger(level: .trace),
                clock: FakeClock(), randomFraction: { 0 })
        }

        var secretHeaderCases = 0
        var queryCases: Set<String> = []
        for testCase in cases {
            await Task.yield() // never suspends otherwise; let the transport tests run
            let client = try #require(clients[testCase["config"]?.stringValue ?? ""])
            let (request, operation) = try LoggingConformanceSweepTests.request(
                for: testCase, configuration: client.configuration)
            if request.headers.contains(LoginRadiusHeaderName.apiSecret) { secretHeaderCases += 1 }
            let before = transport.sent.count
            _ = try await client.sendThroughPipeline(request, operation: operation)
            let sent = try #require(transport.sent.last)
            #expect(transport.sent.count == before + 1)
            let id = testCase["id"]?.stringValue ?? "?"

            // Never in a header other than the secret header itself (and only with signing off).
            for field in sent.headers where field.value.contains(Self.secret) {
                #expect(
                    !signing && field.name == LoginRadiusHeaderName.apiSecret, "\(id): secret in header \(field.name)")
            }
            if signing, request.headers.contains(LoginRadiusHeaderName.apiSecret) {
                #expect(sent.headers["digest"]?.hasPrefix("SHA-256=") == true, "\(id): not signed")
                #expect(sent.headers[LoginRadiusHeaderName.requestExpires] != nil, "\(id): no expiry")
            }
            if sent.url.contains(Self.secret) {
                #expect(Self.secretInQuery(testCase), "\(id): secret in the URL")
                queryCases.insert(operation.name)
            }
            #expect(
                !(sent.body.map { String(decoding: $0, as: UTF8.self).contains(Self.secret) } ?? false),
                "\(id): secret in the body")
        }
        #expect(secretHeaderCases > 100)
        // The exceptions are exactly LoginRadius's query-secret operations (social token
        // refresh/validate and the like), documented in Docs/Reliability.md.
        let expectedQueryOperations = Set(
            cases.filter(Self.secretInQuery).compactMap { $0["swift_operation"]?.stringValue })
        #expect(queryCases == expectedQueryOperations)
        print(
            "RELIABILITY secrets signing=\(signing) cases=\(cases.count) secretHeaderCases=\(secretHeaderCases) querySecretOperations=\(queryCases.sorted())"
        )

        let text = capture.text
        for secret in LoggingConformanceSweepTests.secrets {
            #expect(!text.contains(secret), "'\(secret)' was logged (signing \(signing))")
        }
        #expect(capture.entries.filter { $0.level == .debug }.count == cases.count)
        if signing {
            #expect(
                text.contains("digest: <redacted>") || text.contains("digest=<redacted>") || text.contains("<redacted>")
            )
        }
    }
}
