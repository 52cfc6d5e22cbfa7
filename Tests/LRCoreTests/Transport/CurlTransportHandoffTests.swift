import Foundation
import LRCore
import Testing

/// On Linux the transport drives libcurl's socket interface: a calling task adds and starts its
/// own transfer, so the loop thread is woken by the reply only, never by a submission.
@Suite("CurlTransport thread hand-offs")
struct CurlTransportHandoffTests {
    #if os(Linux)
        @Test("Sequential calls on a kept-alive connection never wake the loop thread to start them")
        func sequentialCallsSendNoWakeups() async throws {
            let server = try TransportTestSupport.echoServer()
            defer { server.stop() }
            // A long idle sleep: a transfer that needed a wake-up and did not get one would hang
            // for a minute, not pass slowly.
            let transport = try CurlTransport(
                options: .init(connectTimeout: .seconds(5), requestTimeout: .seconds(10)),
                idlePollInterval: .seconds(60))
            let request = LoginRadiusRequest(
                method: .post, baseURL: server.baseURL, pathSegments: ["login"], body: Data("{\"a\":1}".utf8))
            let first = try await transport.send(request) // opens the connection
            #expect(first.status == 200)
            let before = transport.loopWakeups
            for index in 0..<20 {
                let response = try await transport.send(request)
                #expect(response.status == 200, "call \(index)")
                #expect(response.body == Data("{\"a\":1}".utf8), "call \(index)")
            }
            #expect(transport.loopWakeups == before)
            #expect(server.connectionCount == 1)
            await transport.shutdown()
        }

        @Test("A connection the server closes while idle leaves the epoll set; the next call opens a new one")
        func idleConnectionClosedByServer() async throws {
            // A complete reply, then the server closes the connection without saying so: libcurl
            // keeps it as idle, and the socket stays in the epoll set until it turns readable.
            let server = try LoopbackHTTPServer { _ in
                .wrongContentLength(announced: 2, body: Array("{}".utf8), closeAfter: true)
            }
            defer { server.stop() }
            let transport = try CurlTransport(
                options: .init(connectTimeout: .seconds(5), requestTimeout: .seconds(10)),
                idlePollInterval: .seconds(60))
            let request = LoginRadiusRequest(method: .get, baseURL: server.baseURL, pathSegments: ["a"])
            let first = try await transport.send(request)
            #expect(first.status == 200)
            // The close makes the idle socket readable: the loop thread takes it out of the set
            // (it would otherwise report it again and again) without telling libcurl.
            let deadline = ContinuousClock.now + .seconds(10)
            while transport.idleSocketsDropped == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(transport.idleSocketsDropped == 1)
            let second = try await transport.send(request)
            #expect(second.status == 200)
            #expect(second.body == Data("{}".utf8))
            #expect(server.connectionCount == 2)
            await transport.shutdown()
        }

        @Test("Concurrent calls from many tasks all complete while the loop thread sleeps between replies")
        func concurrentCallsComplete() async throws {
            let server = try TransportTestSupport.echoServer()
            defer { server.stop() }
            let transport = try CurlTransport(
                options: .init(connectTimeout: .seconds(5), requestTimeout: .seconds(10)),
                idlePollInterval: .seconds(60))
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        let response = try await transport.send(
                            LoginRadiusRequest(
                                method: .post, baseURL: server.baseURL, pathSegments: ["call", "\(index)"],
                                body: Data("\(index)".utf8)))
                        return response.body == Data("\(index)".utf8) ? response.status : -1
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 64)
            #expect(statuses.allSatisfy { $0 == 200 })
            await transport.shutdown()
        }
    #endif
}
