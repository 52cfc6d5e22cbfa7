import Foundation
import InMemoryTracing
import LRCore
import Testing
import Tracing

@Suite("Tracing: a span per call")
struct TracingMiddlewareTests {
    typealias Support = MiddlewareTestSupport

    /// The one span `tracer` finished, failing the test when there is not exactly one.
    private func onlySpan(_ tracer: InMemoryTracer) throws -> FinishedInMemorySpan {
        let spans = tracer.finishedSpans
        try #require(spans.count == 1, "spans: \(spans.map(\.operationName))")
        return spans[0]
    }

    @Test("a successful call: one client span named after the operation, with its names, method, status, attempts")
    func successfulCall() async throws {
        let transport = ScriptedTransport([Support.ok])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let tracer = InMemoryTracer()
        try await withTracer(tracer) {
            _ = try await client.send(try Support.call(Support.getProfile))
        }
        let span = try onlySpan(tracer)
        #expect(span.operationName == "LoginRadius.authentication.getProfileByAccessToken")
        #expect(span.kind == .client)
        #expect(span.attributes["rpc.system"]?.toSpanAttribute() == "loginradius")
        #expect(span.attributes["rpc.service"]?.toSpanAttribute() == "authentication")
        #expect(span.attributes["rpc.method"]?.toSpanAttribute() == "getProfileByAccessToken")
        #expect(span.attributes["loginradius.operation"]?.toSpanAttribute() == "getProfileByAccessToken")
        #expect(span.attributes["http.request.method"]?.toSpanAttribute() == "GET")
        #expect(span.attributes["http.response.status_code"]?.toSpanAttribute() == .int(200))
        #expect(span.attributes["loginradius.attempts"]?.toSpanAttribute() == .int(1))
        #expect(span.attributes["loginradius.error_code"] == nil)
        #expect(span.attributes["error.type"] == nil)
        #expect(span.status == nil)
        #expect(span.events.isEmpty)
    }

    @Test("nothing about the trace is sent: no context injected, no trace header on the request")
    func noTraceHeaderSent() async throws {
        let transport = ScriptedTransport([Support.ok])
        let client = try Support.client(try Support.configuration(), transport: transport)
        let tracer = InMemoryTracer()
        try await withTracer(tracer) {
            try await withSpan("handler") { _ in
                _ = try await client.send(try Support.call(Support.getProfile))
            }
        }
        #expect(tracer.performedContextInjections.isEmpty)
        let sent = try #require(transport.requests.first)
        for name in ["traceparent", "tracestate", "baggage", InMemoryTracer.traceIDKey, InMemoryTracer.spanIDKey] {
            #expect(sent.headers[name] == nil, "\(name)")
        }
    }

    @Test("the call's span is a child of the caller's current span")
    func childOfCallersSpan() async throws {
        let client = try Support.client(try Support.configuration(), transport: ScriptedTransport([Support.ok]))
        let tracer = InMemoryTracer()
        try await withTracer(tracer) {
            try await withSpan("handler") { _ in
                _ = try await client.send(try Support.call(Support.getProfile))
            }
        }
        let spans = tracer.finishedSpans
        let call = try #require(spans.first { $0.operationName.hasPrefix("LoginRadius.") })
        let parent = try #require(spans.first { $0.operationName == "handler" })
        #expect(call.parentSpanID == parent.spanID)
        #expect(call.traceID == parent.traceID)
    }

    @Test("one event per retry, and the attempt count on the span")
    func retryEvents() async throws {
        let transport = ScriptedTransport([Support.status(503), Support.status(502), Support.ok])
        let client = try Support.client(try Support.configuration(), transport: transport, fraction: 1)
        let tracer = InMemoryTracer()
        try await withTracer(tracer) {
            _ = try await client.send(try Support.call(Support.getProfile))
        }
        let span = try onlySpan(tracer)
        #expect(span.events.map(\.name) == ["retry", "retry"])
        #expect(span.events.map { $0.attributes["loginradius.attempt"]?.toSpanAttribute() } == [.int(1), .int(2)])
        #expect(
            span.events.map { $0.attributes["loginradius.retry.reason"]?.toSpanAttribute() }
                == ["HTTP 503", "HTTP 502"])
        #expect(
            span.events.map { $0.attributes["loginradius.retry.delay_ms"]?.toSpanAttribute() } == [
                .int(100), .int(200),
            ])
        #expect(span.attributes["loginradius.attempts"]?.toSpanAttribute() == .int(3))
        #expect(span.attributes["http.response.status_code"]?.toSpanAttribute() == .int(200))
        #expect(span.status == nil)
    }

    @Test("LoginRadius's error: error status, ErrorCode, HTTP status, error.type; the message is kind and code only")
    func apiError() async throws {
        let body = #"{"ErrorCode":1048,"Description":"The provided credentials are incorrect for sample@example.com"}"#
        let client = try Support.client(
            try Support.configuration(), transport: ScriptedTransport([Support.status(400, body: body)]))
        let tracer = InMemoryTracer()
        await withTracer(tracer) {
            _ = await Support.error { _ = try await client.send(try Support.call(Support.login)) }
        }
        let span = try onlySpan(tracer)
        #expect(span.attributes["http.request.method"]?.toSpanAttribute() == "POST")
        #expect(span.attributes["http.response.status_code"]?.toSpanAttribute() == .int(400))
        #expect(span.attributes["loginradius.error_code"]?.toSpanAttribute() == .int(1048))
        #expect(span.attributes["error.type"]?.toSpanAttribute() == "api")
        #expect(span.status == SpanStatus(code: .error, message: "api 1048"))
        // The error's text (which may quote user data) is not recorded.
        #expect(span.errors.isEmpty)
    }

    @Test("a transport failure: error status with the transport-neutral kind, no HTTP status")
    func transportFailure() async throws {
        let client = try Support.client(
            try Support.configuration(retry: .disabled),
            transport: ScriptedTransport([Support.failure(.tlsCertificate, reached: false)]))
        let tracer = InMemoryTracer()
        await withTracer(tracer) {
            _ = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        }
        let span = try onlySpan(tracer)
        #expect(span.attributes["http.response.status_code"] == nil)
        #expect(span.attributes["error.type"]?.toSpanAttribute() == "transport")
        #expect(span.status == SpanStatus(code: .error, message: "transport tlsCertificate"))
    }
}
