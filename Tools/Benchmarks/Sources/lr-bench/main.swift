// The SDK under load: `client.authentication.loginByEmail` decoded as `AccessToken<Identity>`.
//
//   lr-bench --url http://127.0.0.1:PORT/ --client sdk-full|sdk-full-noop|sdk-bare|…
//            [--concurrency N] [--mode throughput|alloc|memory] [--seconds S] [--warmup S]
//            [--report-as NAME]
//
// Clients (the same transport; only the middleware stack and the logger differ):
// - sdk-full: the default configuration (logging, compression, retry on) and a logger at `.info`
//   whose handler formats nothing and drops each line: the info line's message and metadata are
//   built on every call, as in an app that logs at info, without the cost of writing them.
// - sdk-full-noop: the default configuration with swift-log's `SwiftLogNoOpLogHandler`. That
//   handler reports level `.critical`, so swift-log never evaluates the info line at all.
// - sdk-bare: retry `.disabled`, compression `.disabled`, both log levels `.trace` on a logger at
//   `.info`: nothing is formatted.
// - sdk-full-obs2: sdk-full with a second `TracingMiddleware` + `MetricsMiddleware` pair passed as
//   the client's middleware. The client always installs one pair and cannot drop it, so the cost
//   of that pair with no tracer or metrics backend bootstrapped is this row minus sdk-full.
// - sdk-stub, sdk-stub-obs2: the same two clients over a transport that answers every request at
//   once with the canned reply (`--body FILE`): no network, no thread hand-off, so the CPU per
//   call is the SDK's own work (request building, pipeline, decoding) with far less noise.
// Breakdown (for the analysis, not the main table):
// - transport-only: `CurlTransport.send` with a prebuilt `LoginRadiusRequest`: no pipeline, no
//   request building, no validation, no decoding: what the transport alone costs.
// - handoff-floor: no network and no work: a task hands a continuation to a thread of its own
//   (a pipe write that thread polls, as `curl_multi_wakeup` does) which resumes it at once. The
//   two wake-ups any async client with an I/O thread pays per call (HandoffFloor.swift).
// - decode-only: what the SDK does with the canned reply (`--body FILE`), no network: the reply
//   decoding a call runs (`AccessToken<Identity>` read straight from the bytes, no tree).
// - decode-tree: the same reply through `JSONValue(parsing:)` then
//   `AccessToken<Identity>(jsonValue:)`: the tree in between (the SDK's reply path before the
//   direct one; still its path for `init(jsonValue:)`).
// - decode-decoder: the same reply through `JSONDecoder` and the models' `init(from:)`: the path a
//   custom `Codable` profile type takes (and the SDK's only path before the fast one).
// - decode-plain: the same reply into `PlainLoginReply`, a synthesized `Decodable` with only the
//   members the reply has: the floor for typed decoding with Foundation's JSONDecoder.
// - decode-jsonvalue: the same reply into the SDK's untyped `JSONValue` tree through JSONDecoder.
// - decode-jsonvalue-parser: the same tree from `JSONValue(parsing:)`, the SDK's own strict
//   parser over the UTF-8 bytes, without JSONDecoder.
import BenchSupport
import Foundation
import LRAuth
@_spi(Benchmarks) import LRCore
import Logging

/// Accepts `.info` and above, then drops them: the caller builds message and metadata as it
/// would for a real handler; only the write is skipped.
struct DiscardingLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        // Touch the message so the optimizer cannot drop its construction.
        if event.message.description.utf8.count == -1 { print(event.message) }
    }
}

let arguments = Arguments()
let clientName = arguments.string("client", "sdk-full")
/// The client name the result lines carry (run.sh names the poll-loop build's rows apart).
let reportedName = arguments.string("report-as", clientName)
let url = arguments.string("url", "http://127.0.0.1:8080/")

var configuration = try LoginRadiusConfiguration(
    apiKey: "00000000-aaaa-bbbb-cccc-000000000001",
    apiSecret: "11111111-dddd-eeee-ffff-000000000002",
    baseURL: url
)
let logger: Logger
switch clientName {
case "sdk-full", "sdk-full-obs2", "sdk-stub", "sdk-stub-obs2":
    logger = Logger(label: "loginradius", factory: { _ in DiscardingLogHandler() })
case "sdk-full-noop":
    logger = Logger(label: "loginradius", factory: { _ in SwiftLogNoOpLogHandler() })
case "transport-only", "handoff-floor", "decode-only", "decode-tree", "decode-decoder", "decode-plain",
    "decode-jsonvalue", "decode-jsonvalue-parser":
    logger = Logger(label: "loginradius", factory: { _ in SwiftLogNoOpLogHandler() })
case "sdk-bare":
    configuration.retry = .disabled
    configuration.compression = .disabled
    configuration.logging = LoggingPolicy(callLevel: .trace, bodyLevel: .trace)
    logger = Logger(label: "loginradius", factory: { _ in DiscardingLogHandler() })
default:
    fatalError("unknown --client \(clientName)")
}
/// Answers every request at once with the canned reply: the SDK's own cost without a network.
struct CannedReplyTransport: LoginRadiusTransport {
    let reply: LoginRadiusResponse
    func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse { reply }
}

