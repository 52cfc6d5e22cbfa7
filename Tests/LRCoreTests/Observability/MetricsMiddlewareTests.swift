import Foundation
import LRCore
import MetricsTestKit
import Testing

import enum CoreMetrics.MetricsSystem

/// The process's metrics backend for these tests: bootstrapped once (swift-metrics allows one
/// bootstrap per process). Each test uses operation names of its own, so tests running in
/// parallel, and every other test's calls, never touch its metrics.
enum TestMetricsBackend {
    static let metrics: TestMetrics = {
        let metrics = TestMetrics()
        MetricsSystem.bootstrap(metrics)
        return metrics
    }()
}

@Suite("Metrics: counters and timers per call")
struct MetricsMiddlewareTests {
    typealias Support = MiddlewareTestSupport
    let metrics = TestMetricsBackend.metrics

    /// `operation` under a name no other test uses.
    private func unique(_ operation: OperationDescriptor, _ name: String) -> OperationDescriptor {
        var operation = operation
        operation.name = name
        return operation
    }

    private func dimensions(_ name: String, group: String = "authentication") -> [(String, String)] {
        [("group", group), ("operation", name)]
    }

    @Test("calls, duration, retries and failures, by operation")
    func countsAndTimes() async throws {
        let name = "metricsProbeRetried"
        let operation = unique(Support.getProfile, name)
        let transport = ScriptedTransport([Support.status(503), Support.ok])
        let clock = FakeClock()
        let client = try Support.client(try Support.configuration(), transport: transport, clock: clock)
        _ = try await client.send(try Support.call(operation))
        _ = try await client.send(try Support.call(operation))

        #expect(try metrics.expectCounter(MetricsMiddleware.Label.calls, dimensions(name)).totalValue == 2)
        #expect(
            try metrics.expectCounter(MetricsMiddleware.Label.retries, dimensions(name) + [("reason", "HTTP 503")])
                .totalValue == 1)
        #expect(metrics.counters(label: MetricsMiddleware.Label.failures).allSatisfy { !$0.dimensionsMatch(name) })
        let timer = try metrics.expectTimer(MetricsMiddleware.Label.duration, dimensions(name))
        #expect(timer.values.count == 2)
        // The first call waited 100 ms (fake clock) before its retry: the timer covers the whole call.
        #expect(timer.values.first == 100_000_000)
    }

    @Test("failures by kind: LoginRadius ErrorCode, HTTP status, transport kind, decoding")
    func failuresByKind() async throws {
        let apiName = "metricsProbeAPI"
        let apiBody = #"{"ErrorCode":938,"Description":"Access token is invalid"}"#
        let apiClient = try Support.client(
            try Support.configuration(), transport: ScriptedTransport([Support.status(403, body: apiBody)]))
        _ = await Support.error { _ = try await apiClient.send(try Support.call(unique(Support.login, apiName))) }
        #expect(
            try metrics.expectCounter(
                MetricsMiddleware.Label.failures, dimensions(apiName) + [("kind", "api"), ("reason", "938")]
            ).totalValue == 1)

        let httpName = "metricsProbeHTTP"
        let httpClient = try Support.client(
            try Support.configuration(retry: .disabled), transport: ScriptedTransport([Support.status(500)]))
        _ = await Support.error { _ = try await httpClient.send(try Support.call(unique(Support.login, httpName))) }
        #expect(
            try metrics.expectCounter(
                MetricsMiddleware.Label.failures, dimensions(httpName) + [("kind", "http"), ("reason", "500")]
            ).totalValue == 1)

        let transportName = "metricsProbeTransport"
        let transportClient = try Support.client(
            try Support.configuration(retry: .disabled),
            transport: ScriptedTransport([Support.failure(.couldNotConnect, reached: false)]))
        _ = await Support.error {
            _ = try await transportClient.send(try Support.call(unique(Support.getProfile, transportName)))
        }
        #expect(
            try metrics.expectCounter(
                MetricsMiddleware.Label.failures,
                dimensions(transportName) + [("kind", "transport"), ("reason", "couldNotConnect")]
            ).totalValue == 1)

        let decodingName = "metricsProbeDecoding"
        let decodingClient = try Support.client(
            try Support.configuration(), transport: ScriptedTransport([.success(.json(#"{"Unexpected":1}"#))]))
        _ = await Support.error {
            _ = try await decodingClient.perform(
                try Support.call(unique(Support.getProfile, decodingName)), as: [String].self)
        }
        #expect(
            try metrics.expectCounter(
                MetricsMiddleware.Label.failures,
                dimensions(decodingName) + [("kind", "decoding"), ("reason", "decoding")]
            ).totalValue == 1)
    }

    @Test("no dimension carries a user value: the access token, uid and e-mail never appear")
    func noUserValues() async throws {
        let name = "metricsProbePrivacy"
        var operation = unique(Support.manageGet, name)
        operation.accessToken = .bearer
        var call = APICall(operation)
        try call.accessToken("secret_token_of_a_user")
        try call.pathParameter("uid", "uid_of_a_user", parameter: "uid")
        try call.body(["Email": JSONValue.string("someone@example.com")])
        let body = #"{"ErrorCode":1048,"Description":"wrong password for someone@example.com"}"#
        let client = try Support.client(
            try Support.configuration(), transport: ScriptedTransport([Support.status(401, body: body)]))
        _ = await Support.error { _ = try await client.send(call) }

        let mine = metrics.counters.filter { $0.dimensionsMatch(name) }
        #expect(mine.count == 2)
        for counter in mine {
            #expect(Set(counter.dimensions.map(\.0)).isSubset(of: ["group", "operation", "kind", "reason"]))
            for (_, value) in counter.dimensions {
                #expect(!value.contains("user") && !value.contains("@"), "\(counter.label): \(value)")
            }
        }
    }
}

extension TestCounter {
    /// Whether this counter belongs to the operation named `name`.
    fileprivate func dimensionsMatch(_ name: String) -> Bool {
        dimensions.contains { $0 == "operation" && $1 == name }
    }
}
