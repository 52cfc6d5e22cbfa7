import Foundation
import LRCore
import Testing

@Suite("Middleware order")
struct MiddlewareOrderTests {
    typealias Support = MiddlewareTestSupport

    struct Outer: LoginRadiusMiddleware {
        func intercept(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext)
            async throws -> LoginRadiusResponse
        {
            try await next(request, context)
        }
    }

    struct Inner: LoginRadiusMiddleware {
        func intercept(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext)
            async throws -> LoginRadiusResponse
        {
            try await next(request, context)
        }
    }

    @Test("the default order, outermost first, with every feature on")
    func documentedOrder() throws {
        let client = try Support.client(
            try Support.configuration(requestSigning: true, originIP: "203.0.113.7"), transport: ScriptedTransport(),
            middleware: [Outer()], attemptMiddleware: [Inner()])
        #expect(
            client.middlewareNames == [
                "TracingMiddleware", "MetricsMiddleware", "LoggingMiddleware", "Outer", "OriginIPMiddleware",
                "CompressionMiddleware", "RetryMiddleware", "Inner",
                "RequestSigningMiddleware",
            ])
    }

    @Test("the defaults install logging, compression and retry")
    func defaultsInstalled() throws {
        let client = try Support.client(try Support.configuration(), transport: ScriptedTransport())
        // Origin IP is always installed: each call may carry its own (`with(originIP:)`).
        #expect(
            client.middlewareNames == [
                "TracingMiddleware", "MetricsMiddleware", "LoggingMiddleware", "OriginIPMiddleware",
                "CompressionMiddleware",
                "RetryMiddleware",
            ])
        let bare = try Support.client(
            try Support.configuration(retry: .disabled, compression: .disabled), transport: ScriptedTransport(),
            middleware: [Outer()])
        #expect(
            bare.middlewareNames == [
                "TracingMiddleware", "MetricsMiddleware", "LoggingMiddleware", "Outer", "OriginIPMiddleware",
            ])
    }

    @Test("what each position sees: user middleware once per call, attempt middleware per attempt, signing last")
    func positionsObserved() async throws {
        let outer = RecordingMiddleware()
        let inner = RecordingMiddleware()
        let transport = ScriptedTransport([Support.status(503), Support.status(504), Support.ok])
        let client = try Support.client(
            try Support.configuration(requestSigning: true, originIP: "203.0.113.7"), transport: transport,
            middleware: [outer], attemptMiddleware: [inner])
        _ = try await client.send(try Support.call(Support.manageGet))

        // Outside origin IP, compression and retry: once, as the SDK built the request.
        let outerCalls = outer.calls
        #expect(outerCalls.count == 1)
        #expect(outerCalls.first?.attempt == 1)
        #expect(outerCalls.first?.headers["X-Origin-IP"] == nil)
        #expect(outerCalls.first?.headers["Accept-Encoding"] == nil)
        #expect(outerCalls.first?.headers[LoginRadiusHeaderName.apiSecret] == TestCredentials.apiSecret)

        // Inside retry, outside signing: every attempt, with origin IP and Accept-Encoding, unsigned.
        let innerCalls = inner.calls
        #expect(innerCalls.map(\.attempt) == [1, 2, 3])
        #expect(innerCalls.allSatisfy { $0.headers["X-Origin-IP"] == "203.0.113.7" })
        #expect(innerCalls.allSatisfy { $0.headers["Accept-Encoding"] == "gzip, deflate" })
        #expect(innerCalls.allSatisfy { $0.headers[LoginRadiusHeaderName.digest] == nil })

        // On the wire: signed, the secret gone.
        #expect(transport.requests.count == 3)
        #expect(
            transport.requests.allSatisfy {
                $0.headers[LoginRadiusHeaderName.apiSecret] == nil && $0.headers[LoginRadiusHeaderName.digest] != nil
            })
    }

    @Test("header validation still runs after every middleware, on every attempt")
    func headerValidationInnermost() async throws {
        struct Injecting: LoginRadiusMiddleware {
            func intercept(_ request: LoginRadiusRequest, context: LoginRadiusRequestContext, next: MiddlewareNext)
                async throws -> LoginRadiusResponse
            {
                var request = request
                request.headers["X-Attempt"] = "\(context.attempt)\r\nX-Evil: 1"
                return try await next(request, context)
            }
        }
        let transport = ScriptedTransport()
        let client = try Support.client(
            try Support.configuration(), transport: transport, attemptMiddleware: [Injecting()])
        let error = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        guard let argument = (try #require(error) as? LoginRadiusError)?.invalidArgument else {
            Issue.record("expected invalidArgument, got \(String(describing: error))")
            return
        }
        #expect(argument.parameter == "X-Attempt")
        #expect(transport.requests.isEmpty)
    }
}
