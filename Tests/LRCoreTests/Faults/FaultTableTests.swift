import Foundation
import LRCore
import Logging
import Testing

/// The error each fault must produce, as documented in Docs/Reliability.md.
enum ExpectedFailure: Sendable, CustomStringConvertible {
    case transport(TransportFailure.Kind)
    case http(Int)
    case decoding
    /// `retryAfter`: the accepted range of `Retry-After` in seconds, or `nil` when none was sent.
    case tooManyRequests(retryAfter: ClosedRange<Double>?)

    var description: String {
        switch self {
        case .transport(let kind): ".transport(.\(kind))"
        case .http(let status): ".http(\(status))"
        case .decoding: ".decoding"
        case .tooManyRequests(let range): ".tooManyRequests(retryAfter: \(range.map { "\($0)" } ?? "nil"))"
        }
    }

    /// `nil` when `error` is this failure, else what it was instead.
    func mismatch(_ error: any Error) -> String? {
        guard let error = error as? LoginRadiusError else {
            return "not a LoginRadiusError: \(type(of: error)) \(error)"
        }
        switch (self, error.code) {
        case (.transport(let kind), .transport) where error.transport?.kind == kind:
            return nil
        case (.http(let status), .http) where error.http?.status == status:
            return nil
        case (.decoding, .decoding):
            return nil
        case (.tooManyRequests(let range), .tooManyRequests):
            guard let info = error.tooManyRequests else { return "no 429 payload" }
            switch (range, info.retryAfter) {
            case (nil, nil): return nil
            case (let range?, let retryAfter?):
                let seconds = Double(retryAfter.components.seconds) + Double(retryAfter.components.attoseconds) * 1e-18
                return range.contains(seconds) ? nil : "retryAfter \(seconds) s not in \(range)"
            default: return "retryAfter \(String(describing: info.retryAfter))"
            }
        default:
            return "got \(error)"
        }
    }
}

/// One row of the fault table.
struct FaultCase: Sendable, CustomTestStringConvertible {
    var name: String
    var fault: Fault
    var method: LoginRadiusRequest.Method = .get
    /// Retry on (3 attempts, 10–50 ms backoff) or off (one attempt).
    var retry = false
    var expected: ExpectedFailure
    var attempts = 1
    /// The call must end within this time (timeouts are 1 s).
    var within: Duration = .seconds(4)

    var testDescription: String { name }
}

enum FaultFixtures {
    /// Time bounds are multiplied by `LR_TEST_TIME_SCALE` (set by `make check`: sanitizers are slow).
    static let timeScale = Double(ProcessInfo.processInfo.environment["LR_TEST_TIME_SCALE"] ?? "") ?? 1

    /// gzip of 100 MB of zeros (about 100 KB).
    static let gzipBomb: [UInt8] = {
        (try? Array(Zlib.compress(Data(count: 100 * 1024 * 1024), format: .gzip))) ?? []
    }()