let observabilityAgain: [any LoginRadiusMiddleware] = [TracingMiddleware(), MetricsMiddleware()]
let client: LoginRadiusClient
switch clientName {
case "sdk-full-obs2":
    client = try LoginRadiusClient(configuration: configuration, middleware: observabilityAgain, logger: logger)
case "sdk-stub", "sdk-stub-obs2":
    let body = try Data(contentsOf: URL(fileURLWithPath: arguments.string("body", "nginx/login-reply.json")))
    var headers = LoginRadiusHeaders()
    headers["Content-Type"] = "application/json"
    let transport = CannedReplyTransport(reply: LoginRadiusResponse(status: 200, headers: headers, body: body))
    client = try LoginRadiusClient(
        configuration: configuration, transport: transport,
        middleware: clientName == "sdk-stub-obs2" ? observabilityAgain : [],
        logger: Logger(label: "loginradius", factory: { _ in DiscardingLogHandler() }))
default:
    client = try LoginRadiusClient(configuration: configuration, logger: logger)
}
let model = EmailAuthenticationModel(email: "ada@example.com", password: "correct horse battery staple")

if clientName == "transport-only" {
    let transport = try CurlTransport(configuration: configuration)
    var headers = LoginRadiusHeaders()
    headers["Accept"] = "application/json"
    headers["User-Agent"] = configuration.userAgent
    headers["Content-Type"] = "application/json"
    let request = LoginRadiusRequest(
        method: .post, baseURL: url, pathSegments: ["identity", "v2", "auth", "login"],
        queryItems: [QueryItem(name: "apiKey", value: configuration.apiKey)], headers: headers,
        body: try JSONCoding.encode(model)
    )
    await runStandardModes(client: reportedName, arguments: arguments) {
        guard let response = try? await transport.send(request) else { return false }
        return response.status == 200 && !response.body.isEmpty
    }
    exit(0)
}
if clientName == "decode-plain" {
    let body = try Data(contentsOf: URL(fileURLWithPath: arguments.string("body", "nginx/login-reply.json")))
    await runStandardModes(client: reportedName, arguments: arguments) {
        guard let reply = try? JSONDecoder().decode(PlainLoginReply.self, from: body) else { return false }
        return reply.access_token != nil && reply.Profile?.Uid != nil
    }
    exit(0)
}
if clientName == "decode-jsonvalue" {
    let body = try Data(contentsOf: URL(fileURLWithPath: arguments.string("body", "nginx/login-reply.json")))
    await runStandardModes(client: reportedName, arguments: arguments) {
        guard let tree = try? JSONCoding.decode(JSONValue.self, from: body) else { return false }
        return tree != .null
    }
    exit(0)
}
if clientName == "decode-jsonvalue-parser" {
    let body = try Data(contentsOf: URL(fileURLWithPath: arguments.string("body", "nginx/login-reply.json")))
    await runStandardModes(client: reportedName, arguments: arguments) {
        guard let tree = try? JSONValue(parsing: body) else { return false }
        return tree != .null
    }
    exit(0)
}
if clientName == "decode-only" {
    let body = try Data(contentsOf: URL(fileURLWithPath: arguments.string("body", "nginx/login-reply.json")))
    await runStandardModes(client: reportedName, arguments: arguments) {
        guard let token = try? BenchmarkReplyDecoding.decode(AccessToken<Identity>.self, from: body) else {
            return false
        }
        return token.accessToken != nil && token.profile?.uid != nil
    }
    exit(0)
}
if clientName == "decode-tree" {
    let body = try Data(contentsOf: URL(fileURLWithPath: arguments.string("body", "nginx/login-reply.json")))
    await runStandardModes(client: reportedName, arguments: arguments) {
        guard let tree = try? JSONValue(parsing: body),
            let token = try? AccessToken<Identity>(jsonValue: tree)
        else { return false }
        return token.accessToken != nil && token.profile?.uid != nil
    }
    exit(0)
}
if clientName == "decode-decoder" {
    let body = try Data(contentsOf: URL(fileURLWithPath: arguments.string("body", "nginx/login-reply.json")))
    await runStandardModes(client: reportedName, arguments: arguments) {
        guard let token = try? JSONCoding.decode(AccessToken<Identity>.self, from: body) else { return false }
        return token.accessToken != nil && token.profile?.uid != nil
    }
    exit(0)
}
if clientName == "handoff-floor" {
    let thread = HandoffThread()
    await runStandardModes(client: reportedName, arguments: arguments) {
        await withCheckedContinuation { thread.submit($0) }
        return true
    }
    exit(0)
}

await runStandardModes(client: reportedName, arguments: arguments) {
    do {
        let token = try await client.authentication.loginByEmail(model)
        return token.accessToken != nil && token.profile?.uid != nil
    } catch {
        return false
    }
}
