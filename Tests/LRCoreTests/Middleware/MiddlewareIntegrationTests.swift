import Foundation
import LRCore
import Synchronization
import Testing

/// The middleware over the real libcurl transport against the loopback test server.
@Suite("Middleware integration (libcurl)", .serialized)
struct MiddlewareIntegrationTests {
    typealias Support = MiddlewareTestSupport

    static let okBody = Array(#"{"IsPosted":true}"#.utf8)

    static func client(for server: LoopbackHTTPServer, clock: any LoginRadiusClock = LoginRadiusSystemClock()) throws
        -> LoginRadiusClient
    {
        let configuration = try Support.configuration(baseURL: server.baseURL)
        let transport = try TransportTestSupport.transport()
        return try Support.client(configuration, transport: transport, clock: clock, fraction: 1)
    }

    /// A handler that answers the n-th request (from 0) with `actions[n]`, the last one repeating.
    static func script(_ actions: [LoopbackHTTPServer.Action]) -> LoopbackHTTPServer.Handler {
        let index = Counter()
        return { _ in actions[min(index.next(), actions.count - 1)] }
    }

    @Test("429 with Retry-After: 1 is waited for (really), then the call succeeds")
    func tooManyRequestsThenSuccess() async throws {
        let server = try LoopbackHTTPServer(
            handler: Self.script([
                .respond(
                    .init(
                        status: 429, fields: [.init(name: "Retry-After", value: "1")],
                        body: Array(#"{"ErrorCode":1,"Description":"slow down"}"#.utf8))),
                .respond(.init(status: 200, body: Self.okBody)),
            ]))
        defer { server.stop() }
        let client = try Self.client(for: server)
        let started = ContinuousClock.now
        let response = try await client.send(try Support.call(Support.getProfile))
        let elapsed = ContinuousClock.now - started
        #expect(response.status == 200)
        #expect(server.requests.count == 2)
        #expect(elapsed >= .milliseconds(950))
        #expect(elapsed < .seconds(25))
    }

    @Test("503 then 200: retried after a short backoff")
    func unavailableThenSuccess() async throws {
        let server = try LoopbackHTTPServer(
            handler: Self.script([
                .respond(.init(status: 503, body: Array("<html>maintenance</html>".utf8))),
                .respond(.init(status: 200, body: Self.okBody)),
            ]))
        defer { server.stop() }
        let clock = FakeClock()
        let client = try Self.client(for: server, clock: clock)
        let decoded = try await client.perform(try Support.call(Support.getProfile), as: [String: JSONValue].self)
        #expect(decoded["IsPosted"] == true)
        #expect(server.requests.count == 2)
        #expect(clock.sleeps == [.milliseconds(100)])
    }

    @Test("a reset connection is retried for a GET but not for a POST")
    func connectionReset() async throws {
        let server = try LoopbackHTTPServer(
            handler: Self.script([.closeConnection, .respond(.init(status: 200, body: Self.okBody))]))
        defer { server.stop() }
        let response = try await Self.client(for: server, clock: FakeClock()).send(try Support.call(Support.getProfile))
        #expect(response.status == 200)
        #expect(server.requests.count == 2)

        let postServer = try LoopbackHTTPServer(
            handler: Self.script([.closeConnection, .respond(.init(status: 200, body: Self.okBody))]))
        defer { postServer.stop() }
        let client = try Self.client(for: postServer, clock: FakeClock())
        let error = await Support.error {
            _ = try await client.send(try Support.call(Support.login, body: ["email": "a@b.c"]))
        }
        let failure = try TransportTestSupport.requireFailure(error)
        #expect(failure.kind == .connectionLost)
        #expect(failure.mayHaveReachedServer)
        #expect(postServer.requests.count == 1)
    }

    @Test("a connection refused is retried even for a POST (it never left)")
    func connectionRefused() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        let configuration = try Support.configuration(baseURL: "http://127.0.0.1:\(port)")
        let clock = FakeClock()
        let client = try Support.client(configuration, transport: try TransportTestSupport.transport(), clock: clock)
        let error = await Support.error { _ = try await client.send(try Support.call(Support.login)) }
        #expect(try TransportTestSupport.requireFailure(error).kind == .couldNotConnect)
        #expect(clock.sleeps.count == 2)
    }

    @Test("a gzip body is decoded, and the server saw Accept-Encoding")
    func gzipBody() async throws {
        let json = Data(#"{"FirstName":"Ada","Uid":"u-1"}"#.utf8)
        let gzip = try Zlib.compress(json)
        let server = try LoopbackHTTPServer { _ in
            .respond(
                .init(
                    status: 200,
                    fields: [
                        .init(name: "Content-Encoding", value: "gzip"),
                        .init(name: "Content-Type", value: "application/json"),
                    ],
                    body: Array(gzip)))
        }
        defer { server.stop() }
        let client = try Self.client(for: server)
        let response = try await client.send(try Support.call(Support.getProfile))
        #expect(response.body == json)
        #expect(response.headers["Content-Encoding"] == nil)
        #expect(server.requests.first?.values("Accept-Encoding") == ["gzip, deflate"])
    }

    @Test("a gzip bomb fails with responseTooLarge")
    func gzipBomb() async throws {
        let bomb = try Zlib.compress(Data(count: 32 * 1024 * 1024))
        let server = try LoopbackHTTPServer { _ in
            .respond(.init(status: 200, fields: [.init(name: "Content-Encoding", value: "gzip")], body: Array(bomb)))
        }
        defer { server.stop() }
        let client = try Self.client(for: server)
        let error = await Support.error { _ = try await client.send(try Support.call(Support.getProfile)) }
        #expect(try TransportTestSupport.requireFailure(error).kind == .responseTooLarge)
        #expect(server.requests.count == 1)
    }
}

/// A thread-safe counter from 0.
final class Counter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