    static let cases: [FaultCase] = [
        // Connection faults.
        FaultCase(name: "reset before headers", fault: .resetBeforeHeaders, expected: .transport(.connectionLost)),
        FaultCase(name: "reset after headers", fault: .resetAfterHeaders, expected: .transport(.connectionLost)),
        FaultCase(name: "close mid-body", fault: .closeMidBody, expected: .transport(.connectionLost)),
        FaultCase(
            name: "headers sent slowly beyond the timeout",
            fault: .slowHeaders(interval: .milliseconds(100), lines: 40),
            expected: .transport(.timedOut)),
        FaultCase(
            name: "body trickled beyond the timeout", fault: .trickleBody(interval: .milliseconds(100), bytes: 100),
            expected: .transport(.timedOut)),
        // Error pages.
        FaultCase(name: "500 with HTML", fault: .html(500), expected: .http(500)),
        FaultCase(name: "502 with HTML", fault: .html(502), expected: .http(502)),
        FaultCase(name: "503 with HTML", fault: .html(503), expected: .http(503)),
        // Bad bodies.
        FaultCase(
            name: "200 with malformed JSON", fault: .rawJSON(Array(#"{"access_token":,"Profile":}"#.utf8)),
            expected: .decoding),
        FaultCase(
            name: "200 with truncated JSON",
            fault: .rawJSON(Array(#"{"access_token":"abc","Profile":{"Uid":"u1","FirstName":"Ad"#.utf8)),
            expected: .decoding),
        FaultCase(
            name: "200 with invalid UTF-8",
            fault: .rawJSON(Array(#"{"access_token":""#.utf8) + [0xFF, 0xFE, 0xC0, 0x80] + Array(#""}"#.utf8)),
            expected: .decoding),
        FaultCase(
            name: "200 with a 50 MB body (Content-Length)", fault: .hugeBody(bytes: 50 * 1024 * 1024, chunked: false),
            expected: .transport(.responseTooLarge)),
        FaultCase(
            name: "200 with a 50 MB body (chunked)", fault: .hugeBody(bytes: 50 * 1024 * 1024, chunked: true),
            expected: .transport(.responseTooLarge), within: .seconds(8)),
        FaultCase(
            name: "200 with a gzip bomb (100 MB of zeros)",
            fault: .rawJSON(gzipBomb, fields: [("Content-Encoding", "gzip")]),
            expected: .transport(.responseTooLarge)),
        FaultCase(
            name: "Content-Length longer than the body, then close",
            fault: .wrongContentLength(announced: 500, body: Array(#"{"access_token":"abc"}"#.utf8), closeAfter: true),
            expected: .transport(.connectionLost)),
        FaultCase(
            name: "Content-Length longer than the body, connection kept open",
            fault: .wrongContentLength(announced: 500, body: Array(#"{"access_token":"abc"}"#.utf8), closeAfter: false),
            expected: .transport(.timedOut)),
        FaultCase(
            name: "Content-Length shorter than the body",
            fault: .wrongContentLength(announced: 10, body: Array(#"{"access_token":"abc"}"#.utf8), closeAfter: true),
            expected: .decoding),
        // Rate limits.
        FaultCase(
            name: "429 with Retry-After seconds", fault: .reply(status: 429, fields: [("Retry-After", "7")], body: []),
            expected: .tooManyRequests(retryAfter: 7...7)),
        FaultCase(
            name: "429 with Retry-After HTTP-date",
            fault: .rateLimitedUntil(secondsFromNow: 30), expected: .tooManyRequests(retryAfter: 25...31)),
        FaultCase(
            name: "429 without Retry-After", fault: .reply(status: 429, fields: [], body: Array("slow down".utf8)),
            expected: .tooManyRequests(retryAfter: nil)),
        // Redirects are never followed.
        FaultCase(
            name: "302 redirect (not followed)",
            fault: .reply(status: 302, fields: [("Location", "/redirect-target")], body: []),
            method: .get, expected: .http(302)),
        FaultCase(
            name: "302 redirect of a POST with the secret (not followed)",
            fault: .reply(status: 302, fields: [("Location", "/redirect-target")], body: []),
            method: .post, expected: .http(302)),
        // Retry: idempotent GET vs POST.
        FaultCase(
            name: "retry on: 503 GET is tried 3 times", fault: .html(503), retry: true, expected: .http(503),
            attempts: 3),
        FaultCase(
            name: "retry on: 503 POST is tried once", fault: .html(503), method: .post, retry: true,
            expected: .http(503)),
        FaultCase(
            name: "retry on: 429 GET with Retry-After 0 is tried 3 times",
            fault: .reply(status: 429, fields: [("Retry-After", "0")], body: []), retry: true,
            expected: .tooManyRequests(retryAfter: 0...0), attempts: 3),
        FaultCase(
            name: "retry on: 429 POST is retried (LoginRadius did not process it)",
            fault: .reply(status: 429, fields: [("Retry-After", "0")], body: []),
            method: .post, retry: true, expected: .tooManyRequests(retryAfter: 0...0), attempts: 3),
        FaultCase(
            name: "retry on: reset GET is tried 3 times", fault: .resetBeforeHeaders, retry: true,
            expected: .transport(.connectionLost), attempts: 3),
        FaultCase(
            name: "retry on: reset POST is tried once", fault: .resetBeforeHeaders, method: .post, retry: true,
            expected: .transport(.connectionLost)),
        FaultCase(
            name: "retry on: slow headers GET times out 3 times",
            fault: .slowHeaders(interval: .milliseconds(100), lines: 40), retry: true,
            expected: .transport(.timedOut), attempts: 3, within: .seconds(8)),
        FaultCase(
            name: "retry on: slow headers POST times out once",
            fault: .slowHeaders(interval: .milliseconds(100), lines: 40), method: .post, retry: true,
            expected: .transport(.timedOut)),
        FaultCase(
            name: "retry on: malformed JSON GET is not retried", fault: .rawJSON(Array("{".utf8)), retry: true,
            expected: .decoding),
    ]
}

/// Every fault maps to its documented `LoginRadiusError` within the configured timeout, makes
/// the documented number of attempts, and never puts a credential into the error.
@Suite("Fault table: each fault is one typed error", .timeLimit(.minutes(1)))
struct FaultTableTests {
    static let accessToken = "sample_access_token_fault"
    static let password = "sample_password_fault"

    static let getOperation = OperationDescriptor(
        name: "getProfileByAccessToken", group: "authentication", method: .get,
        pathTemplate: "identity/v2/auth/account",
        accessToken: .bearer, documentation: "x")
    static let postOperation = OperationDescriptor(
        name: "createAccount", group: "account", method: .post, pathTemplate: "identity/v2/manage/account",
        apiSecret: .header(LoginRadiusHeaderName.apiSecret), documentation: "x")

    /// The error's case and its key detail, for the reliability report.
    static func summary(_ error: LoginRadiusError) -> String {
        if let failure = error.transport {
            return ".transport(.\(failure.kind), curl \(failure.curlCode.map(String.init) ?? "-"))"
        }
        if let failure = error.http { return ".http(\(failure.status))" }
        if let info = error.tooManyRequests {
            return
                ".tooManyRequests(retryAfter: \(info.retryAfter.map { "\($0.faultMilliseconds / 1000) s" } ?? "nil"))"
        }
        if let api = error.api { return ".api(\(api.errorCode))" }
        if let argument = error.invalidArgument { return ".invalidArgument(\(argument.parameter))" }
        return ".\(error.code)"
    }

    /// A client on a real `CurlTransport` with 1 s timeouts.
    static func client(baseURL: String, retry: Bool, transport: (any LoginRadiusTransport)? = nil) throws
        -> LoginRadiusClient
    {
        let configuration = try LoginRadiusConfiguration(
            apiKey: TestCredentials.apiKey, apiSecret: TestCredentials.apiSecret, baseURL: baseURL,
            connectTimeout: .seconds(1), requestTimeout: .seconds(1),
            retry: retry
                ? RetryPolicy(
                    maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50),
                    totalTimeout: .seconds(15), budget: nil)
                : .disabled)
        return try LoginRadiusClient(
            configuration: configuration, transport: transport,
            logger: Logger(label: "lr-faults", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// The call for `method`: a GET with an access token, or a POST with the secret and a password.
    static func call(_ method: LoginRadiusRequest.Method) throws -> APICall {
        if method == .get {
            var call = APICall(getOperation)
            try call.accessToken(accessToken)
            return call
        }
        var call = APICall(postOperation)
        try call.body(JSONValue.object(["Password": .string(password), "FirstName": "Ada"]))
        return call
    }

    @Test("fault → error", arguments: FaultFixtures.cases)
    func fault(_ row: FaultCase) async throws {
        let fault = row.fault
        let server = try LoopbackHTTPServer { request in
            request.path == "/redirect-target" ? .json(#"{"access_token":"redirected"}"#) : fault
        }
        defer { server.stop() }
        let client = try Self.client(baseURL: server.baseURL, retry: row.retry)
        let call = try Self.call(row.method)

        let clock = ContinuousClock()
        let start = clock.now
        var thrown: (any Error)?
        do {
            _ = try await client.perform(call, as: AccessToken<Identity>.self)
        } catch {
            thrown = error
        }
        let elapsed = clock.now - start

        let error = try #require(thrown, "\(row.name): the call succeeded")
        #expect(
            row.expected.mismatch(error) == nil,
            "\(row.name): expected \(row.expected), \(row.expected.mismatch(error) ?? "")")
        #expect(elapsed < row.within * FaultFixtures.timeScale, "\(row.name): took \(elapsed)")
        let path = "/" + (row.method == .get ? Self.getOperation : Self.postOperation).pathTemplate
        let attempts = server.requests.filter { $0.path == path }.count
        #expect(attempts == row.attempts, "\(row.name): attempts")
        let got = (error as? LoginRadiusError).map(Self.summary) ?? "\(type(of: error))"
        print(
            "RELIABILITY fault | \(row.name) | \(row.method.rawValue) | retry \(row.retry ? "on" : "off") | expected \(row.expected) | got \(got) | attempts \(attempts) | \(elapsed.faultMilliseconds) ms"
        )
        // Redirects are not followed: the target never sees a request, let alone a credential.
        #expect(server.requests.allSatisfy { $0.path != "/redirect-target" })
        let text = String(describing: error) + String(reflecting: error)
        for secret in [TestCredentials.apiSecret, Self.accessToken, Self.password] {
            #expect(!text.contains(secret), "\(row.name): the error mentions a credential")
        }
    }

    @Test("the gzip bomb is a real bomb: 100 MB of zeros in about 100 KB")
    func gzipBombFixture() {
        #expect(FaultFixtures.gzipBomb.count > 1_000)
        #expect(FaultFixtures.gzipBomb.count < 1_000_000)
    }

    @Test("a good reply through the fault server decodes (control)")
    func control() async throws {
        let server = try LoopbackHTTPServer { _ in .json(#"{"access_token":"t","Profile":{"Uid":"u1"}}"#) }
        defer { server.stop() }
        let client = try Self.client(baseURL: server.baseURL, retry: false)
        let token = try await client.perform(try Self.call(.get), as: AccessToken<Identity>.self)
        #expect(token.accessToken == "t")
        #expect(token.profile?.uid == "u1")
    }
}

/// A server presenting a self-signed certificate: verification fails with `.transport(.tls)`,
/// never passes silently; trusting exactly that certificate makes the same call work.
@Suite(
    "Fault: self-signed TLS certificate", .timeLimit(.minutes(1)),
    .enabled(
        if: SelfSignedTLSServer.openssl != nil, "openssl is not installed: the self-signed TLS fault cannot be served"))
struct FaultTLSTests {
    @Test("a self-signed certificate fails verification with .transport(.tls), nothing sent")
    func selfSigned() async throws {
        let server = try #require(try await SelfSignedTLSServer.start())
        defer { server.stop() }
        let client = try FaultTableTests.client(baseURL: server.baseURL, retry: true)
        let clock = ContinuousClock()
        let start = clock.now
        var thrown: (any Error)?
        do {
            _ = try await client.perform(try FaultTableTests.call(.post), as: Identity.self)
        } catch {
            thrown = error
        }
        let error = try #require(thrown, "TLS verification passed silently")
        guard let failure = (error as? LoginRadiusError)?.transport else {
            Issue.record("expected .transport(.tls), got \(error)")
            return
        }
        #expect(failure.kind == .tlsCertificate)
        #expect(failure.curlCode == 60) // CURLE_PEER_FAILED_VERIFICATION
        #expect(failure.mayHaveReachedServer == false)
        #expect(clock.now - start < .seconds(4) * FaultFixtures.timeScale)
        #expect(!String(describing: error).contains(TestCredentials.apiSecret))
    }

    @Test("trusting that certificate as the CA bundle makes the same exchange work (control)")
    func trusted() async throws {
        let server = try #require(try await SelfSignedTLSServer.start())
        defer { server.stop() }
        let transport = try CurlTransport(
            options: .init(
                connectTimeout: .seconds(2), requestTimeout: .seconds(4), caBundlePath: server.certificatePath))
        let response = try await transport.send(
            LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: []))
        #expect(response.status == 200)
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var faultMilliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
