import Foundation
import LRCore
import Synchronization
import Testing

private typealias Support = MiddlewareTestSupport

/// `shutdown()` and `withLoginRadiusClient`.
@Suite("Client lifecycle")
struct ClientLifecycleTests {
    /// Waits (up to 10 s) until `condition` holds; an event, not a fixed sleep.
    private static func eventually(_ condition: () -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while !condition(), clock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
    }

    @Test("shutdown() with calls in flight ends them with .shutDown, twice is fine, and a later call sends nothing")
    func shutdownWithCallsInFlight() async throws {
        let server = try LoopbackHTTPServer { _ in .neverRespond }
        defer { server.stop() }
        let client = try LoginRadiusClient(
            configuration: try Support.configuration(retry: .disabled, baseURL: server.baseURL))
        let curl = try #require(client.transport as? CurlTransport)
        let loopThread = curl.loopThreadKernelID
        let inFlight = (0..<5).map { index in
            Task { try await client.with(originIP: "10.0.0.\(index)").send(try Support.call(Support.getProfile)) }
        }
        try await Self.eventually { server.requests.count == 5 }
        #expect(server.requests.count == 5)

        try await client.shutdown()
        try await client.with(originIP: "10.0.0.9").shutdown() // idempotent, from any view

        for task in inFlight {
            let error = await Support.error { _ = try await task.value }
            let thrown = try #require(error as? LoginRadiusError, "\(String(describing: error))")
            #expect(thrown.code == .shutDown)
            #expect(thrown.operation?.swiftName == "getProfileByAccessToken")
        }
        // shutdown() returned once the loop closed its connections: the thread ends on its own.
        try await Self.eventually { TransportTestSupport.threadName(kernelID: loopThread) != "lr-curl-loop" }
        #expect(TransportTestSupport.threadName(kernelID: loopThread) != "lr-curl-loop")

        let after = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        let thrown = try #require(after as? LoginRadiusError)
        #expect(thrown.code == .shutDown)
        #expect(thrown.attempts == 0)
        #expect(thrown.operation?.swiftName == "getProfileByAccessToken")
        #expect(server.requests.count == 5)
        // The catch pattern the README documents.
        do {
            _ = try await client.send(try Support.call(Support.getProfile))
            Issue.record("a call after shutdown succeeded")
        } catch LoginRadiusError.Code.shutDown {
        }
    }

    @Test("withLoginRadiusClient shuts the client down when its body throws, and rethrows the body's error")
    func scopedClientOnThrow() async throws {
        struct BodyFailed: Error {}
        let server = try TransportTestSupport.echoServer()
        defer { server.stop() }
        let escaped = Mutex<LoginRadiusClient?>(nil)
        await #expect(throws: BodyFailed.self) {
            try await withLoginRadiusClient(
                configuration: try Support.configuration(baseURL: server.baseURL)
            ) { client in
                escaped.withLock { $0 = client }
                _ = try await client.send(try Support.call(Support.getProfile))
                throw BodyFailed()
            }
        }
        let client = try #require(escaped.withLock { $0 })
        #expect(server.requests.count == 1)
        let error = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        #expect((error as? LoginRadiusError)?.code == .shutDown)
        #expect(server.requests.count == 1)
    }

    @Test("withLoginRadiusClient returns the body's result and shuts down")
    func scopedClientReturns() async throws {
        let transport = ShutdownCountingTransport()
        let (value, client) = try await withLoginRadiusClient(
            configuration: try Support.configuration(), transport: transport
        ) { client in
            (try await client.send(try Support.call(Support.getProfile)).status, client)
        }
        #expect(value == 200)
        #expect(
            (await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
                as? LoginRadiusError)?.code == .shutDown)
        // A transport passed in stays the caller's: the client does not shut it down.
        #expect(transport.shutdowns == 0)
    }
}

/// Answers 200 and counts `shutdown()` calls.
private final class ShutdownCountingTransport: LoginRadiusTransport {
    private let count = Mutex(0)
    var shutdowns: Int { count.withLock { $0 } }

    func send(_ request: LoginRadiusRequest) async throws -> LoginRadiusResponse {
        .json(#"{"ok":true}"#)
    }

    func shutdown() async throws {
        count.withLock { $0 += 1 }
    }
}
