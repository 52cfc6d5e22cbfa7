import Foundation
import InMemoryTracing
import LRCore
import MetricsTestKit
import Testing
import Tracing

/// Failures outside the exchange are observed too: a 2xx reply that does not decode ends its span
/// as a `decoding` failure and is counted once, and a call refused before the pipeline
/// (`invalidArgument`, `shutDown`) gets a span with error status and a failure count.
@Suite("Observability: decoding failures and calls refused before the pipeline")
struct UnexchangedFailureTests {
    typealias Support = MiddlewareTestSupport
    let metrics = TestMetricsBackend.metrics

    private func named(_ operation: OperationDescriptor, _ name: String) -> OperationDescriptor {
        var operation = operation
        operation.name = name
        return operation
    }

    private func dimensions(_ name: String) -> [(String, String)] {
        [("group", "authentication"), ("operation", name)]
    }

    private func onlySpan(_ tracer: InMemoryTracer) throws -> FinishedInMemorySpan {
        let spans = tracer.finishedSpans
        try #require(spans.count == 1, "spans: \(spans.map(\.operationName))")
        return spans[0]
    }

    @Test("a 2xx reply that does not decode: the span ends with error decoding, counted once as a failure")
    func decodingFailure() async throws {
        let name = "probeUndecodableReply"
        let transport = ScriptedTransport([.success(.json(#"{"Unexpected":1}"#))])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let tracer = InMemoryTracer()
        let error = await Support.error {
            try await withTracer(tracer) {
                _ = try await client.perform(try Support.call(named(Support.getProfile, name)), as: [String].self)
            }
        }
        #expect((error as? LoginRadiusError)?.code == .decoding)
        #expect((error as? LoginRadiusError)?.attempts == 1)
        let span = try onlySpan(tracer)
        #expect(span.attributes["error.type"]?.toSpanAttribute() == "decoding")
        #expect(span.attributes["http.response.status_code"]?.toSpanAttribute() == .int(200))
        #expect(span.status?.code == .error)
        #expect(span.status?.message == "decoding decoding")
        #expect(try metrics.expectCounter(MetricsMiddleware.Label.calls, dimensions(name)).totalValue == 1)
        #expect(
            try metrics.expectCounter(
                MetricsMiddleware.Label.failures, dimensions(name) + [("kind", "decoding"), ("reason", "decoding")]
            ).totalValue == 1)
    }

    @Test("a reply that decodes: the value is returned and the span and metrics report success")
    func decodedReply() async throws {
        let name = "probeDecodableReply"
        let transport = ScriptedTransport([.success(.json(#"["a","b"]"#))])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let tracer = InMemoryTracer()
        let value = try await withTracer(tracer) {
            try await client.perform(try Support.call(named(Support.getProfile, name)), as: [String].self)
        }
        #expect(value == ["a", "b"])
        let span = try onlySpan(tracer)
        #expect(span.status == nil)
        #expect(span.attributes["error.type"] == nil)
        let failures = metrics.counters.filter { counter in
            counter.label == MetricsMiddleware.Label.failures
                && counter.dimensions.contains { $0 == "operation" && $1 == name }
        }
        #expect(failures.isEmpty)
    }

    @Test("a blank required value: nothing is sent, a span with error invalidArgument and 0 attempts, a failure count")
    func refusedArgument() async throws {
        let name = "probeRefusedArgument"
        let transport = ScriptedTransport([Support.ok])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let tracer = InMemoryTracer()
        let error = await Support.error {
            try await withTracer(tracer) {
                let _: JSONValue = try await client.perform(named(Support.login, name)) { call in
                    try call.bodyField("email", required: " ", parameter: "email")
                }
            }
        }
        #expect((error as? LoginRadiusError)?.invalidArgument?.parameter == "email")
        #expect((error as? LoginRadiusError)?.operation?.swiftName == name)
        #expect(transport.requests.isEmpty)
        let span = try onlySpan(tracer)
        #expect(span.operationName == "LoginRadius.authentication.\(name)")
        #expect(span.attributes["error.type"]?.toSpanAttribute() == "invalidArgument")
        #expect(span.attributes["loginradius.attempts"]?.toSpanAttribute() == .int(0))
        #expect(span.attributes["http.request.method"]?.toSpanAttribute() == "POST")
        #expect(span.attributes["http.response.status_code"] == nil)
        #expect(span.status?.code == .error)
        #expect(try metrics.expectCounter(MetricsMiddleware.Label.calls, dimensions(name)).totalValue == 1)
        #expect(
            try metrics.expectCounter(
                MetricsMiddleware.Label.failures, dimensions(name) + [("kind", "invalidArgument"), ("reason", "email")]
            ).totalValue == 1)
    }

    @Test("a call after shutdown(): a span with error shutDown, a failure count")
    func refusedAfterShutdown() async throws {
        let name = "probeRefusedShutDown"
        let transport = ScriptedTransport([Support.ok])
        let client = try Support.client(try Support.configuration(), transport: transport)
        try await client.shutdown()
        let tracer = InMemoryTracer()
        let error = await Support.error {
            try await withTracer(tracer) {
                _ = try await client.send(try Support.call(named(Support.getProfile, name)))
            }
        }
        #expect((error as? LoginRadiusError)?.code == .shutDown)
        let span = try onlySpan(tracer)
        #expect(span.attributes["error.type"]?.toSpanAttribute() == "shutDown")
        #expect(span.attributes["loginradius.attempts"]?.toSpanAttribute() == .int(0))
        #expect(span.status?.code == .error)
        #expect(
            try metrics.expectCounter(
                MetricsMiddleware.Label.failures, dimensions(name) + [("kind", "shutDown"), ("reason", "shutDown")]
            ).totalValue == 1)
    }
}
