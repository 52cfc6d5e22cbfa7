import Foundation
import LRCore
import Logging
import Testing

private typealias Support = MiddlewareTestSupport

/// swift-log's library guidelines: successful calls at debug, the caller's logger (task-local
/// `Logger.current` by default), nothing at info for a journey that succeeds.
@Suite("Client logging by swift-log's guidelines")
struct ClientLoggingTests {
    private static let journey: [OperationDescriptor] = [
        Support.login, Support.getProfile, Support.manageGet, Support.managePost, Support.getProfile,
    ]

    @Test("a successful journey logs nothing at info; at debug one line per call, to Logger.current")
    func successfulJourneyIsQuietAtInfo() async throws {
        let transport = ScriptedTransport([Support.ok])
        // No logger passed: the client logs to the task-local logger of each call.
        let client = try LoginRadiusClient(configuration: try Support.configuration(), transport: transport)

        let info = LogCapture()
        try await withLogger(info.logger(level: .info)) { _ in
            for operation in Self.journey { _ = try await client.send(try Support.call(operation)) }
        }
        #expect(info.entries.isEmpty, "\(info.text)")

        let debug = LogCapture()
        try await withLogger(debug.logger(level: .debug)) { _ in
            for operation in Self.journey { _ = try await client.send(try Support.call(operation)) }
        }
        #expect(debug.entries.count == Self.journey.count)
        #expect(debug.entries.allSatisfy { $0.level == .debug })
        #expect(debug.entries.map { $0.metadata["lr.operation"] } == Self.journey.map(\.name))
        #expect(transport.requests.count == 2 * Self.journey.count)
    }

    @Test("a view's logger and metadata are used for its calls")
    func viewLogger() async throws {
        let client = try LoginRadiusClient(
            configuration: try Support.configuration(), transport: ScriptedTransport([Support.ok]))
        let capture = LogCapture()
        _ = try await client.with(logger: capture.logger(level: .debug), metadata: ["request.id": "r-7"])
            .send(try Support.call(Support.getProfile))
        #expect(capture.entries.count == 1)
        #expect(capture.entries.first?.metadata["request.id"] == "r-7")
    }

    @Test("a retry is reported at info, the call line stays at debug")
    func retryAtInfo() async throws {
        let capture = LogCapture()
        let client = try Support.client(
            try Support.configuration(), transport: ScriptedTransport([Support.status(503), Support.ok]),
            logger: capture.logger(level: .info))
        _ = try await client.send(try Support.call(Support.getProfile))
        #expect(capture.entries.map(\.message) == ["retrying"])
        #expect(capture.entries.allSatisfy { $0.level == .info })
    }

    @Test(
        "the one warning: default-transport settings given with a custom transport, logged once when the client is made"
    )
    func ignoredTransportSettingsWarning() async throws {
        var configuration = try Support.configuration()
        configuration.proxy = ProxyConfiguration(url: "http://proxy.internal:3128")
        let capture = LogCapture()
        let client = try LoginRadiusClient(
            configuration: configuration, transport: ScriptedTransport([Support.ok]),
            logger: capture.logger(level: .trace))
        for _ in 0..<3 { _ = try await client.send(try Support.call(Support.getProfile)) }
        let warnings = capture.entries.filter { $0.level >= .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.metadata["lr.ignored"] == "proxy")
        // Without such settings: no warning at all.
        let quiet = LogCapture()
        _ = try LoginRadiusClient(
            configuration: try Support.configuration(), transport: ScriptedTransport(),
            logger: quiet.logger(level: .trace))
        #expect(quiet.entries.isEmpty)
    }
}
